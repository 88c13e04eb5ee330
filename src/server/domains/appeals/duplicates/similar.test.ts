// Similar-appeal suggestions: the scoring on its own, then GET /api/v1/appeals/similar on appeals submitted through the API, in each caller's scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { appealKit, type AppealKit } from '../../../../../test/helpers/appeals.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { weightsFrom } from './term-weights.ts';
import { appealTerms } from './terms.ts';
import { SAME_ENTERPRISE_BONUS, SIMILARITY_THRESHOLD, textSimilarity, weighTerms } from './similar.ts';

const weigh = (title: string, content = '') => weighTerms(title, appealTerms(title, content));

describe('textSimilarity', () => {
  const { weight } = weightsFrom(new Map());

  it('is 1 for the same text, 0 for nothing in common, and symmetric in what it shares', () => {
    const a = weigh('企业用电报装迟迟没有通电，影响投产');
    expect(textSimilarity(a, a, weight).score).toBeCloseTo(1, 6);
    expect(textSimilarity(a, weigh('出口退税审核时间较长'), weight)).toEqual({ score: 0, shared: [] });
    const b = weigh('新厂房用电报装一个月还没通电');
    expect(textSimilarity(a, b, weight).shared.sort()).toEqual(textSimilarity(b, a, weight).shared.sort());
  });

  it('scores two wordings of one power-connection problem above the threshold, a shared common word below', () => {
    const a = weigh('企业用电报装迟迟没有通电，影响投产');
    const b = weigh('新厂房用电报装一个月还没通电');
    const same = textSimilarity(b, a, weight);
    expect(same.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(same.shared).toEqual(expect.arrayContaining(['用电', '报装', '通电']));
    const loose = textSimilarity(weigh('厂区竣工验收备案进度慢', '厂区二期已完工一个多月，竣工验收备案没有结果，影响设备进场和投产。'), weigh('申请电力增容进度缓慢', '用电增容申请提交后，至今未安排施工。'), weight);
    expect(loose.score).toBeLessThan(SIMILARITY_THRESHOLD - SAME_ENTERPRISE_BONUS);
  });

  it('weighs title words double', () => {
    const query = weigh('施工许可办理');
    const inTitle = weigh('施工许可进度', '融资贷款担保，银行抵押续贷。');
    const inContent = weigh('融资贷款担保', '施工许可进度，银行抵押续贷。');
    expect(textSimilarity(query, inTitle, weight).score).toBeGreaterThan(textSimilarity(query, inContent, weight).score);
  });

  it('lets a word carried by many stored appeals count for less', () => {
    const query = weigh('厂房用电报装');
    const candidate = weigh('厂房租赁合同', '园区厂房租金');
    const plain = textSimilarity(query, candidate, weightsFrom(new Map()).weight).score;
    const damped = textSimilarity(query, candidate, weightsFrom(new Map([['厂房', 0.4]])).weight).score;
    expect(damped).toBeLessThan(plain);
  });
});

const clock = fixedClock('2026-11-24T10:00:00+08:00');
let t: TestApp;
let k: AppealKit;
const users = ['dispatcher', 'handler-zjj', 'handler-swj', 'enterprise', 'enterprise2', 'admin'];

const similar = async (as: string, query: Record<string, string>) => {
  const response = await t.call('GET', `/api/v1/appeals/similar?${new URLSearchParams(query)}`, { cookie: k.cookies[as] });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Array<{ id: string; score: number; sameEnterprise: boolean; sharedTerms: string[]; status: string; enterpriseId: string | null }>;
};
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

let power: string;
let powerRejected: string;
let powerOther: string;
let tax: string;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  k = await appealKit(t, users);
  enterpriseId = (await t.call('GET', '/api/v1/me', { cookie: k.cookies.enterprise })).json().user.enterpriseId;
  power = (await k.submit({ title: '企业用电报装迟迟没有通电，影响投产', content: '新厂区用电报装申请已提交一个多月，供电公司至今没有通电，设备无法调试，影响投产。', category: 'utilities' })).id;
  powerRejected = (await k.submit({ title: '用电报装没有通电', content: '厂房用电报装申请后一直没有通电。', category: 'utilities' })).id;
  expect((await k.act('dispatcher', powerRejected, 'reject')).statusCode).toBe(200);
  powerOther = (await k.submit({ title: '仓库用电报装三周未通电', content: '物流仓库用电报装后三周没有通电，冷库无法启用。', category: 'utilities' }, 'enterprise2')).id;
  tax = (await k.submit({ title: '出口退税审核时间较长', content: '上月申报的出口退税至今未到账，资金周转紧张。', category: 'tax' }, 'enterprise2')).id;
});

describe('GET /api/v1/appeals/similar', () => {
  it('suggests open appeals on the same subject to the dispatcher, with the shared words, and nothing unrelated', async () => {
    const items = await similar('dispatcher', { title: '新厂房用电报装一个月还没通电' });
    expect(ids(items)).toEqual(expect.arrayContaining([power, powerOther]));
    expect(ids(items)).not.toContain(tax);
    const hit = items.find((i) => i.id === power)!;
    expect(hit.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(hit.sharedTerms).toEqual(expect.arrayContaining(['用电', '报装', '通电']));
    expect(hit.sameEnterprise).toBe(false);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
  });

  it('never suggests rejected (or otherwise finished) appeals', async () => {
    const items = await similar('dispatcher', { title: '用电报装没有通电', content: '厂房用电报装申请后一直没有通电。' });
    expect(ids(items)).not.toContain(powerRejected);
    expect(ids(items)).toContain(power);
  });

  it('marks and favours the same enterprise', async () => {
    const items = await similar('dispatcher', { title: '新厂房用电报装一个月还没通电', enterpriseId });
    const own = items.find((i) => i.id === power)!;
    const plain = (await similar('dispatcher', { title: '新厂房用电报装一个月还没通电' })).find((i) => i.id === power)!;
    expect(own.sameEnterprise).toBe(true);
    expect(own.score).toBeGreaterThan(plain.score);
  });

  it('keeps to the caller\'s scope: an enterprise sees only its own, a department only what it handles', async () => {
    const mine = await similar('enterprise', { title: '新厂房用电报装一个月还没通电' });
    expect(ids(mine)).toContain(power);
    expect(ids(mine)).not.toContain(powerOther);
    expect(mine.every((i) => i.enterpriseId === enterpriseId && i.sameEnterprise)).toBe(true);

    const other = await similar('enterprise2', { title: '新厂房用电报装一个月还没通电', enterpriseId });
    expect(ids(other)).not.toContain(power);
    expect(ids(other)).toContain(powerOther);

    expect(ids(await similar('handler-swj', { title: '新厂房用电报装一个月还没通电' }))).not.toContain(power);
    expect(ids(await similar('handler-zjj', { title: '新厂房用电报装一个月还没通电' }))).not.toContain(power);
    expect((await k.act('dispatcher', power, 'assign')).statusCode).toBe(200);
    expect(ids(await similar('handler-zjj', { title: '新厂房用电报装一个月还没通电' }))).toContain(power);
    expect(ids(await similar('handler-swj', { title: '新厂房用电报装一个月还没通电' }))).not.toContain(power);
  });

  it('leaves out the appeal being looked at, and answers nothing without words to compare', async () => {
    expect(ids(await similar('dispatcher', { title: '企业用电报装迟迟没有通电，影响投产', excludeId: power }))).not.toContain(power);
    expect(await similar('dispatcher', { title: '企业的问题', enterpriseId })).toEqual([]);
    expect(await similar('dispatcher', {})).toEqual([]);
  });

  it('refuses bad input and anonymous callers', async () => {
    expect((await t.call('GET', '/api/v1/appeals/similar?excludeId=nope', { cookie: k.cookies.dispatcher })).statusCode).toBe(400);
    expect((await t.call('GET', `/api/v1/appeals/similar?title=${'长'.repeat(201)}`, { cookie: k.cookies.dispatcher })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/appeals/similar?title=用电报装')).statusCode).toBe(401);
  });
});
