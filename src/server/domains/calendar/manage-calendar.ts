// Administrator edits of the calendar: set or remove one day's exception, publish a year; each audited in the same transaction.
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { CalendarDayView, CalendarStatus } from '../../../shared/schemas/index.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { countHolidaysInYear, findCalendarDay, toCalendarDayView } from './calendar.repository.ts';
import { invalidateCalendarCache } from './calendar.service.ts';
import { calendarStatus } from './calendar-status.ts';
import type { DayKind } from './working-days.ts';

type Ctx = Pick<Deps, 'clock'> & { db: Executor };

export async function setCalendarDay(
  deps: Ctx,
  ctx: RequestContext,
  date: string,
  input: { kind: DayKind; name: string },
): Promise<CalendarDayView> {
  const now = deps.clock.now();
  const view = await inTransaction(deps.db, async (trx) => {
    const before = await findCalendarDay(trx, date);
    const row = await trx
      .insertInto('calendar_days')
      .values({ date, kind: input.kind, name: input.name, source: 'admin', updated_at: now, updated_by: ctx.actor?.userId ?? null })
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({ kind: input.kind, name: input.name, source: 'admin', updated_at: now, updated_by: ctx.actor?.userId ?? null }),
      )
      .returning(['date', 'kind', 'name', 'source'])
      .executeTakeFirstOrThrow();
    const after = toCalendarDayView(row);
    await recordAudit(
      trx,
      ctx,
      { action: 'calendar_day.set', entityType: 'calendar_day', entityId: date, before: before ? toCalendarDayView(before) : null, after },
      now,
    );
    return after;
  });
  invalidateCalendarCache();
  return view;
}

export async function deleteCalendarDay(deps: Ctx, ctx: RequestContext, date: string): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const before = await trx.deleteFrom('calendar_days').where('date', '=', date).returning(['date', 'kind', 'name', 'source']).executeTakeFirst();
    if (!before) throw notFound('日历例外日 / calendar day');
    await recordAudit(trx, ctx, { action: 'calendar_day.delete', entityType: 'calendar_day', entityId: date, before: toCalendarDayView(before) }, now);
  });
  invalidateCalendarCache();
}

/** Marks a year's official schedule as entered; a year without a single holiday is surely not entered yet, so it is refused. */
export async function publishYear(deps: Ctx, ctx: RequestContext, year: number, note?: string): Promise<CalendarStatus> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    if ((await countHolidaysInYear(trx, year)) === 0) {
      throw conflict(`${year} 年尚未录入任何节假日，请先录入国务院通知中的安排 / enter the ${year} holidays from the State Council notice first`, 'year');
    }
    const inserted = await trx
      .insertInto('calendar_years')
      .values({ year, source: 'admin', note: note ?? null, created_at: now })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning(['year', 'source', 'note'])
      .executeTakeFirst();
    if (inserted) {
      await recordAudit(trx, ctx, { action: 'calendar_year.publish', entityType: 'calendar_year', entityId: String(year), after: inserted }, now);
    }
  });
  invalidateCalendarCache();
  return calendarStatus(deps.db, now);
}
