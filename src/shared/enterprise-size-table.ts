// The size thresholds of 国家统计局《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号), 附表, transcribed as data with each row's GB/T 4754-2017 scope.
/**
 * Source: 国家统计局, 统计上大中小微型企业划分办法（2017）, 国统字〔2017〕213号, 2017-12-28 (replacing 国统字〔2011〕75号;
 * thresholds unchanged from 工信部联企业〔2011〕300号). 附注 1: 大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；
 * 微型企业只须满足所列指标中的一项即可. 附注 2 gives the scope of the starred (combined) rows.
 *
 * Scope entries are GB/T 4754-2017 codes: a section letter, a 2-digit division, a 3-digit group or a 4-digit class.
 * A class belongs to the row with the most specific matching entry, so 591 装卸搬运 (transport) wins over 59 (warehousing).
 */
export type SizeIndicator = 'headcount' | 'revenue' | 'assets';

export interface SizeThreshold {
  indicator: SizeIndicator;
  /** Lower bounds (inclusive) of 大型, 中型, 小型; below the 小型 bound is 微型. Headcount in persons, money in 万元. */
  large: number;
  medium: number;
  small: number;
}

export interface SizeTableRow {
  key: string;
  name: { zh: string; tw: string; en: string };
  /** Marked * in the official table: a combination of GB/T 4754 categories defined in 附注 2. */
  combined: boolean;
  scope: string[];
  thresholds: SizeThreshold[];
}

export const SIZE_TABLE_SOURCE = '国家统计局《统计上大中小微型企业划分办法（2017）》国统字〔2017〕213号 附表';

export const SIZE_TABLE: readonly SizeTableRow[] = [
  {
    key: 'agriculture',
    name: { zh: '农、林、牧、渔业', tw: '農、林、牧、漁業', en: 'Agriculture, forestry, animal husbandry and fishery' },
    combined: false,
    scope: ['A'],
    thresholds: [{ indicator: 'revenue', large: 20000, medium: 500, small: 50 }],
  },
  {
    key: 'industry',
    name: { zh: '工业', tw: '工業', en: 'Industry' },
    combined: true,
    scope: ['B', 'C', 'D'],
    thresholds: [
      { indicator: 'headcount', large: 1000, medium: 300, small: 20 },
      { indicator: 'revenue', large: 40000, medium: 2000, small: 300 },
    ],
  },
  {
    key: 'construction',
    name: { zh: '建筑业', tw: '建築業', en: 'Construction' },
    combined: false,
    scope: ['E'],
    thresholds: [
      { indicator: 'revenue', large: 80000, medium: 6000, small: 300 },
      { indicator: 'assets', large: 80000, medium: 5000, small: 300 },
    ],
  },
  {
    key: 'wholesale',
    name: { zh: '批发业', tw: '批發業', en: 'Wholesale' },
    combined: false,
    scope: ['51'],
    thresholds: [
      { indicator: 'headcount', large: 200, medium: 20, small: 5 },
      { indicator: 'revenue', large: 40000, medium: 5000, small: 1000 },
    ],
  },
  {
    key: 'retail',
    name: { zh: '零售业', tw: '零售業', en: 'Retail' },
    combined: false,
    scope: ['52'],
    thresholds: [
      { indicator: 'headcount', large: 300, medium: 50, small: 10 },
      { indicator: 'revenue', large: 20000, medium: 500, small: 100 },
    ],
  },
  {
    key: 'transport',
    name: { zh: '交通运输业', tw: '交通運輸業', en: 'Transport' },
    combined: true,
    // 道路、水上、航空、管道运输业, 多式联运和运输代理业, 装卸搬运; not 53 铁路运输业.
    scope: ['54', '55', '56', '57', '58', '591'],
    thresholds: [
      { indicator: 'headcount', large: 1000, medium: 300, small: 20 },
      { indicator: 'revenue', large: 30000, medium: 3000, small: 200 },
    ],
  },
  {
    key: 'warehousing',
    name: { zh: '仓储业', tw: '倉儲業', en: 'Warehousing' },
    combined: true,
    // 59 装卸搬运和仓储业 less 591 装卸搬运, which is transport.
    scope: ['59'],
    thresholds: [
      { indicator: 'headcount', large: 200, medium: 100, small: 20 },
      { indicator: 'revenue', large: 30000, medium: 1000, small: 100 },
    ],
  },
  {
    key: 'postal',
    name: { zh: '邮政业', tw: '郵政業', en: 'Postal services' },
    combined: false,
    scope: ['60'],
    thresholds: [
      { indicator: 'headcount', large: 1000, medium: 300, small: 20 },
      { indicator: 'revenue', large: 30000, medium: 2000, small: 100 },
    ],
  },
  {
    key: 'accommodation',
    name: { zh: '住宿业', tw: '住宿業', en: 'Accommodation' },
    combined: false,
    scope: ['61'],
    thresholds: [
      { indicator: 'headcount', large: 300, medium: 100, small: 10 },
      { indicator: 'revenue', large: 10000, medium: 2000, small: 100 },
    ],
  },
  {
    key: 'catering',
    name: { zh: '餐饮业', tw: '餐飲業', en: 'Catering' },
    combined: false,
    scope: ['62'],
    thresholds: [
      { indicator: 'headcount', large: 300, medium: 100, small: 10 },
      { indicator: 'revenue', large: 10000, medium: 2000, small: 100 },
    ],
  },
  {
    key: 'information_transmission',
    name: { zh: '信息传输业', tw: '信息傳輸業', en: 'Information transmission' },
    combined: true,
    // 63 电信、广播电视和卫星传输服务, 64 互联网和相关服务.
    scope: ['63', '64'],
    thresholds: [
      { indicator: 'headcount', large: 2000, medium: 100, small: 10 },
      { indicator: 'revenue', large: 100000, medium: 1000, small: 100 },
    ],
  },
  {
    key: 'software_it',
    name: { zh: '软件和信息技术服务业', tw: '軟件和信息技術服務業', en: 'Software and information technology services' },
    combined: false,
    scope: ['65'],
    thresholds: [
      { indicator: 'headcount', large: 300, medium: 100, small: 10 },
      { indicator: 'revenue', large: 10000, medium: 1000, small: 50 },
    ],
  },
  {
    key: 'real_estate_development',
    name: { zh: '房地产开发经营', tw: '房地產開發經營', en: 'Real estate development' },
    combined: false,
    scope: ['7010'],
    thresholds: [
      { indicator: 'revenue', large: 200000, medium: 1000, small: 100 },
      { indicator: 'assets', large: 10000, medium: 5000, small: 2000 },
    ],
  },
  {
    key: 'property_management',
    name: { zh: '物业管理', tw: '物業管理', en: 'Property management' },
    combined: false,
    scope: ['702'],
    thresholds: [
      { indicator: 'headcount', large: 1000, medium: 300, small: 100 },
      { indicator: 'revenue', large: 5000, medium: 1000, small: 500 },
    ],
  },
  {
    key: 'leasing_business_services',
    name: { zh: '租赁和商务服务业', tw: '租賃和商務服務業', en: 'Leasing and business services' },
    combined: false,
    scope: ['L'],
    thresholds: [
      { indicator: 'headcount', large: 300, medium: 100, small: 10 },
      { indicator: 'assets', large: 120000, medium: 8000, small: 100 },
    ],
  },
  {
    key: 'other',
    name: { zh: '其他未列明行业', tw: '其他未列明行業', en: 'Other industries not listed' },
    combined: true,
    // 科学研究和技术服务业, 水利、环境和公共设施管理业, 居民服务、修理和其他服务业, 社会工作, 文化、体育和娱乐业,
    // 房地产中介服务, 其他房地产业; not 704 房地产租赁经营 (自有房地产经营活动).
    scope: ['M', 'N', 'O', '85', 'R', '703', '709'],
    thresholds: [{ indicator: 'headcount', large: 300, medium: 100, small: 10 }],
  },
];

/** GB/T 4754-2017 sections by their first and last 2-digit division. */
export const GBT4754_SECTIONS: readonly { section: string; from: number; to: number }[] = [
  { section: 'A', from: 1, to: 5 },
  { section: 'B', from: 6, to: 12 },
  { section: 'C', from: 13, to: 43 },
  { section: 'D', from: 44, to: 46 },
  { section: 'E', from: 47, to: 50 },
  { section: 'F', from: 51, to: 52 },
  { section: 'G', from: 53, to: 60 },
  { section: 'H', from: 61, to: 62 },
  { section: 'I', from: 63, to: 65 },
  { section: 'J', from: 66, to: 69 },
  { section: 'K', from: 70, to: 70 },
  { section: 'L', from: 71, to: 72 },
  { section: 'M', from: 73, to: 75 },
  { section: 'N', from: 76, to: 79 },
  { section: 'O', from: 80, to: 82 },
  { section: 'P', from: 83, to: 83 },
  { section: 'Q', from: 84, to: 85 },
  { section: 'R', from: 86, to: 90 },
  { section: 'S', from: 91, to: 96 },
  { section: 'T', from: 97, to: 97 },
];
