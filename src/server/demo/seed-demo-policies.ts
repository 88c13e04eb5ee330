// Demo policies (demo mode only): four published measures of the demo city — a 专精特新 award granted without application, a 吴兴区 industrial revenue reward and a 南浔区 技改 subsidy taken by application, an information-only tax measure — so 政策匹配 shows matches for the demo enterprises.
import type { Deps } from '../deps.ts';
import { systemContext } from '../http/context.ts';
import type { Actor } from '../domains/auth/actor.ts';
import { businessDateOf } from '../domains/calendar/working-days.ts';
import { createPolicy, publishPolicy } from '../domains/policies/manage-policies.ts';
import type { PolicyInput } from '../../shared/schemas/policies.ts';

export function demoPolicies(year: number): PolicyInput[] {
  const period = { effectiveFrom: `${year}-01-01`, effectiveUntil: `${year + 1}-12-31` };
  return [
    {
      title: '湖州市专精特新中小企业一次性奖励（免申即享）',
      documentNumber: `湖经信发〔${year}〕18号`,
      issuingDepartment: '湖州市经济和信息化局',
      contactName: '周敏',
      contactPhone: '0572-2398765',
      ...period,
      summary: '对有效期内的省级专精特新中小企业和国家级专精特新“小巨人”企业，上年营业收入 2000 万元以上、成立满 2 年的，给予一次性奖励 50 万元，无需申报，直接兑现。',
      interpretation: [
        { heading: '谁可以享受', body: '注册在湖州市、认定有效期内的专精特新中小企业或“小巨人”企业，上年营业收入不低于 2000 万元，成立满 2 年。' },
        { heading: '享受什么', body: '一次性奖励 50 万元。' },
        { heading: '怎么享受', body: '免申即享：系统根据企业库数据自动比对，经信局审核后直接拨付至企业基本户，企业无需提交材料。' },
      ],
      clauses: [
        { id: '第二条', text: '本办法适用于注册在湖州市的省级专精特新中小企业和国家级专精特新“小巨人”企业（认定在有效期内）。' },
        { id: '第三条（一）', text: '上一年度营业收入不低于 2000 万元。' },
        { id: '第三条（二）', text: '成立满 2 年。' },
        { id: '第四条', text: '符合条件的企业给予一次性奖励 50 万元，实行免申即享。' },
      ],
      benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '50' } },
      mode: 'automatic',
      budget: '1000',
      rule: {
        type: 'all',
        items: [
          { type: 'condition', id: 'city', label: { zh: '注册在湖州市', en: 'registered in Huzhou' }, clause: '第二条', test: { attribute: 'division', within: ['3305'] } },
          {
            type: 'any',
            items: [
              { type: 'condition', id: 'specialised', label: { zh: '专精特新中小企业（有效期内）', en: 'specialised SME (valid)' }, clause: '第二条', test: { attribute: 'tag', held: 'specialised' } },
              { type: 'condition', id: 'little-giant', label: { zh: '专精特新“小巨人”（有效期内）', en: '"little giant" (valid)' }, clause: '第二条', test: { attribute: 'tag', held: 'little_giant' } },
            ],
          },
          { type: 'condition', id: 'revenue', label: { zh: '上年营业收入 ≥ 2000 万元', en: 'revenue of the previous year ≥ 20 million yuan' }, clause: '第三条（一）', test: { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '2000' } } },
          { type: 'condition', id: 'age', label: { zh: '成立满 2 年', en: 'founded at least 2 years ago' }, clause: '第三条（二）', test: { attribute: 'founded', op: 'ageAtLeast', years: 2 } },
        ],
      },
    },
    {
      title: `吴兴区规上工业企业${year - 1}年度营收奖励`,
      documentNumber: `吴政办发〔${year}〕7号`,
      issuingDepartment: '湖州市吴兴区人民政府办公室',
      contactName: '沈佳',
      contactPhone: '0572-2671234',
      ...period,
      summary: `吴兴区工业企业 ${year - 1} 年主营业务收入 2000 万元以上、纳税信用 A 级或 B 级的，按营业收入的 0.5% 给予奖励，最高 30 万元；企业在线确认后申报。`,
      interpretation: [
        { heading: '谁可以申报', body: `注册在吴兴区的工业企业（采矿业、制造业、电力热力燃气及水生产和供应业），${year - 1} 年主营业务收入不低于 2000 万元，纳税信用 A 级或 B 级。` },
        { heading: '奖励多少', body: `按 ${year - 1} 年营业收入的 0.5% 计算，单个企业最高 30 万元。` },
        { heading: '怎么申报', body: '申报表由系统按企业库数据预填，企业确认并上传财务报表后提交，经信局 10 个工作日内审核。' },
      ],
      clauses: [
        { id: '第二条', text: '本办法适用于注册在吴兴区的工业企业。' },
        { id: '第三条', text: `${year - 1} 年主营业务收入不低于 2000 万元。` },
        { id: '第四条', text: '纳税信用等级为 A 级或 B 级。' },
        { id: '第五条', text: '按营业收入的 0.5% 给予奖励，单个企业最高 30 万元。' },
      ],
      benefit: { kind: 'subsidy', amount: { type: 'formula', figure: 'revenue', year: { absolute: year - 1 }, ratePercent: '0.5', capWan: '30' } },
      mode: 'application',
      budget: '500',
      rule: {
        type: 'all',
        items: [
          { type: 'condition', id: 'district', label: { zh: '注册在吴兴区', en: 'registered in Wuxing District' }, clause: '第二条', test: { attribute: 'division', within: ['330502'] } },
          { type: 'condition', id: 'industry', label: { zh: '工业企业（B、C、D 门类）', en: 'industrial enterprise (sections B, C, D)' }, clause: '第二条', test: { attribute: 'industry', under: ['B', 'C', 'D'] } },
          { type: 'condition', id: 'revenue', label: { zh: `${year - 1} 年主营业务收入 ≥ 2000 万元`, en: `revenue of ${year - 1} ≥ 20 million yuan` }, clause: '第三条', test: { attribute: 'figure', figure: 'revenue', year: { absolute: year - 1 }, compare: { op: 'gte', value: '2000' } } },
          { type: 'condition', id: 'credit', label: { zh: '纳税信用 A 级或 B 级', en: 'tax credit rating A or B' }, clause: '第四条', test: { attribute: 'credit', in: ['A', 'B'] } },
        ],
      },
    },
    {
      title: '制造业中小微企业研发费用加计扣除政策告知',
      documentNumber: `湖税发〔${year}〕3号`,
      issuingDepartment: '国家税务总局湖州市税务局',
      contactName: '钱立',
      contactPhone: '12366',
      ...period,
      summary: '制造业中小微企业开展研发活动中实际发生的研发费用，在按规定据实扣除的基础上，再按实际发生额的 100% 在税前加计扣除。本政策为告知类，企业在年度汇算清缴时自行享受。',
      interpretation: [
        { heading: '谁可以享受', body: '制造业中型、小型、微型企业，纳税信用 A 级或 B 级。' },
        { heading: '怎么享受', body: '年度企业所得税汇算清缴时填报《研发费用加计扣除优惠明细表》，无需审批。' },
      ],
      clauses: [
        { id: '第一条', text: '制造业企业开展研发活动中实际发生的研发费用，再按照实际发生额的 100% 在税前加计扣除。' },
        { id: '第二条', text: '本告知面向纳税信用 A 级或 B 级的制造业中小微企业。' },
      ],
      benefit: { kind: 'tax_relief', amount: null },
      mode: 'information',
      rule: {
        type: 'all',
        items: [
          { type: 'condition', id: 'manufacturing', label: { zh: '属于制造业（C 门类）', en: 'manufacturing (section C)' }, clause: '第一条', test: { attribute: 'industry', under: ['C'] } },
          { type: 'condition', id: 'sme', label: { zh: '中型、小型或微型企业', en: 'medium, small or micro enterprise' }, clause: '第二条', test: { attribute: 'size', in: ['medium', 'small', 'micro'] } },
          { type: 'condition', id: 'credit', label: { zh: '纳税信用 A 级或 B 级', en: 'tax credit rating A or B' }, clause: '第二条', test: { attribute: 'credit', in: ['A', 'B'] } },
        ],
      },
    },
    {
      title: '南浔区规上工业企业智能化技术改造补助（申报）',
      documentNumber: `浔经信发〔${year}〕5号`,
      issuingDepartment: '湖州市南浔区经济和信息化局',
      contactName: '陆红',
      contactPhone: '0572-3021234',
      ...period,
      summary: '南浔区规上工业企业上年营业收入 1 亿元以上、纳税信用 A 级的，按上年纳税额的 2% 给予智能化技术改造补助，单个企业最高 20 万元；企业在线申报，经信局 15 个工作日内审核。',
      interpretation: [
        { heading: '谁可以申报', body: '注册在南浔区、认定为规模以上工业企业，上年营业收入不低于 1 亿元，纳税信用 A 级。' },
        { heading: '补助多少', body: '按上年纳税额的 2% 计算，单个企业最高 20 万元。' },
        { heading: '怎么申报', body: '申报表按企业库数据预填，企业确认联系人并上传技改项目材料后提交；经信局 15 个工作日内审核，通过后直接拨付。' },
      ],
      clauses: [
        { id: '第二条', text: '本办法适用于注册在南浔区的规模以上工业企业。' },
        { id: '第三条', text: '上一年度营业收入不低于 1 亿元，纳税信用等级为 A 级。' },
        { id: '第四条', text: '按上一年度纳税额的 2% 给予补助，单个企业最高 20 万元，实行一次申报、限时审核。' },
      ],
      benefit: { kind: 'subsidy', amount: { type: 'formula', figure: 'tax', year: { relative: -1 }, ratePercent: '2', capWan: '20' } },
      mode: 'application',
      budget: '200',
      reviewWorkingDays: 15,
      rule: {
        type: 'all',
        items: [
          { type: 'condition', id: 'district', label: { zh: '注册在南浔区', en: 'registered in Nanxun District' }, clause: '第二条', test: { attribute: 'division', within: ['330503'] } },
          { type: 'condition', id: 'above-scale', label: { zh: '规模以上工业企业', en: 'industrial enterprise above designated size' }, clause: '第二条', test: { attribute: 'tag', held: 'above_scale' } },
          { type: 'condition', id: 'revenue', label: { zh: '上年营业收入 ≥ 10000 万元', en: 'revenue of the previous year ≥ 100 million yuan' }, clause: '第三条', test: { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '10000' } } },
          { type: 'condition', id: 'credit', label: { zh: '纳税信用 A 级', en: 'tax credit rating A' }, clause: '第三条', test: { attribute: 'credit', in: ['A'] } },
        ],
      },
    },
  ];
}

/** Creates and publishes the demo policies as the demo policy officer (eligible demo enterprises are told in-app). */
export async function seedDemoPolicies(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const officer = await deps.db.selectFrom('users').select(['id', 'username', 'display_name', 'org_unit_id']).where('username', '=', 'policy').executeTakeFirst();
  if (!officer) return 0;
  const actor: Actor = { userId: officer.id, username: officer.username, displayName: officer.display_name, roles: ['policy_officer'], orgUnitId: officer.org_unit_id, enterpriseId: null, sessionId: null, tokenId: null };
  const ctx = systemContext('seed-demo');
  const year = Number(businessDateOf(deps.clock.now()).slice(0, 4));
  const unit = await deps.db.selectFrom('org_units').select('id').where('code', '=', 'fgw').executeTakeFirst();
  let published = 0;
  for (const input of demoPolicies(year)) {
    const draft = await createPolicy(deps, ctx, actor, { ...input, responsibleUnitId: unit?.id ?? null });
    await publishPolicy(deps, ctx, actor, draft.id);
    published++;
  }
  return published;
}
