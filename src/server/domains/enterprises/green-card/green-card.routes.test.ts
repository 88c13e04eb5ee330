// 绿卡 routes: staff issue, renew and revoke; the public page shows only name, enterprise and validity, says revoked or expired, and throttles guessing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { addMonths, shanghaiDate } from '../relations/visit-plan.ts';
import { demoGreenCardNumber } from '../relations/demo-relations.ts';
import { formatCardNumber, newCardNumber } from './card-number.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let enterpriseId = '';
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['dispatcher', 'handler-zjj', 'enterprise']) cookies[user] = await t.login(user);
  enterpriseId = (await t.deps.db.selectFrom('users').select('enterprise_id').where('username', '=', 'enterprise2').executeTakeFirstOrThrow()).enterprise_id!;
});

const issue = (body: Record<string, unknown>, user = 'dispatcher') => t.call('POST', '/api/v1/green-cards', { cookie: cookies[user], body });
const verify = (number: string) => t.call('GET', `/api/v1/public/green-cards/${encodeURIComponent(number)}`);

describe('green cards', () => {
  let card: { id: string; number: string };

  it('the office issues a card; other staff and enterprises cannot', async () => {
    const response = await issue({ enterpriseId, holderName: '钱南浔', holderTitle: '总经理', idCardTail: '123x', validFrom: today, validUntil: addMonths(today, 24) });
    expect(response.statusCode, response.body).toBe(201);
    card = response.json();
    expect(card).toMatchObject({ holderName: '钱南浔', idCardMasked: '**************123X', status: 'valid' });
    expect(card.number).toMatch(/^LK[0-9A-HJKMNP-TV-Z]{13}$/);
    expect((await issue({ enterpriseId, holderName: 'x', validFrom: today, validUntil: today }, 'handler-zjj')).statusCode).toBe(403);
    expect((await issue({ enterpriseId, holderName: 'x', validFrom: today, validUntil: today }, 'enterprise')).statusCode).toBe(403);
    const backwards = await issue({ enterpriseId, holderName: 'x', validFrom: today, validUntil: addMonths(today, -1) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe('validUntil');
    const wholeId = await issue({ enterpriseId, holderName: 'x', idCardTail: '330502199001010021', validFrom: today, validUntil: today });
    expect(wholeId.statusCode).toBe(400);
  });

  it('anyone verifies a card without logging in and learns only name, enterprise and validity', async () => {
    const response = await verify(formatCardNumber(card.number).toLowerCase());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['enterpriseName', 'holderName', 'number', 'status', 'validFrom', 'validUntil']);
    expect(body).toMatchObject({ number: card.number, holderName: '钱南浔', status: 'valid', validUntil: addMonths(today, 24) });
    expect(response.body).not.toContain('123X');
    expect(response.body).not.toContain('总经理');
    expect(response.body).not.toContain(enterpriseId);
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await verify(demoGreenCardNumber)).json().holderName).toBe('沈织里');
  });

  it('renewal extends the validity; revocation is shown as revoked, with no reason given publicly', async () => {
    const renewed = await t.call('POST', `/api/v1/green-cards/${card.id}/renew`, { cookie: cookies.dispatcher, body: { validUntil: addMonths(today, 36) } });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((await verify(card.number)).json().validUntil).toBe(addMonths(today, 36));
    const shorter = await t.call('POST', `/api/v1/green-cards/${card.id}/renew`, { cookie: cookies.dispatcher, body: { validUntil: addMonths(today, 1) } });
    expect(shorter.statusCode).toBe(400);
    const revoked = await t.call('POST', `/api/v1/green-cards/${card.id}/revoke`, { cookie: cookies.dispatcher, body: { reason: '企业发生严重失信行为' } });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokeReason: '企业发生严重失信行为' });
    const publicView = await verify(card.number);
    expect(publicView.json().status).toBe('revoked');
    expect(publicView.body).not.toContain('失信');
    expect((await t.call('POST', `/api/v1/green-cards/${card.id}/renew`, { cookie: cookies.dispatcher, body: { validUntil: addMonths(today, 48) } })).statusCode).toBe(409);
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', card.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['green_card.issue', 'green_card.renew', 'green_card.revoke']);
  });

  it('an expired card says expired', async () => {
    const response = await issue({ enterpriseId, holderName: '孙过期', validFrom: today, validUntil: today });
    const expired = response.json();
    await t.deps.db.updateTable('green_cards').set({ valid_from: addMonths(today, -13), valid_until: addMonths(today, -1) }).where('id', '=', expired.id).execute();
    expect((await verify(expired.number)).json()).toMatchObject({ status: 'expired', validUntil: addMonths(today, -1) });
  });

  it('unknown numbers and broken check characters answer 404; repeated misses from one address are throttled', async () => {
    const unknown = newCardNumber();
    expect((await verify(unknown)).statusCode).toBe(404);
    const corrupted = card.number.slice(0, -1) + (card.number.endsWith('0') ? '1' : '0');
    expect((await verify(corrupted)).statusCode).toBe(404);
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) status = (await verify(newCardNumber())).statusCode;
    expect(status).toBe(429);
    const blocked = await verify(card.number);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
