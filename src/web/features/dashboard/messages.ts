// UI texts of the leader dashboard (驾驶舱) in zh-CN, zh-TW and en, registered with i18next under `leaderDashboard`.
import { registerMessages } from '../kpi/message-bundles.ts';

const zhCN = {
  leaderDashboard: {
    title: '驾驶舱',
    welcome: '{{name}}，您好',
    period: '统计期 {{from}} 至 {{to}}（本年）',
    target: '目标 {{target}}',
    met: '高于目标 {{points}} 个百分点',
    metExactly: '达到目标',
    below: '低于目标 {{points}} 个百分点',
    noRate: '还没有可计算的数据',
    fraction: '{{numerator}} / {{denominator}} 件',
    counts: { total: '本年受理', open: '在办诉求', overdue: '超期在办', supervised: '督办中' },
    countHints: {
      total: '本年受理的诉求（不含不予受理和已合并的）',
      open: '尚未办结的诉求',
      overdue: '尚未办结、且有环节超期的诉求',
      supervised: '尚未办结、已挂号督办的诉求',
    },
    trend: '按月趋势',
    trendLabel: '三率和诉求数按月趋势图，详细数字见考核指标页',
    best: '表现最好的部门',
    worst: '需要关注的部门',
    provisional: '各部门诉求件数尚不足以排名，以下按得分列出，仅供参考。',
    score: '{{score}} 分',
    noDepartments: '还没有可比较的部门',
    links: { kpi: '考核指标', kpiHint: '各部门、区县、渠道的比率，部门比服务排名，导出报表', supervision: '督办看板', supervisionHint: '超期、退回、延期、差评和督办事项', payouts: '兑付台账', payoutsHint: '各项政策已兑付的资金，按政策、部门、区县、月份汇总' },
    noAccess: '您的账号没有查看考核指标的权限。',
  },
  care: {
    leaderDashboard: {
      counts: { open: '正在办的问题', overdue: '超时的问题' },
      best: '做得好的部门',
      worst: '要督促的部门',
    },
  },
};

const zhTW: typeof zhCN = {
  leaderDashboard: {
    title: '駕駛艙',
    welcome: '{{name}}，您好',
    period: '統計期 {{from}} 至 {{to}}（本年）',
    target: '目標 {{target}}',
    met: '高於目標 {{points}} 個百分點',
    metExactly: '達到目標',
    below: '低於目標 {{points}} 個百分點',
    noRate: '還沒有可計算的資料',
    fraction: '{{numerator}} / {{denominator}} 件',
    counts: { total: '本年受理', open: '在辦訴求', overdue: '超期在辦', supervised: '督辦中' },
    countHints: {
      total: '本年受理的訴求（不含不予受理和已合併的）',
      open: '尚未辦結的訴求',
      overdue: '尚未辦結、且有環節超期的訴求',
      supervised: '尚未辦結、已掛號督辦的訴求',
    },
    trend: '按月趨勢',
    trendLabel: '三率和訴求數按月趨勢圖，詳細數字見考核指標頁',
    best: '表現最好的部門',
    worst: '需要關注的部門',
    provisional: '各部門訴求件數尚不足以排名，以下按得分列出，僅供參考。',
    score: '{{score}} 分',
    noDepartments: '還沒有可比較的部門',
    links: { kpi: '考核指標', kpiHint: '各部門、區縣、渠道的比率，部門比服務排名，匯出報表', supervision: '督辦看板', supervisionHint: '超期、退回、延期、差評和督辦事項', payouts: '兌付台帳', payoutsHint: '各項政策已兌付的資金，按政策、部門、區縣、月份彙總' },
    noAccess: '您的帳號沒有查看考核指標的權限。',
  },
  care: {
    leaderDashboard: {
      counts: { open: '正在辦的問題', overdue: '超時的問題' },
      best: '做得好的部門',
      worst: '要督促的部門',
    },
  },
};

const en: typeof zhCN = {
  leaderDashboard: {
    title: 'Dashboard',
    welcome: 'Hello, {{name}}',
    period: 'Period {{from}} to {{to}} (this year)',
    target: 'Target {{target}}',
    met: '{{points}} points above target',
    metExactly: 'On target',
    below: '{{points}} points below target',
    noRate: 'Nothing to compute yet',
    fraction: '{{numerator}} of {{denominator}}',
    counts: { total: 'Accepted this year', open: 'Open appeals', overdue: 'Open and overdue', supervised: 'Under supervision' },
    countHints: {
      total: 'Appeals accepted this year (rejected and merged ones left out)',
      open: 'Appeals not yet closed',
      overdue: 'Open appeals with a stage past its deadline',
      supervised: 'Open appeals registered for supervision',
    },
    trend: 'Monthly trend',
    trendLabel: 'Chart of the three rates and the number of appeals by month; the KPI page has the figures',
    best: 'Best departments',
    worst: 'Departments to watch',
    provisional: 'No department has enough appeals to be ranked yet; listed by score for reference only.',
    score: '{{score}} pts',
    noDepartments: 'No departments to compare yet',
    links: { kpi: 'Appeal KPIs', kpiHint: 'Rates by department, district and channel, the department ranking, exports', supervision: 'Supervision board', supervisionHint: 'Lateness, returns, extensions, poor ratings and supervision items', payouts: 'Payout ledger', payoutsHint: 'Money paid under each policy, by policy, department, district and month' },
    noAccess: 'Your account may not view the appeal KPIs.',
  },
  care: {
    leaderDashboard: {
      counts: { open: 'Problems being handled', overdue: 'Problems running late' },
      best: 'Doing well',
      worst: 'Needs a push',
    },
  },
};

export const dashboardMessages = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

registerMessages(dashboardMessages);
