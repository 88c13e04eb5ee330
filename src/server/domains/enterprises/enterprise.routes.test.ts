// Route tests for the enterprise registry: registration and every kind of bad input, views and masking per role, enterprise isolation, yearly figures and size, dated tags, search and filters, audit.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { makeUscc } from '../../../shared/uscc.ts';
import { COUNT_CAP } from './enterprise-search.ts';

let t: TestApp;
let admin: string;
let dispatcher: string;
const clock = fixedClock('2026-03-10T02:00:00Z'); // 2026-03-10 10:00 in Shanghai

const motorUscc = makeUscc('91', '330503', 'MB1C2D3E');
const motor = {
  uscc: motorUscc.toLowerCase(),
  name: '南浔测试电机有限公司',
  divisionCode: '330503100',
  industryCode: 'C3812',
  foundedOn: '2010-04-01',
  legalRepresentative: '邱建明',
  registeredAddress: '湖州市南浔区测试路 1 号',
  registeredCapital: '1234.5',
  contactName: '邱芳',
  contactPhone: '13567205678',
  figuresYear: 2024,
  headcount: 350,
  revenue: 25000,
  assets: '18000.123456',
  tags: ['above_scale', { tag: 'specialised', validFrom: '2025-07-01', validUntil: '2028-06-30', note: '省级' }],
};

const countEnterprises = async () => Number((await t.deps.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const auditOf = async (id: string) => (await t.call('GET', `/api/v1/audit-events?entityType=enterprise&entityId=${id}`, { cookie: admin })).json().items as { action: string; before: unknown; after: unknown }[];
const list = async (cookie: string, query: string) => (await t.call('GET', `/api/v1/enterprises?${query}`, { cookie })).json() as { total: number; totalExact: boolean; items: { uscc: string; name: string; tags: string[]; size: string | null; legalRepresentative: string | null }[] };

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  dispatcher = await t.login('dispatcher');
});

describe('registering an enterprise', () => {
  it('stores the attributes, the year\'s figures and tags, and answers with size, basis and names', async () => {
    const response = await t.call('POST', '/api/v1/enterprises', { cookie: dispatcher, body: motor });
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      uscc: motorUscc,
      name: motor.name,
      industryCode: '3812',
      industry: { code: '3812', section: 'C' },
      divisionCode: '330503100',
      division: { code: '330503100', level: 'township' },
      foundedOn: '2010-04-01',
      registeredCapital: '1234.500000',
      size: 'medium',
      sizeYear: 2024,
      contact: { phone: '13567205678', phoneMasked: false },
      figures: [{ year: 2024, headcount: 350, revenue: '25000.000000', assets: '18000.123456', source: 'manual' }],
    });
    expect(view.division.name).toBeTruthy();
    expect(view.industry.name).toContain('电动机');
    expect(view.sizeBasis).toContain('中型');
    expect(view.sizeBasis).toContain('350');
    expect(view.tags.map((x: { tag: string; held: boolean }) => [x.tag, x.held]).sort()).toEqual([['above_scale', true], ['specialised', true]]);
    expect(view.tags.find((x: { tag: string }) => x.tag === 'specialised')).toMatchObject({ validFrom: '2025-07-01', validUntil: '2028-06-30', note: '省级', setBy: { displayName: expect.any(String) } });
    const events = await auditOf(view.id);
    expect(events.map((e) => e.action)).toEqual(['enterprise.create']);
  });

  it('answers 409 for a code already registered, whatever its case', async () => {
    const before = await countEnterprises();
    const response = await t.call('POST', '/api/v1/enterprises', { cookie: dispatcher, body: { ...motor, uscc: motorUscc, name: '另一个名字' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].path).toBe('uscc');
    expect(await countEnterprises()).toBe(before);
  });

  const good = () => ({ uscc: makeUscc('91', '330502', 'MB9K8L7M'), name: '坏输入测试有限公司', divisionCode: '330502', industryCode: '1819', foundedOn: '2020-01-01' });
  const body17 = good().uscc.slice(0, 17);
  const wrongCheck = body17 + (good().uscc[17] === '0' ? '1' : '0');
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a wrong check character', { uscc: wrongCheck }, 'invalid_uscc', 'uscc'],
    ['a code of 17 characters', { uscc: body17 }, 'invalid_uscc', 'uscc'],
    ['a letter outside the code set', { uscc: `91330502MI9K8L7M${good().uscc.slice(16)}` }, 'invalid_uscc', 'uscc'],
    ['an unknown division', { divisionCode: '339999' }, 'validation_failed', 'divisionCode'],
    ['a city as division', { divisionCode: '330500' }, 'validation_failed', 'divisionCode'],
    ['a province as division', { divisionCode: '330000' }, 'validation_failed', 'divisionCode'],
    ['an unknown industry class', { industryCode: '9999' }, 'validation_failed', 'industryCode'],
    ['an industry division instead of a class', { industryCode: '18' }, 'validation_failed', 'industryCode'],
    ['a founding date in the future', { foundedOn: '2026-03-11' }, 'validation_failed', 'foundedOn'],
    ['a date that does not exist', { foundedOn: '2025-02-30' }, 'validation_failed', 'foundedOn'],
    ['a negative headcount', { headcount: -1 }, 'validation_failed', 'headcount'],
    ['a fractional headcount', { headcount: 1.5 }, 'validation_failed', 'headcount'],
    ['revenue that is not a number', { revenue: '12万' }, 'validation_failed', 'revenue'],
    ['negative assets', { assets: -5 }, 'validation_failed', 'assets'],
    ['no name', { name: '  ' }, 'validation_failed', 'name'],
    ['a phone that is not one', { contactPhone: 'call me' }, 'validation_failed', 'contactPhone'],
    ['figures for a future year', { figuresYear: 2027, headcount: 5 }, 'validation_failed', 'figuresYear'],
    ['a tag ending before it starts', { tags: [{ tag: 'high_tech', validFrom: '2025-01-01', validUntil: '2024-12-31' }] }, 'validation_failed', 'tags.0.validUntil'],
    ['an unknown tag', { tags: ['famous'] }, 'validation_failed', 'tags.0'],
  ];
  it.each(cases)('refuses %s with a 400 naming the field, and changes nothing', async (_label, change, code, path) => {
    const before = await countEnterprises();
    const response = await t.call('POST', '/api/v1/enterprises', { cookie: dispatcher, body: { ...good(), ...change } });
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe(code);
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(error.details.every((d: { message: string }) => d.message.length > 0)).toBe(true);
    expect(await countEnterprises()).toBe(before);
  });

  it('says which check failed for a bad credit code', async () => {
    const response = await t.call('POST', '/api/v1/enterprises', { cookie: dispatcher, body: { ...good(), uscc: wrongCheck } });
    expect(response.json().error.details[0].message).toMatch(/校验/);
  });

  it('is for the office and administrators only', async () => {
    for (const user of ['handler-zjj', 'leader', 'enterprise', 'policy']) {
      const response = await t.call('POST', '/api/v1/enterprises', { cookie: await t.login(user), body: good() });
      expect(response.statusCode, user).toBe(403);
    }
    const created = await t.call('POST', '/api/v1/enterprises', { cookie: admin, body: good() });
    expect(created.statusCode).toBe(201);
  });
});

describe('reading an enterprise', () => {
  it('masks the contact phone except for the office and the enterprise\'s own users', async () => {
    const handler = await t.login('handler-zjj');
    const masked = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: handler })).json();
    expect(masked.contact).toMatchObject({ phone: '135****5678', phoneMasked: true });
    expect(masked.abilities).toEqual([]);
    const followup = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: await t.login('followup') })).json();
    expect(followup.contact.phone).toBe('13567205678');
    const enterprise = await t.login('enterprise');
    const own = (await list(enterprise, '')).items[0]!;
    const ownView = (await t.call('GET', `/api/v1/enterprises/${own.uscc}`, { cookie: enterprise })).json();
    expect(ownView.contact.phoneMasked).toBe(false);
    expect(ownView.abilities).toEqual(['update-contact']);
  });

  it('shows the phone to a cadre assigned to the enterprise (包联) while the assignment runs', async () => {
    const handler = await t.login('handler-zjj');
    const user = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'handler-zjj').executeTakeFirstOrThrow();
    const enterprise = await t.deps.db.selectFrom('enterprises').select('id').where('uscc', '=', motorUscc).executeTakeFirstOrThrow();
    const assignment = await t.deps.db
      .insertInto('relation_assignments')
      .values({ user_id: user.id, enterprise_id: enterprise.id, duty: 'cadre', valid_from: '2026-01-01', valid_until: '2026-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: handler })).json().contact).toMatchObject({ phone: '13567205678', phoneMasked: false });
    await t.deps.db.updateTable('relation_assignments').set({ ended_at: new Date('2026-03-01T00:00:00Z') }).where('id', '=', assignment.id).execute();
    expect((await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: handler })).json().contact.phoneMasked).toBe(true);
  });

  it('masks the legal representative in lists', async () => {
    const item = (await list(dispatcher, `q=${motorUscc}`)).items[0]!;
    expect(item.legalRepresentative).toBe('邱**');
    const view = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher })).json();
    expect(view.legalRepresentative).toBe('邱建明');
  });

  it('answers 404 for an unknown code', async () => {
    expect((await t.call('GET', `/api/v1/enterprises/${makeUscc('91', '330503', 'MB0X0Y0A')}`, { cookie: dispatcher })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/enterprises/not-a-code', { cookie: dispatcher })).statusCode).toBe(404);
  });
});

describe('an enterprise user', () => {
  it('sees only its own enterprise; another one answers 404 to read and write', async () => {
    const enterprise = await t.login('enterprise');
    const mine = await list(enterprise, 'pageSize=200');
    expect(mine.total).toBe(1);
    expect((await list(enterprise, `q=${motorUscc}`)).total).toBe(0);
    const other = (await list(await t.login('enterprise2'), '')).items[0]!;
    expect(other.uscc).not.toBe(mine.items[0]!.uscc);
    expect((await t.call('GET', `/api/v1/enterprises/${other.uscc}`, { cookie: enterprise })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/v1/enterprises/${other.uscc}`, { cookie: enterprise, body: { contactName: 'x' } })).statusCode).toBe(404);
    expect((await t.call('PUT', `/api/v1/enterprises/${other.uscc}/figures/2025`, { cookie: enterprise, body: { headcount: 1 } })).statusCode).toBe(404);
  });

  it('edits its own contact fields, but never its figures or other attributes', async () => {
    const enterprise = await t.login('enterprise');
    const own = (await list(enterprise, '')).items[0]!;
    const before = (await t.call('GET', `/api/v1/enterprises/${own.uscc}`, { cookie: enterprise })).json();
    const ok = await t.call('PATCH', `/api/v1/enterprises/${own.uscc}`, { cookie: enterprise, body: { contactName: '新联系人', contactPhone: '13800001111' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().contact).toMatchObject({ name: '新联系人', phone: '13800001111' });
    const rename = await t.call('PATCH', `/api/v1/enterprises/${own.uscc}`, { cookie: enterprise, body: { contactName: '再换', name: '改名' } });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().error.details.map((d: { path: string }) => d.path)).toEqual(['name']);
    const figures = await t.call('PUT', `/api/v1/enterprises/${own.uscc}/figures/2025`, { cookie: enterprise, body: { headcount: 1 } });
    expect(figures.statusCode).toBe(403);
    const tag = await t.call('POST', `/api/v1/enterprises/${own.uscc}/tags`, { cookie: enterprise, body: { tag: 'whitelist' } });
    expect(tag.statusCode).toBe(403);
    const after = (await t.call('GET', `/api/v1/enterprises/${own.uscc}`, { cookie: enterprise })).json();
    expect(after.name).toBe(before.name);
    expect(after.contact.name).toBe('新联系人');
    expect(after.figures).toEqual(before.figures);
  });
});

describe('yearly figures and size', () => {
  it('keeps each year: setting 2025 leaves 2024 as it was, and the size follows the latest year', async () => {
    const response = await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2025`, { cookie: dispatcher, body: { headcount: 1200, revenue: '50000', assets: '42000.5' } });
    expect(response.statusCode, response.body).toBe(200);
    const view = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher })).json();
    expect(view.figures.map((f: { year: number; headcount: number }) => [f.year, f.headcount])).toEqual([[2025, 1200], [2024, 350]]);
    expect(view.figures[1]).toMatchObject({ revenue: '25000.000000', assets: '18000.123456' });
    expect(view).toMatchObject({ size: 'large', sizeYear: 2025 });
    expect(view.sizeBasis).toContain('大型');
    expect(view.sizeBasisTranslations.en.length).toBeGreaterThan(0);
    const row = await t.deps.db.selectFrom('enterprises').select(['size_class', 'size_year']).where('uscc', '=', motorUscc).executeTakeFirstOrThrow();
    expect(row).toEqual({ size_class: 'large', size_year: 2025 });
    expect((await list(dispatcher, `size=large&q=${motorUscc}`)).total).toBe(1);
    expect((await list(dispatcher, `size=medium&q=${motorUscc}`)).total).toBe(0);
  });

  it('changes only the fields given, and records before and after', async () => {
    const response = await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2024`, { cookie: dispatcher, body: { tax: '-12.5' } });
    expect(response.json()).toMatchObject({ year: 2024, headcount: 350, revenue: '25000.000000', tax: '-12.500000' });
    const view = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher })).json();
    const events = await auditOf(view.id);
    expect(events[0]).toMatchObject({ action: 'enterprise.figures', before: { year: 2024, tax_wan: null }, after: { year: 2024, tax_wan: '-12.500000' } });
  });

  it('gives no class rather than a wrong one when figures are missing', async () => {
    const uscc = makeUscc('91', '330502', 'MB2C3D4F');
    await t.call('POST', '/api/v1/enterprises', { cookie: dispatcher, body: { uscc, name: '只有人数的工厂', divisionCode: '330502', industryCode: '1819', foundedOn: '2019-01-01', headcount: 400 } });
    const view = (await t.call('GET', `/api/v1/enterprises/${uscc}`, { cookie: dispatcher })).json();
    expect(view.figures).toHaveLength(1);
    expect(view.size).toBeNull();
  });

  it('refuses future years, negative headcounts, and callers without the ability', async () => {
    expect((await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2027`, { cookie: dispatcher, body: { headcount: 1 } })).json().error.details[0].path).toBe('year');
    expect((await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2025`, { cookie: dispatcher, body: { headcount: -3 } })).json().error.details[0].path).toBe('headcount');
    const empty = await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2023`, { cookie: dispatcher, body: {} });
    expect(empty.statusCode).toBe(400);
    expect((await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher })).json().figures.map((f: { year: number }) => f.year)).toEqual([2025, 2024]);
    expect((await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2025`, { cookie: await t.login('leader'), body: { headcount: 3 } })).statusCode).toBe(403);
    expect((await t.call('PUT', `/api/v1/enterprises/${motorUscc}/figures/2025`, { cookie: await t.login('policy'), body: { headcount: 1201 } })).statusCode).toBe(200);
  });
});

describe('tags', () => {
  it('are held only within their dates; a future tag is not held today', async () => {
    const future = await t.call('POST', `/api/v1/enterprises/${motorUscc}/tags`, { cookie: dispatcher, body: { tag: 'whitelist', validFrom: '2026-04-01' } });
    expect(future.statusCode, future.body).toBe(201);
    expect(future.json()).toMatchObject({ tag: 'whitelist', held: false, validFrom: '2026-04-01', validUntil: null });
    expect((await list(dispatcher, `tag=whitelist&q=${motorUscc}`)).total).toBe(0);
    const expired = await t.call('POST', `/api/v1/enterprises/${motorUscc}/tags`, { cookie: dispatcher, body: { tag: 'tech_sme', validFrom: '2024-01-01', validUntil: '2026-03-09' } });
    expect(expired.json().held).toBe(false);
    expect((await list(dispatcher, `tag=tech_sme&q=${motorUscc}`)).total).toBe(0);
    const current = await t.call('POST', `/api/v1/enterprises/${motorUscc}/tags`, { cookie: dispatcher, body: { tag: 'high_tech', validFrom: '2026-03-10', validUntil: '2029-03-09' } });
    expect(current.json().held).toBe(true);
    expect((await list(dispatcher, `tag=high_tech&q=${motorUscc}`)).total).toBe(1);
  });

  it('refuses an overlapping period of the same tag and a period that ends before it starts', async () => {
    const overlap = await t.call('POST', `/api/v1/enterprises/${motorUscc}/tags`, { cookie: dispatcher, body: { tag: 'high_tech', validFrom: '2028-01-01' } });
    expect(overlap.statusCode).toBe(409);
    const backwards = await t.call('POST', `/api/v1/enterprises/${motorUscc}/tags`, { cookie: dispatcher, body: { tag: 'ipo_reserve', validFrom: '2026-01-01', validUntil: '2025-01-01' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe('validUntil');
  });

  it('revoking keeps the row with who and when, and the tag is no longer held', async () => {
    const policy = await t.login('policy');
    const view = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: policy })).json();
    const tag = view.tags.find((x: { tag: string }) => x.tag === 'high_tech');
    const revoked = await t.call('DELETE', `/api/v1/enterprises/${motorUscc}/tags/${tag.id}`, { cookie: policy, body: { note: '证书被撤销' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ held: false, revokedAt: '2026-03-10T02:00:00.000Z', revokedBy: { displayName: expect.any(String) } });
    expect((await list(dispatcher, `tag=high_tech&q=${motorUscc}`)).total).toBe(0);
    const after = (await t.call('GET', `/api/v1/enterprises/${motorUscc}`, { cookie: policy })).json();
    expect(after.tags.find((x: { id: string }) => x.id === tag.id)).toMatchObject({ revokedAt: expect.any(String) });
    expect((await t.call('DELETE', `/api/v1/enterprises/${motorUscc}/tags/${tag.id}`, { cookie: policy })).statusCode).toBe(409);
    const actions = (await auditOf(view.id)).map((e) => e.action);
    expect(actions).toContain('enterprise.tag.revoke');
    expect(actions).toContain('enterprise.tag.add');
  });

  it('are not for leaders', async () => {
    expect((await t.call('POST', `/api/v1/enterprises/${motorUscc}/tags`, { cookie: await t.login('leader'), body: { tag: 'whitelist' } })).statusCode).toBe(403);
  });
});

describe('editing attributes', () => {
  it('keeps the old name among former names, still findable, and audits the change', async () => {
    const response = await t.call('PATCH', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher, body: { name: '湖州南浔新能电机股份有限公司', registeredCapital: '3000' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: '湖州南浔新能电机股份有限公司', formerNames: ['南浔测试电机有限公司'], registeredCapital: '3000.000000' });
    expect((await list(dispatcher, `q=${encodeURIComponent('测试电机')}`)).items.map((i) => i.uscc)).toContain(motorUscc);
    const events = await auditOf(response.json().id);
    expect(events[0]).toMatchObject({ action: 'enterprise.update', before: { name: '南浔测试电机有限公司' }, after: { name: '湖州南浔新能电机股份有限公司' } });
  });

  it('checks division, industry and dates like registration, and a handler may not edit', async () => {
    const bad = await t.call('PATCH', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher, body: { divisionCode: '330500', industryCode: '0000', foundedOn: '2030-01-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['divisionCode', 'foundedOn', 'industryCode']);
    expect((await t.call('PATCH', `/api/v1/enterprises/${motorUscc}`, { cookie: await t.login('handler-zjj'), body: { contactName: 'x' } })).statusCode).toBe(403);
  });

  it('reclassifies when the industry changes', async () => {
    // 1201 people, 50 000 万元 revenue, 42 000.5 万元 assets: large in industry; in construction (4710) large needs 80 000 of both, so medium.
    const response = await t.call('PATCH', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher, body: { industryCode: '4710' } });
    const back = await t.call('PATCH', `/api/v1/enterprises/${motorUscc}`, { cookie: dispatcher, body: { industryCode: '3812' } });
    expect(response.json()).toMatchObject({ industryCode: '4710', size: 'medium' });
    expect(back.json()).toMatchObject({ industryCode: '3812', size: 'large' });
    const events = await auditOf(response.json().id);
    expect(events.slice(0, 2).map((e) => e.after)).toEqual([{ industryCode: '3812' }, { industryCode: '4710' }]);
  });
});

describe('search', () => {
  it('finds by partial Chinese name, pinyin initials, code prefix and former name', async () => {
    const byName = await list(dispatcher, `q=${encodeURIComponent('新能电机')}`);
    expect(byName.items.map((i) => i.uscc)).toEqual([motorUscc]);
    const byInitials = await list(dispatcher, 'q=hznxxndj');
    expect(byInitials.items.map((i) => i.uscc)).toContain(motorUscc);
    const byShortInitials = await list(dispatcher, 'q=HZ&pageSize=200');
    expect(byShortInitials.items.map((i) => i.uscc)).toContain(motorUscc);
    const byPrefix = await list(dispatcher, `q=${motorUscc.slice(0, 12).toLowerCase()}`);
    expect(byPrefix.items.map((i) => i.uscc)).toContain(motorUscc);
    expect((await list(dispatcher, 'q=zzzzqqq')).total).toBe(0);
  });

  it('finds by one or two Chinese characters, and by a one-character code prefix', async () => {
    expect((await list(dispatcher, `q=${encodeURIComponent('电机')}&pageSize=200`)).items.map((i) => i.uscc)).toContain(motorUscc);
    expect((await list(dispatcher, `q=${encodeURIComponent('浔')}&pageSize=200`)).items.map((i) => i.uscc)).toContain(motorUscc);
    const byOne = await list(dispatcher, 'q=9&pageSize=200');
    expect(byOne.items.map((i) => i.uscc)).toContain(motorUscc);
    expect(byOne.items.every((i) => i.uscc.startsWith('9'))).toBe(true);
  });

  it('filters by division subtree, industry section/division/class, and combines filters', async () => {
    const inNanxun = await list(dispatcher, 'divisionCode=330503&pageSize=200');
    expect(inNanxun.items.map((i) => i.uscc)).toContain(motorUscc);
    expect((await list(dispatcher, 'divisionCode=330502&pageSize=200')).items.map((i) => i.uscc)).not.toContain(motorUscc);
    expect((await list(dispatcher, 'divisionCode=3305&pageSize=200')).items.map((i) => i.uscc)).toContain(motorUscc);
    for (const industry of ['C', 'C38', '38', '381', '3812', 'C3812']) {
      expect((await list(dispatcher, `industryCode=${industry}&pageSize=200`)).items.map((i) => i.uscc), industry).toContain(motorUscc);
    }
    for (const industry of ['F', '18', '3811']) {
      expect((await list(dispatcher, `industryCode=${industry}&pageSize=200`)).items.map((i) => i.uscc), industry).not.toContain(motorUscc);
    }
    const combined = await list(dispatcher, 'divisionCode=330503&industryCode=C&size=large&tag=above_scale');
    expect(combined.items.map((i) => i.uscc)).toContain(motorUscc);
    expect(combined.items.every((i) => i.size === 'large' && i.tags.includes('above_scale'))).toBe(true);
    const bad = await t.call('GET', '/api/v1/enterprises?industryCode=9999', { cookie: dispatcher });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('industryCode');
  });

  it('keeps the fields the enterprise picker reads, and pages with a total', async () => {
    const page = await list(dispatcher, 'pageSize=2&page=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.totalExact).toBe(true);
    expect(Object.keys(page.items[0]!)).toEqual(expect.arrayContaining(['id', 'uscc', 'name', 'divisionCode']));
    const second = await list(dispatcher, 'pageSize=2&page=2');
    const expected = await t.deps.db.selectFrom('enterprises').select('uscc').orderBy('name').orderBy('id').limit(4).execute();
    expect([...page.items, ...second.items].map((i) => i.uscc)).toEqual(expected.map((e) => e.uscc));
    expect((await list(dispatcher, 'pageSize=2&page=5000')).items).toEqual([]);
  });

  it('stops counting at the cap and says the total is not exact', async () => {
    await sql`INSERT INTO enterprises (uscc, name, division_code) SELECT 'Z' || lpad(g::text, 17, '0'), '计数上限测试企业' || g, '330502' FROM generate_series(1, ${COUNT_CAP + 5}) g`.execute(t.deps.db);
    const capped = await list(dispatcher, `q=${encodeURIComponent('计数上限测试')}`);
    expect(capped).toMatchObject({ total: COUNT_CAP, totalExact: false });
    expect(capped.items).toHaveLength(20);
    expect(await list(dispatcher, `q=${encodeURIComponent('计数上限测试企业100')}`)).toMatchObject({ total: 7, totalExact: true });
  });

  it('shows the demo registry: sizes and tags', async () => {
    const items = (await list(dispatcher, 'pageSize=200')).items;
    expect(items.filter((i) => i.size !== null).length).toBeGreaterThanOrEqual(2);
    expect(items.some((i) => i.tags.length > 0)).toBe(true);
  });
});
