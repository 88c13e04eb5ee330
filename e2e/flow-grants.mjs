// Browser flow of 免申即享 (issue 5): the policy officer opens the demo 专精特新 policy, finds the candidates, approves them within the budget and records a payout; a leader opens 兑付台账 and sees the chart and the amount, also on a phone.
const policyTitle = '湖州市专精特新中小企业一次性奖励（免申即享）';

/** `tools` are run.mjs's helpers: step, signedIn, shot, base, patience. */
export async function grantsFlow({ step, signedIn, shot, base, patience }) {
  const paid = { amount: null };

  await step('grants · the policy officer finds the 专精特新 candidates, approves them within the budget and records a payout', async () => {
    const { context, page } = await signedIn('policy');
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('page-policies').waitFor();
    await page.getByTestId('policy-search').locator('input').fill('专精特新');
    await page.getByRole('link', { name: policyTitle }).click();
    await page.getByTestId('page-policy-detail').waitFor();
    await page.getByTestId('policy-grants').click();
    await page.getByTestId('page-policy-grants').waitFor();
    await page.getByTestId('budget-total').getByText('1,000').waitFor({ timeout: patience });

    await page.getByTestId('candidates-generate').click();
    const created = page.getByTestId('candidates-result');
    await created.waitFor({ timeout: patience });
    const count = Number((await created.textContent())?.match(/新增候选 (\d+) 家/)?.[1] ?? 0);
    if (count < 1) throw new Error(`no candidates: ${await created.textContent()}`);
    await page.locator('.grant-row-candidate').first().waitFor({ timeout: patience });
    // the data used of the first grant, in its expandable row
    await page.locator('.grant-row-candidate .ant-table-row-expand-icon').first().click();
    await page.locator('[data-testid^="grant-conditions-"] [data-result="met"]').first().waitFor({ timeout: patience });
    await shot(page, 'grants-1-candidates', true);

    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    const fit = page.getByTestId('grants-approve-fit');
    await fit.waitFor();
    const fits = Number(await fit.getAttribute('data-fit'));
    if (fits < 1) throw new Error(`none of the selected fit the budget: ${await fit.textContent()}`);
    await shot(page, 'grants-2-selected');
    await page.getByTestId('grants-approve').click();
    const result = page.getByTestId('grants-approve-result');
    await result.waitFor({ timeout: patience });
    if (!(await result.textContent())?.includes(`已审批 ${fits} 家`)) throw new Error(`approval says: ${await result.textContent()}`);
    await page.locator('.grant-row-approved').first().waitFor({ timeout: patience });
    await shot(page, 'grants-3-approved', true);

    const payout = page.locator('[data-testid^="grant-payout-"]').first();
    const rank = (await payout.getAttribute('data-testid')).replace('grant-payout-', '');
    paid.amount = (await page.getByTestId(`grant-amount-${rank}`).textContent())?.trim();
    await payout.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('payout-amount').waitFor();
    if ((await dialog.getByTestId('payout-amount').inputValue()) !== paid.amount) throw new Error('the payout amount is not the approved amount');
    await dialog.getByTestId('payout-reference').fill('湖财国库〔2026〕0815 号');
    await shot(page, 'grants-4-payout-dialog');
    await dialog.getByTestId('payout-ok').click();
    await page.locator(`[data-testid="grant-status-${rank}"][data-status="paid"]`).waitFor({ timeout: patience });
    await page.getByTestId('budget-paid').getByText(paid.amount).waitFor({ timeout: patience });
    await shot(page, 'grants-5-paid', true);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await shot(page, 'grants-5b-paid-phone', true);
    await context.close();
  });

  await step('grants · a leader opens 兑付台账 from the dashboard and sees the chart and the amount; the ledger on a phone', async () => {
    if (!paid.amount) throw new Error('no payout was recorded');
    const { context, page } = await signedIn('leader');
    await page.getByTestId('dashboard-link-payouts').click();
    await page.getByTestId('page-policy-payouts').waitFor();
    await page.getByTestId('ledger-table').getByText(policyTitle).waitFor({ timeout: patience });
    const total = (await page.getByTestId('ledger-total').textContent()) ?? '';
    if (!total.includes(paid.amount)) throw new Error(`the ledger total says ${total}, the payout was ${paid.amount}`);
    await page.getByTestId('ledger-bar-chart').locator('canvas').waitFor({ timeout: patience });
    await page.getByTestId('ledger-month-chart').locator('canvas').waitFor({ timeout: patience });
    await page.waitForTimeout(800); // the charts animate in
    const csv = await page.getByTestId('ledger-export').getAttribute('href');
    if (!csv?.startsWith('/api/v1/policy-payouts/ledger.csv?from=')) throw new Error(`the CSV link is ${csv}`);
    await shot(page, 'grants-6-ledger-leader', true);
    await page.getByTestId('ledger-group-month').click();
    await page.getByTestId('ledger-table').getByText(/^\d{4}-\d{2}$/).first().waitFor({ timeout: patience });
    await shot(page, 'grants-7-ledger-by-month');
    // the same page in English, then back (the language is kept in the account)
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByText('Payout ledger').first().waitFor();
    await page.waitForTimeout(800); // the charts redraw in the new language
    await shot(page, 'grants-7b-ledger-en');
    await page.getByTestId('lang-zh-CN').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await context.close();

    const phone = await signedIn('leader', { phone: true });
    await phone.page.goto(`${base}/policy-payouts`);
    await phone.page.getByTestId('ledger-table').getByText(policyTitle).waitFor({ timeout: patience });
    await phone.page.getByTestId('ledger-bar-chart').locator('canvas').waitFor({ timeout: patience });
    await phone.page.waitForTimeout(800);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) throw new Error(`the ledger is ${overflow}px wider than the phone`);
    await shot(phone.page, 'grants-8-ledger-phone', true);
    await phone.context.close();
  });
}
