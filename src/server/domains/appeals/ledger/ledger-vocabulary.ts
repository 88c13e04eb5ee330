// Chinese names of channels, states, urgencies, resolutions and ratings: the words written to the ledger and KPI sheets, and the words an old ledger may use for them.
import type { AppealChannel, AppealStatus, Resolution } from '../../../../shared/schemas/appeals.ts';

export const channelNames: Record<AppealChannel, string> = {
  web: '网站',
  mobile: '移动端',
  hotline_12345: '12345热线',
  wechat: '微信',
  meeting: '政企会议',
  reception_day: '企业接待日',
  field_visit: '走访',
  complaint_platform: '投诉平台',
  letter: '来信',
  api: '系统对接',
  import: '历史导入',
};

export const statusNames: Record<AppealStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  merged: '已合并',
  assigned: '已交办',
  signed: '办理中',
  returned: '已退回',
  paused: '已暂停',
  replied: '已答复',
  closed: '已办结',
  reopened: '重办',
};

export const resolutionNames: Record<Resolution, string> = {
  resolved: '已解决',
  partially_resolved: '部分解决',
  unresolved: '未解决',
  explained: '已解释',
};

export const urgencyNames = { normal: '一般', urgent: '紧急' } as const;

/** API.md "Ratings". */
export const ratingNames: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** Lower-cased, spaces removed: how a cell is compared with the words below. */
export const normalizeWord = (value: string): string => value.replace(/[\s\u3000（）()·・\-_]/g, '').toLowerCase();

const aliases = <K extends string>(names: Record<K, string>, extra: Record<string, K>): Map<string, K> => {
  const map = new Map<string, K>();
  for (const [key, name] of Object.entries(names) as Array<[K, string]>) {
    map.set(normalizeWord(key), key);
    map.set(normalizeWord(name), key);
  }
  for (const [word, key] of Object.entries(extra)) map.set(normalizeWord(word), key);
  return map;
};

export const channelWords = aliases(channelNames, {
  网页: 'web', 网上: 'web', 门户网站: 'web', 网站留言: 'web', pc: 'web',
  手机: 'mobile', app: 'mobile', 小程序: 'mobile', 移动: 'mobile', 浙里办: 'mobile',
  '12345': 'hotline_12345', 热线: 'hotline_12345', '12345热线电话': 'hotline_12345', 热线电话: 'hotline_12345', 电话: 'hotline_12345',
  微信公众号: 'wechat', 公众号: 'wechat',
  会议: 'meeting', 政企早餐会: 'meeting', 早餐会: 'meeting', 座谈会: 'meeting', 恳谈会: 'meeting',
  接待日: 'reception_day', 来访: 'reception_day', 现场接待: 'reception_day',
  实地走访: 'field_visit', 入企走访: 'field_visit', 上门走访: 'field_visit',
  信件: 'letter', 信访: 'letter', 书信: 'letter',
  接口: 'api', 导入: 'import', 台账导入: 'import',
});

export const urgencyWords = aliases(urgencyNames, { 普通: 'normal', 一般件: 'normal', 急: 'urgent', 加急: 'urgent', 紧急件: 'urgent', 特急: 'urgent' });

export const resolutionWords = aliases(resolutionNames, { 解决: 'resolved', 已办结: 'resolved', 部分: 'partially_resolved', 基本解决: 'partially_resolved', 未能解决: 'unresolved', 解释说明: 'explained', 已说明: 'explained', 解释: 'explained' });

export const ratingWords = new Map<string, number>([
  ...Object.entries(ratingNames).map(([n, name]) => [normalizeWord(name), Number(n)] as [string, number]),
  ['很满意', 5], ['比较满意', 4], ['一般', 3], ['很不满意', 1],
]);

export const yesWords = new Set(['是', '已解决', '解决', 'y', 'yes', 'true', '1', '√', '对']);
export const noWords = new Set(['否', '未解决', '没有解决', 'n', 'no', 'false', '0', '×', '不']);
