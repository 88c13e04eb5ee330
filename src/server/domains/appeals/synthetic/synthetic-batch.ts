// One batch of synthetic appeals in memory: intake fields (who, where, what, which channel), the simulated life, the timeline, extension requests and supervision.
import type { ClockCalendar } from '../clock-math.ts';
import { simulate, type MergeTarget, type SyntheticAlert, type SyntheticAppealRow, type SyntheticEvent, type SyntheticExtension, type SyntheticSupervision } from './lifecycle.ts';
import { weighted, type Rng } from './prng.ts';
import { departmentPicker, suggested, type SyntheticContext } from './synthetic-context.ts';
import type { SyntheticEnterprise } from './synthetic-enterprises.ts';
import { appealText, meetingNames, mobilePhone, personName, type CategoryCode } from './texts.ts';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

const categoryMix = weighted<CategoryCode>([
  ['approval', 17], ['policy', 15], ['utilities', 12], ['finance', 10], ['talent', 9], ['land', 8], ['tax', 9], ['enforcement', 7], ['market', 6], ['other', 7],
]);
const enterpriseChannels = weighted([['web', 34], ['mobile', 26], ['hotline_12345', 14], ['wechat', 7], ['meeting', 5], ['reception_day', 3], ['field_visit', 6], ['complaint_platform', 3], ['api', 2]] as const);
const citizenChannels = weighted([['hotline_12345', 60], ['wechat', 15], ['letter', 10], ['reception_day', 10], ['complaint_platform', 5]] as const);
const selfServiceChannels = new Set(['web', 'mobile', 'api']);
const meetingChannels = new Set(['meeting', 'reception_day', 'field_visit']);
/** Relative intake per hour of the day (Shanghai), office hours first. */
const hourMix = weighted([0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 1, 3, 8, 10, 9, 4, 4, 8, 9, 8, 6, 3, 2, 2, 1.5, 1, 0.5].map((w, h) => [h, w] as const));

/** Submission instants over the last `years`: more on working days and in office hours, growing over time; sorted. */
export function submissionTimes(rng: Rng, cal: ClockCalendar, now: number, count: number, years: number): Float64Array {
  const lastDay = Math.floor((now + SHANGHAI) / DAY);
  const firstDay = lastDay - Math.max(1, Math.round(365.25 * years)) + 1;
  const cumulative: number[] = [];
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const growth = 0.7 + (0.6 * (day - firstDay)) / Math.max(1, lastDay - firstDay);
    total += growth * (cal.isWorkingDay(day) ? 1 : 0.12);
    cumulative.push(total);
  }
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let t = Infinity;
    while (t >= now) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      t = (firstDay + lo) * DAY - SHANGHAI + hourMix(rng) * 3_600_000 + rng.int(3_600_000);
    }
    times[i] = t;
  }
  return times.sort();
}

export interface Batch {
  rows: SyntheticAppealRow[];
  events: SyntheticEvent[];
  extensions: SyntheticExtension[];
  /** Numbered by the caller (supervision_number_seq) in registration order. */
  supervisions: SyntheticSupervision[];
  alerts: SyntheticAlert[];
}

export interface BatchInput {
  rng: Rng;
  /** A separate stream for ids, so that they do not shift the content. */
  ids: Rng;
  ctx: SyntheticContext;
  enterprises: readonly SyntheticEnterprise[];
  submittedAt: ArrayLike<number>;
  numbers: readonly number[];
  /** Lets the caller yield to I/O (a previous batch being written) every few hundred appeals. */
  pause: () => Promise<void>;
}

const pickersByContext = new WeakMap<SyntheticContext, ReturnType<typeof departmentPicker>>();

export async function buildBatch(input: BatchInput): Promise<Batch> {
  const { rng, ids, ctx, enterprises } = input;
  let pickers = pickersByContext.get(ctx);
  if (!pickers) pickersByContext.set(ctx, (pickers = departmentPicker(ctx)));
  const rows: SyntheticAppealRow[] = [];
  const eventsOf: SyntheticEvent[][] = [];
  const extensions: SyntheticExtension[] = [];
  const supervisions: SyntheticSupervision[] = [];
  const alerts: SyntheticAlert[] = [];
  // Duplicates are merged into an earlier appeal of the same batch, so that its merged-in event is written with its timeline.
  const recent: MergeTarget[] = [];
  const indexById = new Map<string, number>();
  for (let i = 0; i < input.numbers.length; i++) {
    if (i % 500 === 499) await input.pause();
    const { row, category, districtCode, enterpriseUserId } = intake(rng, ids, ctx, enterprises, new Date(input.submittedAt[i]!), input.numbers[i]!);
    const pick = pickers(category, districtCode);
    const suggestion = row.suggested_department_id ? ctx.departmentsById.get(row.suggested_department_id) : undefined;
    indexById.set(row.id, rows.length);
    eventsOf.push([]);
    const life = simulate(rng, row, {
      cal: ctx.cal,
      now: ctx.now.getTime(),
      durations: ctx.durations(row.category_id!, row.urgency),
      pickDepartment: (r, except) => {
        // Dispatchers mostly follow the catalogue's suggestion for a first assignment.
        if (suggestion && except === null && r.chance(0.6)) return suggestion;
        let d = pick(r);
        for (let attempt = 0; attempt < 4 && d.id === except; attempt++) d = pick(r);
        return d;
      },
      dispatcher: ctx.dispatcher,
      followup: ctx.followup,
      enterpriseUserId,
      findMergeTarget: (at) => {
        for (let k = recent.length - 1; k >= Math.max(0, recent.length - 200); k--) {
          const t = recent[k]!;
          if (t.mergeable && t.category === category && t.submittedAt < at - 3_600_000 && t.endedAt > at) return t;
        }
        return null;
      },
      mergedInto: (event) => eventsOf[indexById.get(event.appeal_id)!]!.push(event),
      newId: (at) => ids.timeUuid(at),
    });
    eventsOf[rows.length]!.push(...life.events);
    rows.push(row);
    extensions.push(...life.extensions);
    supervisions.push(...life.supervisions);
    alerts.push(...life.alerts);
    recent.push({ id: row.id, number: row.number, submittedAt: row.submitted_at.getTime(), endedAt: life.endedAt, mergeable: row.status !== 'rejected' && row.status !== 'merged', category });
  }
  // Each appeal's events in time order (a merged-in event lands among its target's), so event ids follow the timeline.
  const events = eventsOf.flatMap((list) => list.sort((a, b) => a.at.getTime() - b.at.getTime()));
  supervisions.sort((a, b) => a.registered_at.getTime() - b.registered_at.getTime());
  return { rows, events, extensions, supervisions, alerts };
}

/** Intake fields of one appeal: who raised it where, about what, through which channel, how urgent. */
function intake(rng: Rng, ids: Rng, ctx: SyntheticContext, enterprises: readonly SyntheticEnterprise[], submittedAt: Date, sequence: number) {
  const category = categoryMix(rng);
  const categoryId = ctx.categories.get(category)!;
  // A few enterprises raise many appeals, most raise a few; some appeals come from individuals (个体户, citizens) without one.
  const enterprise = rng.chance(0.92) ? enterprises[Math.floor(enterprises.length * rng.next() ** 1.6)]! : null;
  const town = enterprise ? null : rng.pick(ctx.townships);
  const divisionCode = enterprise?.divisionCode ?? town!.divisionCode;
  const channel = enterprise ? enterpriseChannels(rng) : citizenChannels(rng);
  const text = appealText(rng, category, enterprise && rng.chance(0.3) ? enterprise.name : null, enterprise?.town ?? town!.name);
  const day = new Date(submittedAt.getTime() + SHANGHAI).toISOString().slice(0, 10).replaceAll('-', '');
  const row: SyntheticAppealRow = {
    id: ids.timeUuid(submittedAt.getTime()),
    number: `SQ${day}${String(sequence).padStart(6, '0')}`,
    title: text.title,
    content: text.content,
    status: 'submitted',
    channel,
    source_note: meetingChannels.has(channel) ? rng.pick(meetingNames) : null,
    category_id: categoryId,
    urgency: rng.chance(0.05) ? 'urgent' : 'normal',
    enterprise_id: enterprise?.id ?? null,
    contact_name: enterprise ? (rng.chance(0.9) ? enterprise.contactName : null) : personName(rng),
    contact_phone: enterprise ? (rng.chance(0.9) ? enterprise.contactPhone : null) : mobilePhone(rng),
    region_unit_id: enterprise?.regionUnitId ?? town!.unitId,
    district_unit_id: enterprise ? enterprise.districtUnitId : town!.districtUnitId,
    submitted_at: submittedAt,
    submitted_by: selfServiceChannels.has(channel) ? (enterprise?.userId ?? null) : ctx.dispatcher.id,
    lead_department_id: null,
    co_department_ids: [],
    suggested_department_id: suggested(ctx, categoryId, divisionCode),
    handler_id: null,
    round: 0,
    return_count: 0,
    reopen_count: 0,
    extension_days: 0,
    reject_reason: null,
    merged_into_id: null,
    paused_at: null,
    paused_ms: 0,
    reply_content: null,
    resolution: null,
    replied_at: null,
    follow_up_at: null,
    follow_up_reached: null,
    follow_up_resolved: null,
    follow_up_rating: null,
    enterprise_rating: null,
    enterprise_rated_at: null,
    rating: null,
    closed_at: null,
    // Written out rather than spread: a spread before ~60 properties sends V8 down a slow path (20× slower per row).
    accept_started_at: null, accept_due_at: null, accept_met_at: null, accept_overdue: null, accept_used_ms: null,
    sign_started_at: null, sign_due_at: null, sign_met_at: null, sign_overdue: null, sign_used_ms: null,
    reply_started_at: null, reply_due_at: null, reply_met_at: null, reply_overdue: null, reply_used_ms: null,
    follow_up_started_at: null, follow_up_due_at: null, follow_up_met_at: null, follow_up_overdue: null, follow_up_used_ms: null,
    next_due_at: null,
    supervised: false,
    terms: text.terms,
    version: 1,
    created_at: submittedAt,
    updated_at: submittedAt,
  };
  return { row, category, districtCode: divisionCode.slice(0, 6), enterpriseUserId: enterprise?.userId ?? null };
}
