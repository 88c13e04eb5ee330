// Browser flow of a policy's life beyond publishing (issue 5): a 政策兑现 appeal linked to its policy by the dispatcher and seen by the enterprise and from the policy; a policy withdrawn (废止) with a reason.
const policyTitle = '湖州市专精特新中小企业一次性奖励（免申即享）';

/** `tools` are run.mjs's helpers: step, signedIn, shot, base, patience. */
export async function policyLinksFlow({ step, signedIn, shot, patience }) {
  let appealId = null;

  await step('policies · the dispatcher links a 政策兑现 appeal to its policy; the enterprise and a leader see the link', async () => {
    const owner = await signedIn('enterprise');
    appealId = await owner.page.evaluate(async () => {
      const response = await fetch('/api/v1/appeals', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: '专精特新奖励资金尚未到账', content: '我司已认定为专精特新中小企业，一次性奖励至今未到账，请帮助了解兑现进度。', channel: 'web', category: 'policy', contactName: '王经理', contactPhone: '13857201234' }),
      });
      if (response.status !== 201) throw new Error(`submit: ${response.status} ${await response.text()}`);
      return (await response.json()).id;
    });
    await owner.context.close();

    const { context, page } = await signedIn('dispatcher');
    await page.goto(new URL(`/appeals/${appealId}`, page.url()).toString());
    await page.getByTestId('page-appeal-detail').waitFor({ timeout: patience });
    await page.getByTestId('appeal-policy-edit').click();
    await page.getByTestId('appeal-policy-select').click();
    await page.keyboard.type('专精特新');
    await page.locator('.ant-select-item-option', { hasText: policyTitle }).first().click();
    await page.getByTestId('appeal-policy-save').click();
    await page.getByTestId('appeal-policy').getByText(policyTitle).waitFor({ timeout: patience });
    await page.locator('[data-testid="timeline-item"][data-action="link-policy"]').waitFor({ timeout: patience });
    await shot(page, 'policy-links-1-appeal-linked', true);
    await context.close();

    const back = await signedIn('enterprise', { phone: true });
    await back.page.goto(new URL(`/appeals/${appealId}`, back.page.url()).toString());
    await back.page.getByTestId('appeal-policy').getByText(policyTitle).waitFor({ timeout: patience });
    await shot(back.page, 'policy-links-2-enterprise-sees-policy', true);
    await back.context.close();

    // A leader reads both the policy and the appeals about it (policy officers do not read appeals).
    const officer = await signedIn('leader');
    await officer.page.getByTestId('nav-policies').click();
    await officer.page.getByTestId('policy-search').locator('input').fill('专精特新');
    await officer.page.getByRole('link', { name: policyTitle }).click();
    await officer.page.getByTestId('policy-appeals').click();
    await officer.page.getByTestId('appeal-filter-policy').waitFor({ timeout: patience });
    await officer.page.getByText('专精特新奖励资金尚未到账').first().waitFor({ timeout: patience });
    await shot(officer.page, 'policy-links-3-policy-appeals', true);
    await officer.context.close();
  });

  await step('policies · the officer withdraws (废止) a published policy with a reason; it says so', async () => {
    const { context, page } = await signedIn('policy');
    const id = await page.evaluate(async () => {
      const rule = { type: 'all', items: [{ type: 'condition', id: 'manufacturing', label: { zh: '制造业企业' }, clause: '第二条', test: { attribute: 'industry', under: ['C'] } }] };
      const created = await fetch('/api/v1/policies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: '制造业企业上云奖励（将废止）', documentNumber: '湖经信发〔2026〕99号', issuingDepartment: '湖州市经济和信息化局', contactName: '王明', contactPhone: '0572-2398000', effectiveFrom: '2026-01-01', summary: '对制造业企业上云给予奖励。', interpretation: [], clauses: [{ id: '第二条', text: '制造业企业。' }], benefit: { kind: 'service', amount: null }, mode: 'information', budget: null, rule }),
      });
      const { id } = await created.json();
      const published = await fetch(`/api/v1/policies/${id}/publish`, { method: 'POST' });
      if (published.status !== 200) throw new Error(`publish: ${published.status}`);
      return id;
    });
    await page.goto(new URL(`/policies/${id}`, page.url()).toString());
    await page.getByTestId('policy-withdraw').click();
    await page.getByTestId('policy-withdraw-confirm').click();
    await page.getByText('废止理由').first().waitFor();
    await page.getByTestId('policy-withdraw-reason').fill('上位政策调整，本政策停止执行');
    await shot(page, 'policy-links-4-withdraw-dialog');
    await page.getByTestId('policy-withdraw-confirm').click();
    await page.getByTestId('policy-withdrawn').waitFor({ timeout: patience });
    await page.locator('[data-testid="page-policy-detail"][data-policy-status="withdrawn"]').waitFor({ timeout: patience });
    await shot(page, 'policy-links-5-withdrawn', true);
    await context.close();
  });
}
