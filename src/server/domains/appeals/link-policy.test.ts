// Linking a 政策兑现 appeal to its policy: who may, on which appeals, to which policies; on the timeline; the list filters by it; nothing changes on refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { appealKit, type AppealKit } from '../../../../test/helpers/appeals.ts';

let t: TestApp;
let kit: AppealKit;
let publishedId: string;
let draftId: string;

beforeAll(async () => {
  t = await createTestApp();
  kit = await appealKit(t, ['enterprise', 'enterprise2', 'dispatcher', 'handler-zjj', 'handler-swj', 'followup', 'policy']);
  const policies = await t.deps.db.selectFrom('policies').select(['id', 'status']).execute();
  publishedId = policies.find((p) => p.status === 'published')!.id;
  const draft = await kit.call('policy', 'POST', '/api/v1/policies', {
    title: '草稿政策', documentNumber: '湖测发〔2026〕30号', issuingDepartment: '湖州市财政局', contactName: '测试员', contactPhone: '0572-1234567',
    effectiveFrom: '2026-01-01', summary: '草稿。', interpretation: [], clauses: [], benefit: { kind: 'service', amount: null }, mode: 'information', budget: null,
    rule: { type: 'all', items: [{ type: 'condition', id: 'c1', label: { zh: '制造业' }, clause: '一', test: { attribute: 'industry', under: ['C'] } }] },
  });
  expect(draft.statusCode, JSON.stringify(draft.json())).toBe(201);
  draftId = draft.json().id;
});

describe('政策兑现 appeal ↔ policy', () => {
  it('lets the dispatcher link and the lead department relink, shows it to the enterprise, and filters the list by it', async () => {
    const { id } = await kit.submit({ title: '专精特新奖励资金尚未到账', content: '我司去年认定为专精特新企业，奖励资金至今未到账。', category: 'policy' });
    const fresh = await kit.get('dispatcher', id);
    expect(fresh.json()).toMatchObject({ policyId: null, policyTitle: null });
    expect(fresh.json().abilities).toContain('link-policy');
    expect((await kit.get('enterprise', id)).json().abilities).not.toContain('link-policy');

    const linked = await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: publishedId });
    expect(linked.statusCode, JSON.stringify(linked.json())).toBe(200);
    expect(linked.json().policyId).toBe(publishedId);
    expect(linked.json().policyTitle).toEqual(expect.any(String));
    const owner = (await kit.get('enterprise', id)).json();
    expect(owner.policyId).toBe(publishedId);
    const timeline = (await kit.call('enterprise', 'GET', `/api/v1/appeals/${id}/events`)).json().items as { action: string; note: string | null }[];
    expect(timeline.filter((e) => e.action === 'link-policy')).toHaveLength(1);
    expect(timeline.find((e) => e.action === 'link-policy')!.note).toBe(owner.policyTitle);

    const list = (await kit.call('dispatcher', 'GET', `/api/v1/appeals?policyId=${publishedId}&pageSize=100`)).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(list.items.every((a: { policyId: string }) => a.policyId === publishedId)).toBe(true);
    expect((await kit.call('enterprise2', 'GET', `/api/v1/appeals?policyId=${publishedId}`)).json().items.map((a: { id: string }) => a.id)).not.toContain(id);

    expect((await kit.act('dispatcher', id, 'assign')).statusCode).toBe(200);
    expect((await kit.act('handler-zjj', id, 'sign')).statusCode).toBe(200);
    const unlinked = await kit.call('handler-zjj', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: null });
    expect(unlinked.statusCode, JSON.stringify(unlinked.json())).toBe(200);
    expect(unlinked.json().policyId).toBeNull();
  });

  it('refuses other categories, drafts, unknown ids, callers without a part, and closed appeals — changing nothing', async () => {
    const other = await kit.submit({ category: 'approval' });
    const refusedCategory = await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${other.id}/policy`, { policyId: publishedId });
    expect(refusedCategory.statusCode).toBe(409);
    expect(refusedCategory.json().error).toMatchObject({ code: 'invalid_transition', details: [{ path: 'policyId' }] });

    const { id } = await kit.submit({ title: '政策兑现进度', content: '申报的补贴迟迟没有兑现。', category: 'policy' });
    const draft = await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: draftId });
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.details[0].path).toBe('policyId');
    expect((await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: 'x' })).statusCode).toBe(400);
    expect((await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${id}/policy`, {})).statusCode).toBe(400);
    expect((await kit.call('enterprise', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: publishedId })).statusCode).toBe(409);
    expect((await kit.call('enterprise2', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: publishedId })).statusCode).toBe(404);
    expect((await kit.call('handler-swj', 'PUT', `/api/v1/appeals/${id}/policy`, { policyId: publishedId })).statusCode).toBe(404);
    const after = (await kit.get('dispatcher', id)).json();
    expect(after).toMatchObject({ policyId: null, version: 1 });

    const closed = await kit.prepare('closed', { category: 'policy' });
    expect((await kit.get('dispatcher', closed)).json().abilities).not.toContain('link-policy');
    expect((await kit.call('dispatcher', 'PUT', `/api/v1/appeals/${closed}/policy`, { policyId: publishedId })).statusCode).toBe(409);
  });
});
