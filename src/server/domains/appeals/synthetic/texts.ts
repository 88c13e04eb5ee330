// Chinese text for synthetic appeals: titles, contents, keywords and replies per category, filled from slots with a seeded random source.
import type { Rng } from './prng.ts';

export const categoryCodes = ['utilities', 'finance', 'approval', 'land', 'talent', 'policy', 'enforcement', 'market', 'tax', 'other'] as const;
export type CategoryCode = (typeof categoryCodes)[number];

interface CategoryText {
  /** Short problem phrases; a title is built from one of them. */
  topics: readonly string[];
  /** Sentences describing the situation; {x} slots are filled below. */
  details: readonly string[];
  asks: readonly string[];
  keywords: readonly string[];
}

const roads = ['人民路', '红旗路', '凤凰路', '青铜路', '湖州大道', '劳动路', '龙溪北路', '仁皇山路', '金盖山路', '东吴南路', '二环东路', '吴兴大道', '织里北路', '南浔大道', '适园路', '嘉业南路', '康山大道', '318国道', '栋梁路', '长兴路'];
const parks = ['经济技术开发区', '高新技术产业园', '小微企业园', '科创园', '工业功能区', '物流园区', '电商产业园', '童装产业园', '智能制造园', '木业产业园'];
const businesses = ['童装生产加工', '实木地板制造', '电子元器件生产', '新能源汽车零部件制造', '生物医药研发', '纺织印染', '机械设备制造', '食品加工', '跨境电商', '软件开发', '光伏组件生产', '绿色建材', '精密铸造', '家具制造', '物流仓储'];
const equipments = ['变压器', '配电房', '供水管道', '燃气管线', '污水管网', '消防管网', '厂区道路'];
const documents = ['施工许可证', '排污许可证', '建设工程规划许可证', '消防验收意见', '不动产权证', '食品生产许可证', '环评批复', '安全生产许可证'];
const policies = ['技术改造补助', '研发费用补助', '稳岗返还', '高新技术企业奖励', '专精特新奖励', '亩均效益奖励', '首台套补助', '外贸出口奖励', '人才安居补贴', '数字化改造补助'];
const banks = ['湖州银行', '农商银行', '工商银行湖州分行', '建设银行湖州分行', '浙商银行湖州分行', '邮储银行'];
const inspectors = ['市场监管', '生态环境', '应急管理', '消防', '城管执法', '住建'];

export const texts: Record<CategoryCode, CategoryText> = {
  utilities: {
    topics: ['厂区频繁停电影响生产', '申请电力增容进度缓慢', '供水压力不足', '天然气接入迟迟未落实', '新厂房水电气报装', '电费计量存在异议', '污水管网接驳问题', '临时用电办理'],
    details: [
      '近{n}周以来厂区已停电{k}次，每次停电造成生产线停工，损失约{w}万元。',
      '我司于{m}月提交用电增容申请，由{v1}千伏安增至{v2}千伏安，至今未安排施工。',
      '厂区位于{road}，高峰时段供水压力明显不足，{equipment}无法正常运行。',
      '新建厂房已竣工，天然气管道距厂区仅约{d}米，多次联系燃气公司未有答复。',
      '{equipment}老化严重，存在安全隐患，需协调相关单位进行改造。',
      '上月电费较往月高出{p}%，生产负荷并无明显变化，怀疑计量装置异常。',
    ],
    asks: ['恳请协调供电公司尽快安排，保障正常生产。', '希望相关部门帮助协调，明确办理时限。', '请求尽快派人现场查看并解决。', '希望能够开通绿色通道，加快报装进度。'],
    keywords: ['停电', '用电', '增容', '供水', '燃气', '报装', '电费', '管网'],
  },
  finance: {
    topics: ['流动资金贷款续贷困难', '申请贴息贷款未获批', '银行抽贷压贷', '应收账款融资渠道不畅', '担保费用偏高', '首贷申请遇到困难', '知识产权质押融资咨询', '政策性担保额度不足'],
    details: [
      '我司在{bank}有{w}万元流动资金贷款将于{m}月到期，银行表示续贷需追加抵押。',
      '受原材料价格上涨影响，企业资金周转紧张，急需约{w}万元用于采购。',
      '我司已获得{k}项发明专利，希望办理知识产权质押融资，但不了解办理流程。',
      '担保公司收取的担保费率达到{p}%，明显高于政策规定标准，企业负担较重。',
      '我司订单充足，但下游客户账期长达{n}个月，应收账款占用资金{w}万元。',
    ],
    asks: ['希望政府搭建银企对接平台，帮助解决融资难题。', '请求协调银行给予无还本续贷支持。', '希望了解政策性融资担保的申请条件和流程。', '恳请帮助协调降低融资成本。'],
    keywords: ['贷款', '续贷', '融资', '担保', '贴息', '银行', '抵押'],
  },
  approval: {
    topics: ['项目审批时限过长', '施工许可办理受阻', '消防验收排队时间长', '环评审批进度咨询', '证照变更材料反复补正', '竣工验收联合办理', '排污许可证延续', '食品生产许可办理'],
    details: [
      '我司新建厂房项目于{m}月提交{doc}申请，至今已超过{n}个工作日仍未办结。',
      '窗口要求补充的材料前后{k}次不一致，企业多次往返，耗费大量时间。',
      '项目总投资约{w}万元，已完成前期准备，目前卡在{doc}环节。',
      '网上办事系统显示“审核中”已{n}天，电话咨询无人能说明具体原因。',
      '按照“最多跑一次”改革要求，希望能一次性告知所需材料。',
    ],
    asks: ['恳请相关部门加快审批进度。', '希望能够提供帮办代办服务。', '请明确办理时限和所需材料清单。', '希望实行容缺受理，先行开工。'],
    keywords: ['审批', '许可', '验收', '环评', '材料', '窗口', '证照'],
  },
  land: {
    topics: ['企业扩产用地指标紧张', '厂房不动产权证办理', '土地出让进度缓慢', '规划调整影响项目建设', '闲置土地处置', '厂区周边道路规划', '标准厂房租赁'],
    details: [
      '我司现有厂房{v1}平方米已无法满足订单需求，计划扩产需新增用地约{n}亩。',
      '厂房建成已{k}年，因历史遗留问题至今未能办理不动产权证，影响企业融资。',
      '竞得地块于{m}月签订出让合同，至今尚未交地，项目无法开工。',
      '厂区所在区块拟调整规划，企业不清楚是否涉及拆迁，投资计划被迫搁置。',
      '厂区门口{road}规划道路一直未建设，大型货车进出困难。',
    ],
    asks: ['希望帮助协调解决用地问题。', '恳请尽快明确规划方案。', '请求协调有关部门加快办理。', '希望帮助对接园区标准厂房。'],
    keywords: ['用地', '土地', '厂房', '规划', '产权证', '出让', '扩产'],
  },
  talent: {
    topics: ['技术工人招工难', '高层次人才落户咨询', '员工子女入学问题', '人才公寓申请', '职业技能培训补贴', '外籍员工工作许可', '社保缴费基数问题', '劳动用工纠纷调处'],
    details: [
      '我司目前缺少熟练技工约{k}人，在招聘平台发布信息{n}个月仍招不到合适人员。',
      '新引进的{k}名硕士研究生希望办理落户并申请人才安居补贴，不清楚办理流程。',
      '多名外地员工子女面临入学问题，员工担心无法就近入学，影响队伍稳定。',
      '企业组织员工参加技能培训，培训补贴申请已提交{n}个月仍未到账。',
      '园区周边缺少员工宿舍，员工通勤时间长，流失率较高。',
    ],
    asks: ['希望人社部门组织专场招聘会。', '请求协调解决员工子女入学问题。', '恳请加快补贴审核发放。', '希望提供人才政策解读和申报指导。'],
    keywords: ['招工', '人才', '落户', '培训', '社保', '子女入学', '公寓'],
  },
  policy: {
    topics: ['补助资金迟迟未兑现', '政策申报条件咨询', '奖励资金拨付进度', '惠企政策兑现流程繁琐', '申报系统无法提交', '政策兑现材料被退回'],
    details: [
      '我司{y}年度{policy}已于{m}月公示，至今未收到资金，金额约{w}万元。',
      '按照相关文件，我司符合{policy}申报条件，但区里答复尚无实施细则。',
      '申报材料被退回{k}次，每次退回理由不同，企业无所适从。',
      '政策兑现需要企业提供{k}类证明材料，部分材料需跨部门开具，耗时较长。',
      '在线申报系统提交时提示错误，多次尝试仍无法提交，申报截止日期临近。',
    ],
    asks: ['恳请尽快兑现政策资金，缓解企业资金压力。', '希望明确兑现时间表。', '请求简化申报材料，实现“免申即享”。', '希望安排专人进行政策辅导。'],
    keywords: ['补助', '奖励', '兑现', '申报', '政策', '资金', '公示'],
  },
  enforcement: {
    topics: ['同一事项多头重复检查', '行政处罚裁量过重', '检查频次过高影响生产', '整改期限过短', '执法人员态度问题', '首违不罚适用咨询'],
    details: [
      '本月以来已有{inspector}等{k}个部门先后到厂检查，检查内容大体相同。',
      '我司因{doc}过期被处以罚款{w}万元，企业认为属于首次轻微违法，请求依法从轻处理。',
      '检查组要求{n}日内完成整改，但相关设备需定制采购，时间上无法完成。',
      '检查期间要求停产配合，一次检查导致停产{k}天，损失较大。',
      '希望推行“综合查一次”，减少对企业正常经营的干扰。',
    ],
    asks: ['恳请统筹检查计划，避免重复检查。', '请求依法依规从轻处理。', '希望适当延长整改期限。', '希望执法部门加强指导服务。'],
    keywords: ['检查', '执法', '处罚', '整改', '罚款', '停产'],
  },
  market: {
    topics: ['遭遇恶意低价竞争', '商标被他人冒用', '招投标设置不合理门槛', '拖欠货款维权', '网络侵权投诉', '行业协会乱收费'],
    details: [
      '近期市场上出现大量仿冒我司商标的产品，价格仅为正品的{p}%，严重影响品牌声誉。',
      '某国有企业拖欠我司货款{w}万元已超过{n}个月，多次催讨无果。',
      '某招标文件要求投标企业注册资本不低于{w}万元，明显排斥本地中小企业。',
      '电商平台上有店铺盗用我司产品图片和宣传资料，投诉后平台处理缓慢。',
      '行业协会要求会员企业每年缴纳{k}千元“服务费”，否则不予出具相关证明。',
    ],
    asks: ['恳请相关部门依法查处。', '希望帮助协调追讨欠款。', '请求规范招投标行为，维护公平竞争。', '希望加强知识产权保护。'],
    keywords: ['商标', '侵权', '欠款', '招投标', '竞争', '收费'],
  },
  tax: {
    topics: ['出口退税到账慢', '增值税留抵退税咨询', '发票额度不足', '研发费用加计扣除政策咨询', '税务稽查程序问题', '社保费缴纳异议', '电子税务局操作问题'],
    details: [
      '我司{m}月申报的出口退税约{w}万元至今未到账，资金周转压力较大。',
      '企业月开票量增长较快，现有发票额度不足，每月需多次申请调整。',
      '研发费用加计扣除的归集口径不清楚，担心申报不准确带来风险。',
      '电子税务局在申报{k}月份报表时持续报错，办税服务厅排队时间较长。',
      '我司符合留抵退税条件，已提交申请{n}个工作日，尚未收到审核结果。',
    ],
    asks: ['恳请税务部门加快审核。', '希望提供一对一辅导。', '请求适当提高发票领用额度。', '希望明确政策口径。'],
    keywords: ['退税', '发票', '加计扣除', '税务', '申报', '留抵'],
  },
  other: {
    topics: ['企业周边交通拥堵', '厂区周边环境整治', '企业班车停靠点设置', '公共充电桩建设建议', '园区食堂配套不足', '企业宣传推广支持'],
    details: [
      '每天上下班高峰期，厂区门口{road}路段拥堵严重，存在安全隐患。',
      '厂区周边垃圾长期无人清运，影响企业形象和员工健康。',
      '园区现有企业{k}家、员工约{n}百人，但仅有一处小型食堂，就餐困难。',
      '企业新能源车辆较多，园区内缺少公共充电设施。',
      '希望政府在展会和推介活动中为本地企业提供更多展示机会。',
    ],
    asks: ['希望有关部门统筹研究解决。', '恳请协调相关部门现场查看。', '请求增设相关配套设施。', '希望给予支持。'],
    keywords: ['交通', '环境', '配套', '班车', '充电桩', '食堂'],
  },
};

const replyOpenings = ['经调查核实，', '收到诉求后，我单位高度重视，', '经与企业电话沟通并现场查看，', '经研究，', '经协调相关单位，'];
const replyBodies: Record<'resolved' | 'partially_resolved' | 'unresolved' | 'explained', readonly string[]> = {
  resolved: ['已于{date}完成处理，问题已解决，企业表示认可。', '已协调有关单位落实，相关事项已办结。', '已开通绿色通道，事项已于{date}办结。'],
  partially_resolved: ['已解决其中主要问题，剩余事项已列入计划，预计{n}个月内完成。', '已部分落实，后续将持续跟踪。'],
  unresolved: ['因涉及政策调整，暂无法解决，已向上级部门反映。', '受客观条件限制，目前无法满足企业诉求。'],
  explained: ['已向企业详细解释相关政策规定和办理流程，企业表示理解。', '该事项按现行规定办理，已做好解释说明工作。'],
};

export const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程沈姚'.split('');
const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅新华志强海燕文斌晓东建平俊杰雪梅'.split('');

function slot(key: string, rng: Rng): string {
  switch (key) {
    case 'n':
      return String(rng.between(2, 12));
    case 'k':
      return String(rng.between(2, 6));
    case 'w':
      return String(rng.between(3, 500) * 10);
    case 'p':
      return String(rng.between(15, 60));
    case 'm':
      return String(rng.between(1, 12));
    case 'd':
      return String(rng.between(50, 800));
    case 'y':
      return String(rng.between(2022, 2026));
    case 'v1':
      return String(rng.between(4, 20) * 100);
    case 'v2':
      return String(rng.between(21, 60) * 100);
    case 'road':
      return rng.pick(roads);
    case 'equipment':
      return rng.pick(equipments);
    case 'doc':
      return rng.pick(documents);
    case 'policy':
      return rng.pick(policies);
    case 'bank':
      return rng.pick(banks);
    case 'inspector':
      return rng.pick(inspectors);
    default:
      return key;
  }
}

/** Templates split once into text and slot names (odd positions), since a million appeals fill them. */
const parsed = new Map<string, string[]>();
function fill(template: string, rng: Rng, vars: Record<string, string> = {}): string {
  let parts = parsed.get(template);
  if (!parts) parsed.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (vars[parts[i]!] ?? slot(parts[i]!, rng)) + parts[i + 1]!;
  return out;
}

export interface AppealText {
  title: string;
  content: string;
  terms: string[];
}

/** A title and content for an appeal of `category` raised by `enterpriseName` in `town`. */
export function appealText(rng: Rng, category: CategoryCode, enterpriseName: string | null, town: string): AppealText {
  const t = texts[category];
  const topic = rng.pick(t.topics);
  const title = rng.chance(0.35) ? `关于${topic}的诉求` : rng.chance(0.5) ? `${town}${rng.pick(parks)}企业反映${topic}` : topic;
  const who = enterpriseName ? `我司${enterpriseName}` : '我们';
  const opening = `${who}位于${town}${rng.chance(0.5) ? rng.pick(parks) : rng.pick(roads)}，主要从事${rng.pick(businesses)}，现有员工约${rng.between(15, 900)}人。`;
  const first = rng.int(t.details.length);
  const count = rng.between(1, 3);
  let details = '';
  // Consecutive distinct templates, so a content never repeats a sentence.
  for (let i = 0; i < count && i < t.details.length; i++) details += fill(t.details[(first + i) % t.details.length]!, rng);
  const content = `${opening}${details}${rng.pick(t.asks)}`;
  const terms = t.keywords.filter((k) => title.includes(k) || content.includes(k));
  return { title, content, terms: terms.length ? terms : [t.keywords[0]!] };
}

export function replyText(rng: Rng, resolution: keyof typeof replyBodies, date: string): string {
  return `${rng.pick(replyOpenings)}${fill(rng.pick(replyBodies[resolution]), rng, { date })}`;
}

export function personName(rng: Rng): string {
  return rng.pick(surnames) + rng.pick(givenNames) + (rng.chance(0.6) ? rng.pick(givenNames) : '');
}

export function mobilePhone(rng: Rng): string {
  return `1${rng.pick(['33', '35', '36', '37', '38', '39', '50', '51', '57', '58', '59', '77', '80', '86', '88', '89'])}${String(rng.int(100_000_000)).padStart(8, '0')}`;
}

export const rejectReasons = ['不属于营商环境诉求受理范围，已告知企业通过司法途径解决。', '诉求内容不明确，经联系企业无法核实。', '属于个人民事纠纷，不予受理。', '已通过信访渠道办理，不重复受理。'];
export const returnReasons = ['该事项不属于我单位职责范围，建议交由属地政府办理。', '涉及多个部门职责，建议明确牵头单位。', '诉求事项属于区级事权，建议改派区级部门。'];
export const pauseReasons = ['需企业补充提供相关证明材料。', '等待企业确认整改方案。', '需企业提供项目立项文件后继续办理。'];
export const reopenReasons = ['回访时企业表示问题未解决，不满意，重新交办。', '企业反映答复内容与实际情况不符，要求重新办理。'];
export const meetingNames = ['政企早餐会', '企业家座谈会', '“三服务”走访', '营商环境恳谈会', '局长接待日'];
