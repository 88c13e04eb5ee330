// Synthetic enterprises for the synthetic appeals: plausible names (湖州XX科技有限公司), valid credit codes, townships of the city; created once per seed.
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import { makeUscc } from '../../../../shared/uscc.ts';
import { Rng } from './prng.ts';
import { mobilePhone, personName } from './texts.ts';

const firstChars = '华金鑫宏盛恒鼎瑞丰达兴隆昌泰祥荣富源通远新嘉佳汇德和安康永裕锦博润弘凯科创力天';
const secondChars = '诚信峰茂晟辉耀泽祥宇航启明帆越晨旭航正川亿顺捷美乐澜尚海青湖溪山林';
const industries = ['科技', '纺织', '童装', '木业', '新材料', '机械', '电子', '生物医药', '食品', '物流', '建材', '服饰', '家居', '光电', '智能装备', '环保科技', '贸易', '印染', '精密制造', '电气'];
const forms = [['有限公司', 85], ['股份有限公司', 10], ['有限责任公司', 5]] as const;
/** Characters allowed in the body of a credit code (no I, O, S, V, Z). */
const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface Township {
  unitId: string;
  name: string;
  divisionCode: string;
  districtUnitId: string | null;
}

export interface SyntheticEnterprise {
  id: string;
  name: string;
  regionUnitId: string;
  districtUnitId: string | null;
  town: string;
  divisionCode: string;
  contactName: string;
  contactPhone: string;
  /** The enterprise's own user (demo enterprises have one). */
  userId: string | null;
}

/** The organisation-code body of the i-th synthetic enterprise of a seed: 'MAQ' + five base-31 characters, so it never meets the demo codes. */
function orgBody(seed: number, i: number): string {
  let body = '';
  let n = (seed * 1_000_003 + i) % 31 ** 5;
  for (let k = 0; k < 5; k++) {
    body = USCC_BODY[n % 31] + body;
    n = Math.floor(n / 31);
  }
  return `MAQ${body}`;
}

function form(rng: Rng): string {
  const x = rng.int(100);
  return x < forms[0][1] ? forms[0][0] : x < forms[0][1] + forms[1][1] ? forms[1][0] : forms[2][0];
}

/** Creates (or finds, on a re-run with the same seed) `count` synthetic enterprises spread over the townships; returns them with the demo enterprises. */
export async function ensureSyntheticEnterprises(db: Executor, seed: number, count: number, townships: readonly Township[], at: Date): Promise<{ enterprises: SyntheticEnterprise[]; created: number }> {
  if (townships.length === 0) throw new Error('no townships: load the demo city (qinqing seed --demo) or an organisation tree first');
  const rng = new Rng(`${seed}/enterprises`);
  const names = new Set<string>();
  const planned: Array<{ uscc: string; name: string; town: Township }> = [];
  for (let i = 0; i < count; i++) {
    const town = townships[Math.floor(townships.length * rng.next() ** 1.3)]!;
    let name = '';
    for (let attempt = 0; attempt < 20 && (name === '' || names.has(name)); attempt++) {
      const brand = rng.pick([...firstChars]) + rng.pick([...secondChars]);
      const place = rng.chance(0.3) ? town.name.replace(/(镇|街道|乡)$/, '') : '';
      name = `湖州${place}${brand}${rng.pick(industries)}${form(rng)}`;
    }
    if (names.has(name)) name = `${name.replace(/公司$/, '')}第${i}分公司`;
    names.add(name);
    planned.push({ uscc: makeUscc(rng.chance(0.9) ? '91' : '92', town.divisionCode.slice(0, 6), orgBody(seed, i)), name, town });
  }
  let created = 0;
  for (let i = 0; i < planned.length; i += 5000) {
    const chunk = planned.slice(i, i + 5000);
    const result = await sql<{ id: string }>`
      INSERT INTO enterprises (uscc, name, division_code, created_at, updated_at)
      SELECT * FROM unnest(${sql.val(chunk.map((p) => p.uscc))}::text[], ${sql.val(chunk.map((p) => p.name))}::text[], ${sql.val(chunk.map((p) => p.town.divisionCode))}::text[],
        ${sql.val(chunk.map(() => at))}::timestamptz[], ${sql.val(chunk.map(() => at))}::timestamptz[])
      ON CONFLICT (uscc) DO NOTHING RETURNING id`.execute(db);
    created += result.rows.length;
  }
  const byUscc = new Map(planned.map((p) => [p.uscc, p]));
  const rows = await db
    .selectFrom('enterprises')
    .leftJoin('users', 'users.enterprise_id', 'enterprises.id')
    .select(['enterprises.id', 'enterprises.uscc', 'enterprises.name', 'enterprises.division_code', 'users.id as user_id'])
    .where((eb) => eb.or([eb('enterprises.uscc', '=', eb.fn.any(sql<string[]>`${sql.val(planned.map((p) => p.uscc))}::text[]`)), eb('users.id', 'is not', null)]))
    .orderBy('enterprises.uscc')
    .execute();
  const townByCode = new Map(townships.map((t) => [t.divisionCode, t]));
  const enterprises: SyntheticEnterprise[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const code = row.division_code ?? '';
    const town = byUscc.get(row.uscc.trim())?.town ?? townByCode.get(code.slice(0, 9)) ?? townships.find((t) => t.divisionCode.startsWith(code.slice(0, 6))) ?? townships[0]!;
    const contact = new Rng(`${seed}/contact/${row.uscc}`);
    enterprises.push({
      id: row.id,
      name: row.name,
      regionUnitId: town.unitId,
      districtUnitId: town.districtUnitId,
      town: town.name,
      divisionCode: town.divisionCode,
      contactName: personName(contact),
      contactPhone: mobilePhone(contact),
      userId: row.user_id,
    });
  }
  // Shuffled with the seed, so that the busiest enterprises are not the first codes.
  const order = new Rng(`${seed}/order`);
  for (let i = enterprises.length - 1; i > 0; i--) {
    const j = order.int(i + 1);
    [enterprises[i], enterprises[j]] = [enterprises[j]!, enterprises[i]!];
  }
  return { enterprises, created };
}
