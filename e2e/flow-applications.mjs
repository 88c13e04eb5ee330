// Browser flow of policy applications (一次申报): the enterprise applies on a 390 px phone for the demo application-mode policy with a PDF, the policy officer approves it from 申报审核, the enterprise sees 已通过, the leader reads it.
import fs from 'node:fs';
import path from 'node:path';

const policyTitle = '吴兴区规上工业企业';

/** `step`, `signedIn`, `shot`, `base`, `patience` and `dataDir` are run.mjs's helpers. */
export async function applicationFlow({ step, signedIn, shot, base, patience, dataDir }) {
  const application = { id: null, number: null };
  const need = () => {
    if (!application.id) throw new Error('no application from the first step');
  };
  const phoneOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await step('applications · the enterprise applies on a phone: registry values read-only, conditions, estimate, a PDF, confirmation', async () => {
    const { context, page } = await signedIn('enterprise', { phone: true });
    await page.goto(`${base}/my/policies`);
    const card = page.locator('[data-testid^="my-policy-"][data-eligible]', { hasText: policyTitle });
    await card.waitFor({ timeout: patience });
    await card.locator('[data-testid="policy-apply-box"][data-can-apply="true"]').waitFor({ timeout: patience });
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'applications-1-matching-apply-phone');
    await card.getByTestId('policy-apply').click();
    await page.locator('[data-testid="page-policy-apply"][data-can-apply="true"]').waitFor({ timeout: patience });
    const registry = await page.getByTestId('application-registry').textContent();
    if (!registry?.includes('湖州织里童装示范有限公司（演示）')) throw new Error(`the form shows another enterprise: ${registry}`);
    if (await page.getByTestId('application-registry').locator('input, textarea').count()) throw new Error('the registry values are editable');
    if (!(await page.getByTestId('application-eligibility').locator('[data-result]').count())) throw new Error('no condition is marked');
    const estimate = await page.getByTestId('apply-estimate').textContent();
    if (!estimate?.includes('万元')) throw new Error(`the estimate says ${estimate}`);
    await page.getByTestId('apply-contact-name').fill('沈丽华');
    await page.getByTestId('apply-contact-phone').fill('13857201234');
    await page.getByTestId('apply-statement').fill('2025 年营业收入见所附审计报告。');
    const pdf = path.join(dataDir, '2025年审计报告.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await page.locator('[data-testid="apply-form"] input[type="file"]').setInputFiles(pdf);
    await page.getByText('2025年审计报告.pdf').waitFor();
    await page.getByTestId('apply-confirm').check();
    const overflow = await phoneOverflow(page);
    if (overflow > 1) throw new Error(`the application form is ${overflow}px wider than the phone`);
    await shot(page, 'applications-2-form-phone', true);
    await page.getByTestId('apply-submit').click();
    const detail = page.locator('[data-testid="page-application-detail"][data-application-status="submitted"]');
    await detail.waitFor({ timeout: patience });
    application.id = page.url().split('/my/applications/')[1];
    application.number = await detail.getAttribute('data-application-number');
    if (!application.id || !application.number) throw new Error(`no application id or number at ${page.url()}`);
    await page.locator('[data-testid="application-attachments"][data-count="1"]').waitFor({ timeout: patience });
    if ((await phoneOverflow(page)) > 1) throw new Error('the application is wider than the phone');
    await shot(page, 'applications-3-submitted-phone', true);
    await context.close();
  });

  await step('applications · the policy officer finds it in 申报审核 (green countdown) and approves the estimate', async () => {
    need();
    const { context, page } = await signedIn('policy');
    await page.getByTestId('nav-applicationReview').click();
    await page.getByTestId('page-application-review').waitFor();
    const row = page.getByTestId(`application-row-${application.number}`);
    await row.waitFor({ timeout: patience });
    const tone = await page.getByTestId(`application-tr-${application.number}`).getByTestId('countdown').getAttribute('data-tone');
    if (tone !== 'green') throw new Error(`a fresh application's countdown is ${tone}, expected green`);
    await shot(page, 'applications-4-review-queue');
    await row.click();
    await page.locator('[data-testid="page-application-detail"][data-application-status="submitted"]').waitFor({ timeout: patience });
    if (!(await page.getByTestId('application-attachment').first().textContent())?.includes('2025年审计报告.pdf')) throw new Error('the reviewer does not see the PDF');
    await page.getByTestId('application-approve').click();
    const form = page.getByTestId('decision-form-approve');
    await form.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="decision-amount"]')?.value, null, { timeout: patience });
    await page.getByTestId('decision-note').fill('材料齐全，同意按测算金额兑现。');
    await shot(page, 'applications-5-approve-dialog');
    await page.getByTestId('decision-confirm').click();
    const problem = page.locator('.ant-form-item-explain-error, .ant-message-error');
    await Promise.race([page.locator('[data-testid="page-application-detail"][data-application-status="approved"]').waitFor({ timeout: patience }), problem.first().waitFor({ timeout: patience })]);
    if (await problem.count()) throw new Error(`approving was refused: ${(await problem.allTextContents()).join(' / ')}`);
    await shot(page, 'applications-6-approved', true);
    await context.close();
  });

  await step('applications · the enterprise sees 已通过 in 我的申报 on the phone', async () => {
    need();
    const { context, page } = await signedIn('enterprise', { phone: true });
    await page.goto(`${base}/my/applications`);
    const card = page.getByTestId(`application-row-${application.number}`);
    await card.waitFor({ timeout: patience });
    const status = await card.getByTestId('application-status').textContent();
    if (status !== '已通过') throw new Error(`我的申报 says ${status}`);
    await shot(page, 'applications-7-mine-approved-phone', true);
    await card.click();
    await page.locator('[data-testid="page-application-detail"][data-application-status="approved"]').waitFor({ timeout: patience });
    const outcome = await page.getByTestId('application-outcome').textContent();
    if (!outcome?.includes('已通过')) throw new Error(`the outcome says ${outcome}`);
    if (await page.getByTestId('application-approve').count()) throw new Error('the enterprise sees the approve button');
    if ((await phoneOverflow(page)) > 1) throw new Error('the approved application is wider than the phone');
    await shot(page, 'applications-8-approved-phone', true);
    await context.close();
  });

  await step('applications · the leader reads 申报审核 and the application without decision buttons', async () => {
    need();
    const { context, page } = await signedIn('leader');
    await page.getByTestId('nav-applicationReading').click();
    await page.getByTestId(`application-row-${application.number}`).click();
    await page.locator('[data-testid="page-application-detail"][data-application-status="approved"]').waitFor({ timeout: patience });
    if (await page.getByTestId('application-actions').count()) throw new Error('the leader is offered decision buttons');
    await shot(page, 'applications-9-leader-reads');
    await context.close();
  });
}
