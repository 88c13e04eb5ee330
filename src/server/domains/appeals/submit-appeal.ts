// Intake: an appeal from any channel becomes a row with its accept clock running, a first timeline event and an audit event, in one transaction.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { AppealView, CreateAppealBody } from '../../../shared/schemas/appeals.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { notifyAppealEvent } from '../notifications/appeal-notifications.ts';
import { appealTerms } from './duplicates/terms.ts';
import { clockCalendar, dueAfter } from './clock-math.ts';
import { findCategory, regionFor, stageDurations, suggestDepartment } from './appeal-rules.repository.ts';
import { appealReference } from './appeal-reference.ts';
import { loadAppealView } from './appeal.repository.ts';
import type { AppealDeps, ActionOptions } from './appeal-actions.ts';

/** Channels an enterprise uses itself; the others are staff entering an appeal on its behalf. */
const enterpriseChannels = new Set(['web', 'mobile', 'api']);

export async function submitAppeal(deps: AppealDeps, ctx: RequestContext, actor: Actor, body: CreateAppealBody, options: ActionOptions = {}): Promise<AppealView> {
  const at = options.at ?? deps.clock.now();
  const actorIsEnterprise = hasRole(actor, 'enterprise');
  const isEnterprise = actorIsEnterprise && !options.trusted;
  if (isEnterprise && !enterpriseChannels.has(body.channel)) throw invalid('channel', '企业自行提交时渠道为 web、mobile 或 api / an enterprise submits through web, mobile or api');
  if (body.channel === 'import' && !options.trusted) throw invalid('channel', '历史导入请使用导入功能 / use the import to bring in historical appeals');
  if (isEnterprise && body.enterpriseId && body.enterpriseId !== actor.enterpriseId) throw invalid('enterpriseId', '只能为本企业提交诉求 / an enterprise submits for itself only');

  const [ref, calendar] = await Promise.all([appealReference(deps.db), getCalendar(deps.db)]);
  const category = body.category ? findCategory(ref, body.category) : undefined;
  if (body.category && !category) throw invalid('category', '没有这个诉求类别 / unknown category');
  const categoryId = category?.id ?? null;
  const urgency = body.urgency ?? 'normal';
  const enterpriseId = actorIsEnterprise ? actor.enterpriseId : (body.enterpriseId ?? null);

  return inTransaction(deps.db, async (trx) => {
    const enterprise = enterpriseId ? await trx.selectFrom('enterprises').select(['id', 'name', 'division_code']).where('id', '=', enterpriseId).executeTakeFirst() : undefined;
    if (enterpriseId && !enterprise) throw invalid('enterpriseId', '企业不存在 / no such enterprise');
    const divisionCode = body.divisionCode ?? enterprise?.division_code ?? null;
    const { regionId, districtId } = regionFor(ref, divisionCode);
    if (!regionId) throw new AppError('conflict', '尚未建立组织机构 / the organisation tree is empty', [{ path: 'divisionCode', message: 'no region' }]);
    const durations = stageDurations(ref, categoryId, urgency);
    const cal = clockCalendar(calendar);
    const acceptDue = dueAfter(cal, at, durations.accept);
    const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
    const id = randomUUID();
    // One round trip: the appeal (numbered from the sequence) and its first timeline event.
    const row = await trx
      .with('a', (db) =>
        db
          .insertInto('appeals')
          .values({
            id,
            number: sql<string>`'SQ' || ${day} || lpad(nextval('appeal_number_seq')::text, 6, '0')`,
            title: body.title,
            content: body.content,
            status: 'submitted',
            channel: body.channel,
            source_note: body.sourceNote ?? null,
            category_id: categoryId,
            urgency,
            enterprise_id: enterpriseId,
            contact_name: body.contactName ?? null,
            contact_phone: body.contactPhone ?? null,
            region_unit_id: regionId,
            district_unit_id: districtId,
            submitted_at: at,
            submitted_by: actor.userId,
            suggested_department_id: suggestDepartment(ref, categoryId, divisionCode),
            accept_started_at: at,
            accept_due_at: acceptDue,
            next_due_at: acceptDue,
            terms: appealTerms(body.title, body.content),
            created_at: at,
            updated_at: at,
          })
          .returningAll(),
      )
      .with('e', (db) =>
        db.insertInto('appeal_events').values({
          appeal_id: id,
          at,
          actor_id: actor.userId,
          actor_unit_id: actor.orgUnitId,
          action: 'submit',
          from_status: null,
          to_status: 'submitted',
          note: body.sourceNote ?? null,
          data: JSON.stringify({ channel: body.channel, acceptDue: acceptDue.toISOString(), provisional: cal.provisionalUsed || undefined }),
        }),
      )
      .selectFrom('a')
      .selectAll()
      .executeTakeFirstOrThrow();
    // Dispatchers work from the triage queue; only urgent appeals interrupt them.
    if (urgency === 'urgent' && !options.quiet) await notifyAppealEvent(trx, { appeal: row, action: 'submitted', actorId: actor.userId, at });
    const view = await loadAppealView(trx, actor, row, at, options.trusted ? { kind: 'all' } : undefined, {
      names: { categoryCode: category?.code ?? null, enterpriseName: enterprise?.name ?? null, leadDepartmentName: null },
      extras: { pending: null, unreachedAttempts: 0 },
      calendar,
    });
    // The audit append serialises writers until commit, so it goes last.
    await recordAudit(trx, ctx, { action: 'appeal.submit', entityType: 'appeal', entityId: row.id, before: null, after: { number: row.number, status: 'submitted', channel: body.channel, enterpriseId } }, at);
    return view;
  });
}
