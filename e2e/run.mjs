// Browser flows in Debian's Chromium (playwright-core): log in as each role, switch language and care mode, walk one appeal through the whole loop, check who may not see it, write and publish a policy; screenshot every step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { grantsFlow } from './flow-grants.mjs';
import { policyLinksFlow } from './flow-policy-links.mjs';

const root = path.resolve(import.meta.dirname, '..');
const shots = path.join(root, 'e2e', 'screenshots');
const port = Number(process.env.E2E_PORT ?? 3100);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinqing-e2e-'));
fs.chmodSync(dataDir, 0o755);
fs.mkdirSync(shots, { recursive: true });

const roles = [
  { username: 'admin', layout: 'layout-admin' },
  { username: 'dispatcher', layout: 'layout-staff' },
  { username: 'handler-zjj', layout: 'layout-staff' },
  { username: 'followup', layout: 'layout-staff' },
  { username: 'policy', layout: 'layout-staff' },
  { username: 'inspector', layout: 'layout-staff' },
  { username: 'supervisor', layout: 'layout-staff' },
  { username: 'leader', layout: 'layout-leader' },
  { username: 'enterprise', layout: 'layout-enterprise' },
];

/** Generous waits: the flows run beside other work on a small machine. */
const patience = 60_000;

/** The page of the flow running now, pictured when the flow fails. */
let lastPage = null;

/** A fresh browser context signed in as `username`; phones get a 390 px wide touch viewport. */
async function signedIn(username, { phone = false } = {}) {
  const context = await browser.newContext(
    phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' } : { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' },
  );
  context.setDefaultTimeout(patience);
  const page = await context.newPage();
  lastPage = page;
  await page.goto(base);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('qinqing-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: patience });
  // Preferences live in the account: an earlier flow may have left care mode on; these flows use the standard layout.
  const careMode = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).user.careMode);
  if (careMode) {
    await page.evaluate(() => fetch('/api/v1/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ careMode: false }) }));
    await page.evaluate(() => document.defaultView.localStorage.clear());
    await page.reload();
  }
  await page.locator('[data-testid^="layout-"][data-care-mode="false"]').waitFor({ timeout: patience });
  return { context, page };
}

async function shot(page, name, fullPage = false) {
  // A full-page picture taken while scrolled would show the sticky header in the middle of the page.
  if (fullPage) await page.evaluate(() => document.defaultView.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
}

async function openAppeal(page, id) {
  await page.goto(`${base}/appeals/${id}`);
  await page.getByTestId('page-appeal-detail').waitFor({ timeout: patience });
}

async function waitForStatus(page, status) {
  await page.locator(`[data-testid="page-appeal-detail"][data-appeal-status="${status}"]`).waitFor({ timeout: patience });
}

/** Clicks an action button of the detail page, lets `fill` answer the dialog, confirms, and waits for the dialog to close. */
async function act(page, action, fill = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  const form = page.getByTestId(`action-form-${action}`);
  await form.waitFor();
  await fill(form);
  await page.getByTestId('action-confirm').click();
  // Either the dialog closes, or it says why not (a field message or an error toast) — then fail with those words.
  const problem = page.locator('.ant-form-item-explain-error, .ant-message-error');
  await Promise.race([form.waitFor({ state: 'detached', timeout: patience }), problem.first().waitFor({ timeout: patience })]);
  if (await form.count()) throw new Error(`${action} was refused: ${(await problem.allTextContents()).join(' / ')}`);
}

async function rate(scope, stars) {
  await scope.locator('.ant-rate-star').nth(stars - 1).click();
}

/** Picks a unit in an antd TreeSelect by typing part of its name. */
async function pickUnit(page, testId, name) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-title', { hasText: name }).first().click();
}

/**
 * 企业库: the dispatcher imports a small csv (three good rows, one with a wrong credit code) through mapping, dry run
 * and import; finds an imported enterprise by pinyin initials and by name and opens it; the enterprise's own user
 * sees 我的企业 on a 390 px phone with only the contacts editable.
 */
async function enterpriseRegistryFlow() {
  // Valid GB 32100 codes (made with src/shared/uscc.ts makeUscc), and one whose check character is wrong.
  const rows = [
    ['91330502MAE2E00193', '湖州青山竹编工艺有限公司', '330502', '2439', '2015-03-01', '120', '5600', '4000'],
    ['91330503MAE2E0027C', '南浔练市软件开发有限公司', '330503', '6513', '2019-06-18', '35', '820.5', '600'],
    ['92330521MAE2E00356', '德清莫干山水泥制造有限公司', '330521', '3011', '2008-11-11', '420', '56000', '88000'],
    ['91330502MAE2E00194', '错误代码示例有限公司', '330502', '1811', '2020-01-01', '10', '100', '100'],
  ];
  const csv = ['统一社会信用代码,企业名称,区划代码,行业代码,成立日期,从业人员,营业收入(万元),资产总额(万元)', ...rows.map((r) => r.join(','))].join('\n');
  const { context, page } = await signedIn('dispatcher');
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('page-enterprises').waitFor();
  await page.getByTestId('enterprise-import').click();
  await page.getByTestId('page-enterprise-import').waitFor();
  const csvFile = path.join(dataDir, 'e2e-enterprises.csv');
  fs.writeFileSync(csvFile, `\uFEFF${csv}`, 'utf8');
  await page.locator('[data-testid="page-enterprise-import"] input[type="file"]').setInputFiles(csvFile);
  await page.getByTestId('import-mapping').waitFor();
  await shot(page, 'enterprises-1-import-mapping', true);
  await page.getByTestId('import-check').click();
  const summary = page.getByTestId('import-check-summary');
  await summary.waitFor({ timeout: patience });
  const checked = await summary.textContent();
  if (!checked?.includes('可导入 3 行')) throw new Error(`the dry run says: ${checked}`);
  const badRows = await page.getByTestId('import-errors').locator('.ant-table-tbody .ant-table-row').allTextContents();
  if (badRows.length !== 1 || !badRows[0].startsWith('5')) throw new Error(`the dry run lists ${JSON.stringify(badRows)} instead of row 5`);
  await shot(page, 'enterprises-2-import-dry-run', true);
  await page.getByTestId('import-apply').click();
  const done = page.getByTestId('import-done');
  await done.waitFor({ timeout: patience });
  if (!(await done.textContent())?.includes('新增 3 家')) throw new Error(`the import says: ${await done.textContent()}`);
  await shot(page, 'enterprises-3-import-done', true);

  await page.getByTestId('import-to-list').click();
  await page.getByTestId('page-enterprises').waitFor();
  const search = page.getByTestId('enterprise-search').locator('input');
  const row = page.getByTestId('enterprise-row-91330502MAE2E00193');
  const listed = page.locator('.ant-table-tbody .ant-table-row');
  // Pinyin initials, then part of the name: each search narrows the list to the imported enterprise (the URL keeps the search).
  for (const [q, picture] of [['hzqszb', 'enterprises-4-search-initials'], ['青山竹编', 'enterprises-5-search-name']]) {
    await search.fill(q);
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody .ant-table-row').length === 1);
    await row.waitFor();
    if ((await listed.count()) !== 1) throw new Error(`searching ${q} lists ${await listed.count()} enterprises`);
    await shot(page, picture);
  }
  // The division filter, level by level from the reference data: 德清县 lists the imported cement works.
  await search.fill('');
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await page.getByTestId('filter-division').click();
  for (const level of ['浙江省', '湖州市', '德清县']) await page.locator('.ant-cascader-menu-item', { hasText: level }).first().click();
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => url.searchParams.get('division') === '330521');
  // The rows of the previous list stay until the filtered answer arrives; then every row is in 德清县.
  const divisionsShown = () => listed.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? ''));
  await page
    .waitForFunction(() => {
      const cells = [...document.querySelectorAll('.ant-table-tbody .ant-table-row')].map((tr) => tr.children[2]?.textContent ?? '');
      return cells.length > 0 && cells.every((d) => d.includes('德清县'));
    })
    .catch(async () => {
      throw new Error(`the 德清县 filter lists ${JSON.stringify(await divisionsShown())}`);
    });
  await page.getByTestId('enterprise-row-92330521MAE2E00356').waitFor();
  await shot(page, 'enterprises-5b-division-filter');
  await search.fill('青山竹编');
  await page.waitForURL((url) => url.searchParams.get('q') === '青山竹编');
  await page.getByTestId('filter-division').hover();
  await page.getByTestId('filter-division').locator('.ant-select-clear, .ant-cascader-clear').first().click();
  await page.waitForURL((url) => !url.searchParams.has('division'));
  await row.click();
  await page.getByTestId('page-enterprise-detail').waitFor();
  const name = await page.getByTestId('enterprise-name').textContent();
  if (name !== '湖州青山竹编工艺有限公司') throw new Error(`the detail shows ${name}`);
  if (!(await page.getByTestId('enterprise-division').textContent())?.includes('吴兴区')) throw new Error('the division is not shown by name');
  await page.getByTestId('enterprise-figures').locator('.ant-table-tbody .ant-table-row').first().waitFor();
  await shot(page, 'enterprises-6-detail', true);
  await context.close();

  const phone = await signedIn('enterprise', { phone: true });
  await phone.page.goto(`${base}/my-enterprise`);
  await phone.page.getByTestId('enterprise-detail').waitFor();
  if (!(await phone.page.getByTestId('enterprise-edit').textContent())?.includes('修改联系方式')) throw new Error('the enterprise user may edit more than the contacts');
  if (await phone.page.getByTestId('figures-add').count()) throw new Error('the enterprise user may enter figures');
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`我的企业 is ${overflow}px wider than the phone`);
  await shot(phone.page, 'enterprises-7-my-enterprise-phone', true);
  await phone.context.close();
}

/**
 * 政策 (issue 5): the policy officer writes a policy with the visual rule builder (上年营业收入 ≥ 5000 万元, 纳税信用 A/B,
 * in 湖州市, except 专精特新; a fault shown at its condition until fixed), sees the live count, saves, publishes after the gains/losses preview; the enterprise finds it first in 政策匹配
 * with its explanation and a ✓ per condition.
 */
async function policyFlow() {
  const title = `规上纺织企业稳增长奖励（${Date.now() % 100000}）`;
  const { context, page } = await signedIn('policy');
  await page.getByTestId('nav-policies').click();
  await page.getByTestId('page-policies').waitFor();
  await page.getByTestId('policy-new').click();
  await page.getByTestId('page-policy-editor').waitFor();
  await page.getByTestId('policy-title').fill(title);
  await page.getByTestId('policy-document-number').fill('湖经信发〔2026〕8号');
  await page.getByTestId('policy-issuing-department').fill('湖州市经济和信息化局');
  await page.getByTestId('policy-contact-name').fill('王明');
  await page.getByTestId('policy-contact-phone').fill('0572-2398000');
  await page.getByTestId('policy-effective-from').click();
  await page.keyboard.type('2026-01-01');
  await page.keyboard.press('Enter');
  await page.getByTestId('policy-summary').fill('对上年营业收入 5000 万元以上、纳税信用良好的企业给予一次性奖励。');
  await page.getByTestId('policy-clause-0-text').fill('上年营业收入不低于 5000 万元且纳税信用等级为 A 级或 B 级的企业。');
  await page.getByTestId('policy-fixed-wan').fill('20');

  // The builder: the first condition's threshold, a credit condition, then an exception around the whole rule.
  const count = page.getByTestId('rule-count');
  await count.and(page.locator('[data-state="fresh"]')).waitFor();
  const before = Number(await count.getAttribute('data-eligible'));
  await page.getByTestId('rule-node-items.0-condition-value').fill('5000');
  await page.getByTestId('rule-node-add').click();
  await page.locator('.ant-dropdown-menu-item', { hasText: '纳税信用等级' }).click();
  await page.getByTestId('rule-node-items.1-condition-credit').waitFor();
  // A division condition shows its fault where it is until a division is chosen in the cascader (浙江省 → 湖州市: one code, 3305).
  await page.getByTestId('rule-node-add').click();
  await page.locator('.ant-dropdown-menu-item', { hasText: '所在区划' }).click();
  const fault = page.getByTestId('rule-node-items.2-condition-faults');
  await fault.waitFor();
  if (!(await fault.textContent())?.includes('items.2.test.within')) throw new Error(`the division fault says ${await fault.textContent()}`);
  if ((await count.getAttribute('data-state')) !== 'faulty') throw new Error('the count is shown for a faulty rule');
  await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached' }).catch(() => {});
  await page.locator('.ant-dropdown-menu-item', { hasText: '所在区划' }).waitFor({ state: 'hidden' });
  await fault.scrollIntoViewIfNeeded();
  await shot(page, 'policies-0-fault-at-condition');
  await page.getByTestId('rule-node-items.2-condition-division').click();
  for (const level of ['浙江省', '湖州市']) await page.locator('.ant-cascader-menu-item', { hasText: level }).first().click();
  await page.keyboard.press('Escape');
  await fault.waitFor({ state: 'detached' });
  const codes = await page.getByTestId('rule-node-items.2-condition-codes').textContent();
  if (codes !== '3305') throw new Error(`the division condition holds ${codes}`);
  await page.getByTestId('rule-node-more').click();
  await page.locator('.ant-dropdown-menu-item', { hasText: '添加例外情形' }).click();
  await page.getByTestId('rule-node-exception').waitFor();
  const label = await page.getByTestId('rule-node-rule.items.0-condition-label').inputValue();
  if (label !== '上年营业收入 ≥ 5000 万元') throw new Error(`the label did not follow the threshold: ${label}`);
  await page.waitForFunction(
    (previous) => {
      const el = document.querySelector('[data-testid="rule-count"]');
      return el?.getAttribute('data-state') === 'fresh' && Number(el.getAttribute('data-eligible')) < previous;
    },
    before,
    { timeout: patience },
  );
  const eligible = Number(await count.getAttribute('data-eligible'));
  if (!(eligible >= 2)) throw new Error(`the live count says ${eligible} (was ${before})`);
  await shot(page, 'policies-1-builder-count', true);

  // The text view shows the same rule.
  await page.getByTestId('rule-tab-json').click();
  const text = JSON.parse(await page.getByTestId('rule-json').inputValue());
  if (text.type !== 'unless' || text.rule.items[0].test.compare.value !== '5000' || text.rule.items[1].test.attribute !== 'credit' || text.rule.items[2].test.within.join() !== '3305') throw new Error(`the JSON view shows ${JSON.stringify(text)}`);
  await shot(page, 'policies-2-json-view');
  await page.getByTestId('rule-tab-builder').click();

  await page.getByTestId('policy-save').click();
  await page.waitForURL(/\/policies\/[0-9a-f-]{36}\/edit$/, { timeout: patience });
  await page.getByTestId('policy-publish').click();
  const preview = page.getByTestId('publish-gained');
  await preview.waitFor({ timeout: patience });
  const gained = Number(await preview.getAttribute('data-total'));
  if (gained !== eligible) throw new Error(`the preview gains ${gained}, the live count said ${eligible}`);
  if (!(await preview.textContent())?.includes('湖州织里童装示范有限公司（演示）')) throw new Error('the demo enterprise is not among the gains');
  await shot(page, 'policies-3-publish-preview');
  await page.getByTestId('publish-confirm').click();
  await page.locator('[data-testid="page-policy-detail"][data-policy-status="published"]').waitFor({ timeout: patience });
  await page.getByTestId('policy-tab-matches').click();
  await page.locator('.ant-table-tbody a[data-testid^="match-"]').first().waitFor({ timeout: patience });
  const total = Number((await page.getByTestId('matches-total').textContent())?.replace(/\D/g, ''));
  if (total !== eligible) throw new Error(`the matches say ${total}, the live count said ${eligible}`);
  await shot(page, 'policies-4-published-matches', true);
  await page.getByText('政策内容', { exact: true }).click();
  await page.getByTestId('rule-outline').waitFor();
  await shot(page, 'policies-4b-published-content', true);
  await page.getByTestId('policy-tab-versions').click();
  await page.getByTestId('policy-versions').locator('.ant-table-tbody .ant-table-row').first().waitFor();
  await page.getByTestId('nav-policies').click();
  await page.getByTestId('page-policies').waitFor();
  await page.locator('.ant-table-tbody .ant-table-row', { hasText: title }).waitFor();
  await shot(page, 'policies-4c-list');
  await context.close();

  // The enterprise was told once, in its own words, and the notice leads to 政策匹配.
  const ent = await signedIn('enterprise');
  await ent.page.getByTestId('nav-myPolicies').waitFor();
  await ent.page.getByTestId('notification-bell').click();
  const notice = ent.page.getByTestId('notification-item').filter({ hasText: `贵企业符合政策“${title}”的条件` });
  await notice.waitFor({ timeout: patience });
  await shot(ent.page, 'policies-5a-enterprise-notified');
  await notice.click();
  await ent.page.getByTestId('page-my-policies').waitFor();
  const card = ent.page.locator('[data-testid^="my-policy-"][data-eligible]', { hasText: title });
  await card.waitFor({ timeout: patience });
  if ((await card.getAttribute('data-eligible')) !== 'true') throw new Error('the enterprise does not qualify for the new policy');
  const explanation = await card.getByTestId('my-policy-explanation').textContent();
  if (!explanation?.includes('符合')) throw new Error(`the explanation says ${explanation}`);
  if ((await card.locator('[data-result="met"]').count()) < 2) throw new Error('the conditions are not ticked');
  const firstVerdicts = await ent.page.locator('[data-testid^="my-policy-"][data-eligible]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-eligible')));
  const firstOther = firstVerdicts.findIndex((v) => v !== 'true');
  if (firstOther >= 0 && firstVerdicts.slice(firstOther).includes('true')) throw new Error(`qualifying policies are not first: ${firstVerdicts.join(',')}`);
  await card.scrollIntoViewIfNeeded();
  await shot(ent.page, 'policies-5b-enterprise-matching', true);
  // In English the page, the verdicts and the explanations change language; back to 简体 for the flows after this one.
  await ent.page.getByTestId('lang-en').click();
  await ent.page.waitForFunction(() => document.documentElement.lang === 'en');
  await ent.page.getByRole('heading', { name: 'Policies for me' }).waitFor();
  const english = await card.getByTestId('my-policy-explanation').textContent();
  if (!english?.startsWith('meets ')) throw new Error(`the English explanation says ${english}`);
  await shot(ent.page, 'policies-5c-enterprise-matching-en');
  await ent.page.getByTestId('lang-zh-CN').click();
  await ent.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  // The policy itself, as published: its clauses, without the officer's buttons or the list of matching enterprises.
  await card.getByTestId('my-policy-open').click();
  await ent.page.getByTestId('page-policy-detail').waitFor();
  if (!(await ent.page.getByTestId('policy-clauses').textContent())?.includes('上年营业收入不低于 5000 万元')) throw new Error('the enterprise does not see the clauses');
  if ((await ent.page.getByTestId('policy-edit').count()) || (await ent.page.getByTestId('policy-tab-matches').count())) throw new Error('the enterprise sees the editing or the matches');
  await shot(ent.page, 'policies-5d-enterprise-policy', true);
  await ent.page.getByTestId('policy-back').click();
  await ent.page.getByTestId('page-my-policies').waitFor();
  await ent.context.close();

  const phone = await signedIn('enterprise', { phone: true });
  await phone.page.goto(`${base}/my/policies`);
  await phone.page.locator('[data-testid^="my-policy-"][data-eligible]').first().waitFor({ timeout: patience });
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`政策匹配 is ${overflow}px wider than the phone`);
  await shot(phone.page, 'policies-6-enterprise-matching-phone');
  await phone.context.close();
}

let passed = 0;
let failed = 0;
/** E2E_ONLY=<regex> runs only the matching flows (while working on them); the full run leaves it unset. */
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
async function step(name, fn) {
  if (only && !only.test(name)) return;
  lastPage = null;
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n    ')}`);
    if (lastPage && !lastPage.isClosed()) {
      await lastPage.screenshot({ path: path.join(shots, `failed-${failed}.png`), fullPage: true }).catch(() => {});
      await lastPage.context().close().catch(() => {});
    }
  }
}

async function waitForServer(child) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

/** 包联 (issue 4): the office assigns a cadre to an enterprise; the cadre logs a visit whose problem becomes an appeal in the same step. */
async function relationFlows() {
  const enterpriseName = '湖州南浔木业示范有限公司（演示）';
  const appealTitle = `走访发现：木材进口通关慢（${Date.now() % 100000}）`;

  await step('包联 · the dispatcher assigns a cadre of 住建局 to an enterprise with a visit plan', async () => {
    const { context, page } = await signedIn('dispatcher');
    await page.getByTestId('nav-relationAssignments').click();
    await page.getByTestId('page-relation-assignments').waitFor();
    await page.getByTestId('assignment-create').click();
    const form = page.getByTestId('assignment-form');
    await form.waitFor();
    await page.locator('#userId').click();
    await page.keyboard.type('住建局');
    await page.locator('.ant-select-item-option', { hasText: '住建局·承办人' }).first().click();
    await page.locator('#enterpriseId').click();
    await page.keyboard.type('南浔木业');
    await page.locator('.ant-select-item-option', { hasText: '南浔木业' }).first().click();
    await shot(page, 'relations-1-assign');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const problem = page.locator('.ant-form-item-explain-error, .ant-alert-error');
    await Promise.race([form.waitFor({ state: 'detached', timeout: patience }), problem.first().waitFor({ timeout: patience })]);
    if (await form.count()) throw new Error(`the assignment was refused: ${(await problem.allTextContents()).join(' / ')}`);
    await page.locator('.ant-table-row', { hasText: enterpriseName }).first().waitFor();
    await shot(page, 'relations-2-assignments');
    await context.close();
  });

  await step('包联 · the cadre logs a visit and turns the problem into a field_visit appeal in one step', async () => {
    const { context, page } = await signedIn('handler-zjj');
    await page.getByTestId('nav-myRelations').click();
    await page.getByTestId('page-my-relations').waitFor();
    const card = page.getByTestId('relation-card').filter({ hasText: enterpriseName });
    await card.waitFor();
    await card.getByTestId('relation-log-visit').click();
    const form = page.getByTestId('visit-form');
    await form.waitFor();
    await page.getByTestId('visit-met-with').fill('企业法定代表人');
    await page.getByTestId('visit-findings').fill('订单增长，原木进口通关时间长，影响生产排期。');
    await page.getByTestId('visit-to-appeal').click();
    await page.getByTestId('visit-appeal-title').fill(appealTitle);
    await page.getByTestId('visit-appeal-content').fill('企业反映进口原木在口岸通关平均需要 10 天以上，希望协调海关、商务部门优化通关流程。');
    await shot(page, 'relations-3-visit-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').first().waitFor({ timeout: patience });
    const mine = await page.evaluate(async () => (await (await fetch('/api/v1/relations/mine')).json()).items);
    const item = mine.find((i) => i.assignment.enterpriseName === '湖州南浔木业示范有限公司（演示）');
    if (!item || item.assignment.visitCount !== 1) throw new Error(`the visit is not on the assignment: ${JSON.stringify(item?.assignment)}`);
    const visits = await page.evaluate(async (id) => (await (await fetch(`/api/v1/relations/assignments/${id}/visits`)).json()).items, item.assignment.id);
    const appealId = visits[0]?.appealId;
    if (!appealId) throw new Error('the visit has no appeal');
    await shot(page, 'relations-4-my-enterprises', true);
    await context.close();
    // A department cadre cannot open appeals his department does not handle; the dispatcher triages it.
    const office = await signedIn('dispatcher');
    await openAppeal(office.page, appealId);
    await waitForStatus(office.page, 'submitted');
    const appeal = await office.page.evaluate(async (id) => (await fetch(`/api/v1/appeals/${id}`)).json(), appealId);
    if (appeal.channel !== 'field_visit' || appeal.title !== appealTitle) throw new Error(`unexpected appeal: ${appeal.channel} ${appeal.title}`);
    await shot(office.page, 'relations-5-visit-appeal');
    await office.context.close();
  });

  await step('绿卡 · the demo card verifies on the public page without logging in, and an invented number does not', async () => {
    const staff = await signedIn('dispatcher');
    const cards = await staff.page.evaluate(async () => (await (await fetch('/api/v1/green-cards?status=valid')).json()).items);
    await staff.context.close();
    const card = cards.find((c) => c.holderName === '沈织里');
    if (!card) throw new Error('no demo green card');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    const page = await context.newPage();
    lastPage = page;
    await page.goto(`${base}/verify/green-card/${card.number}`);
    const result = page.getByTestId('green-card-result');
    await result.waitFor();
    const text = await result.textContent();
    if (!text?.includes('有效') || !text.includes('沈织里') || text.includes('0021')) throw new Error(`the public page shows: ${text}`);
    await shot(page, 'green-card-verify-phone', true);
    const invented = await (await fetch(`${base}/api/v1/public/green-cards/LK0000000000000`)).status;
    if (invented !== 404) throw new Error(`an invented number answers ${invented}`);
    await context.close();
  });
}

const server = spawn(process.execPath, [path.join(root, 'bin/qinqing.js'), 'start', '--demo', '--port', String(port)], {
  cwd: root,
  env: { ...process.env, QINQING_DATA_DIR: dataDir, QINQING_LOG_LEVEL: 'warn', DATABASE_URL: '' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

try {
  await waitForServer(server);
  console.log('browser flows');
  for (const { username, layout } of roles) {
    await step(`${username} logs in and sees ${layout}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(base);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill('qinqing-demo');
      await page.getByTestId('login-submit').click();
      await page.getByTestId(layout).waitFor({ timeout: patience });
      await page.screenshot({ path: path.join(shots, `${username}.png`) });
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
      await context.close();
    });
  }

  await step('enterprises · import a csv (dry run, then the good rows), find an enterprise, open it; 我的企业 on a phone', enterpriseRegistryFlow);
  await step('policies · the officer builds a rule, sees the count, publishes after the preview; the enterprise sees it in 政策匹配', policyFlow);
  await grantsFlow({ step, signedIn, shot, base, patience });
  await policyLinksFlow({ step, signedIn, shot, base, patience });
  await (await import('./flow-applications.mjs')).applicationFlow({ step, signedIn, shot, base, patience, dataDir });

  await step('a wrong password shows a clear message and stays on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByText(/用户名或密码错误/).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(shots, 'login-error.png') });
    await page.close();
  });

  await step('language switches to Traditional Chinese and English, and care mode enlarges the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByTestId('login-username').fill('enterprise');
    await page.getByTestId('login-password').fill('qinqing-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('layout-enterprise').waitFor();
    const langOf = () => page.evaluate(() => document.documentElement.lang);
    for (const [lang, file] of [['zh-TW', 'enterprise-zh-TW.png'], ['en', 'enterprise-en.png'], ['zh-CN', 'enterprise-zh-CN.png']]) {
      await page.getByTestId(`lang-${lang}`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      if ((await langOf()) !== lang) throw new Error(`lang is ${await langOf()}, expected ${lang}`);
      await page.screenshot({ path: path.join(shots, file) });
    }
    const fontBefore = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid="layout-enterprise"]')).fontSize));
    await page.getByTestId('care-toggle').click();
    await page.waitForTimeout(300);
    const fontAfter = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid="layout-enterprise"]')).fontSize));
    await page.screenshot({ path: path.join(shots, 'enterprise-care.png') });
    if (!(fontAfter > fontBefore)) throw new Error(`care mode font ${fontAfter} not larger than ${fontBefore}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'enterprise-care-phone.png') });
    await context.close();
  });

  await step('administrator opens users, organisation, calendar and audit pages', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('qinqing-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('layout-admin').waitFor();
    for (const key of ['users', 'org', 'calendar', 'audit']) {
      await page.getByTestId(`nav-${key}`).click();
      await page.getByTestId(`page-${key}`).waitFor({ timeout: patience });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(shots, `admin-${key}.png`) });
    }
    await context.close();
  });

  const appeal = { id: null, number: null, title: `厂房用电报装迟迟未通电（${Date.now() % 100000}）` };
  const needAppeal = () => {
    if (!appeal.id || !appeal.number) throw new Error('no appeal: the submission flow failed');
  };

  await step('appeal · an enterprise submits an appeal on a phone and sees it in its list', async () => {
    const { context, page } = await signedIn('enterprise', { phone: true });
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-submitAppeal').click();
    await page.getByTestId('page-appeal-submit').waitFor();
    await page.getByTestId('submit-title').fill(appeal.title);
    await page.getByTestId('submit-content').fill('我司新厂房 10 月底申请用电报装，至今一个多月仍未通电，设备无法调试，影响投产。请协调供电和住建部门尽快处理。');
    await page.getByTestId('submit-contact-phone').fill('13800001234');
    await shot(page, 'appeal-1-submit-phone', true);
    await page.getByTestId('submit-appeal').click();
    await waitForStatus(page, 'submitted');
    appeal.id = page.url().split('/appeals/')[1];
    appeal.number = await page.getByTestId('page-appeal-detail').getAttribute('data-appeal-number');
    if (!appeal.id || !appeal.number) throw new Error('no appeal id or number after submitting');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) throw new Error(`the detail page is ${overflow}px wider than the phone`);
    await shot(page, 'appeal-2-submitted-phone', true);
    await page.goto(`${base}/appeals`);
    await page.getByTestId(`appeal-row-${appeal.number}`).waitFor();
    await shot(page, 'appeal-3-my-appeals-phone', true);
    await context.close();
  });

  await step('appeal · the dispatcher finds it in the triage queue and assigns it to 住建局', async () => {
    needAppeal();
    const { context, page } = await signedIn('dispatcher');
    await page.getByTestId('nav-triage').click();
    await page.getByTestId(`appeal-row-${appeal.number}`).waitFor({ timeout: patience });
    const tone = await page.getByTestId(`appeal-row-${appeal.number}`).locator('xpath=ancestor::tr').getByTestId('countdown').getAttribute('data-tone');
    if (tone !== 'green') throw new Error(`a fresh appeal's countdown is ${tone}, expected green`);
    await shot(page, 'appeal-4-triage');
    await page.getByTestId(`appeal-row-${appeal.number}`).click();
    await waitForStatus(page, 'submitted');
    await act(page, 'assign', async () => {
      await pickUnit(page, 'action-department', '市住房和城乡建设局');
      await shot(page, 'appeal-5-assign-dialog');
    });
    await waitForStatus(page, 'assigned');
    await context.close();
  });

  await step('appeal · handler-zjj is notified, signs, pauses and resumes the clock, and asks for an extension', async () => {
    needAppeal();
    const { context, page } = await signedIn('handler-zjj');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: appeal.number }).first().waitFor({ timeout: patience });
    await shot(page, 'appeal-6-notification');
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-myWork').click();
    await page.getByTestId(`appeal-row-${appeal.number}`).click();
    await waitForStatus(page, 'assigned');
    await act(page, 'sign');
    await waitForStatus(page, 'signed');
    await act(page, 'pause', (form) => form.getByTestId('action-reason').fill('请企业补充用电报装申请表和厂房竣工验收材料'));
    await waitForStatus(page, 'paused');
    await page.getByTestId('clock-reply').getByTestId('countdown').and(page.locator('[data-tone="paused"]')).waitFor();
    await act(page, 'resume');
    await waitForStatus(page, 'signed');
    await act(page, 'request-extension', async (form) => {
      await form.locator('[data-testid="action-working-days"] input, input[data-testid="action-working-days"]').first().fill('3');
      await form.getByTestId('action-reason').fill('需协调供电公司现场勘查，预计三个工作日');
    });
    await page.getByTestId('pending-extension').waitFor();
    await page.getByTestId('note-input').fill('已电话联系供电公司，周三现场勘查。');
    await page.getByTestId('note-add').click();
    await page.getByTestId('appeal-notes').getByText('周三现场勘查').waitFor();
    await shot(page, 'appeal-7-handler-extension', true);
    await context.close();
  });

  await step('appeal · the dispatcher approves the extension and the reply deadline moves', async () => {
    needAppeal();
    const { context, page } = await signedIn('dispatcher');
    await openAppeal(page, appeal.id);
    await page.getByTestId('pending-extension').waitFor();
    const before = await page.getByTestId('clock-reply').textContent();
    await act(page, 'approve-extension');
    await page.getByTestId('pending-extension').waitFor({ state: 'detached' });
    await page.waitForFunction((text) => document.querySelector('[data-testid="clock-reply"]')?.textContent !== text, before);
    await page.getByTestId('appeal-timeline').locator('[data-action="approve-extension"]').waitFor();
    await shot(page, 'appeal-8-extension-approved', true);
    await context.close();
  });

  await step('appeal · handler-zjj replies with the resolution', async () => {
    needAppeal();
    const { context, page } = await signedIn('handler-zjj');
    await openAppeal(page, appeal.id);
    await act(page, 'reply', async (form) => {
      await form.getByTestId('action-content').fill('已协调供电公司完成现场勘查并接电，贵司厂房于本周通电，设备可以调试。');
      await form.getByTestId('action-resolution').getByText('已解决').click();
    });
    await waitForStatus(page, 'replied');
    await context.close();
  });

  await step('appeal · the follow-up officer records the call and closes the appeal', async () => {
    needAppeal();
    const { context, page } = await signedIn('followup');
    await page.getByTestId('nav-followUps').click();
    await page.getByTestId(`appeal-row-${appeal.number}`).click();
    await waitForStatus(page, 'replied');
    await act(page, 'follow-up', async (form) => {
      await rate(form.getByTestId('action-rating'), 5);
      await form.getByTestId('action-comment').fill('企业表示已通电，非常满意。');
    });
    await act(page, 'close');
    await waitForStatus(page, 'closed');
    await shot(page, 'appeal-9-closed-staff', true);
    await context.close();
  });

  await step('appeal · the enterprise sees the closed appeal with its public timeline on the phone and rates it', async () => {
    needAppeal();
    const { context, page } = await signedIn('enterprise', { phone: true });
    await openAppeal(page, appeal.id);
    await waitForStatus(page, 'closed');
    const actions = await page.getByTestId('timeline-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-action')));
    for (const expected of ['submit', 'assign', 'sign', 'pause', 'resume', 'approve-extension', 'reply', 'close']) {
      if (!actions.includes(expected)) throw new Error(`the timeline lacks ${expected}: ${actions.join(', ')}`);
    }
    if (actions.indexOf('submit') !== 0 || actions.indexOf('close') < actions.indexOf('reply')) throw new Error(`the timeline is not oldest first: ${actions.join(', ')}`);
    for (const internal of ['request-extension']) if (actions.includes(internal)) throw new Error(`the enterprise sees the internal step ${internal}`);
    if (await page.getByTestId('appeal-notes').count()) throw new Error('the enterprise sees internal notes');
    if (await page.getByText('周三现场勘查').count()) throw new Error('the enterprise sees the text of an internal note');
    await shot(page, 'appeal-10-enterprise-closed-phone', true);
    await page.getByTestId('rate-now').click();
    const form = page.getByTestId('action-form-rate');
    await rate(form.getByTestId('action-rating'), 5);
    await form.getByTestId('action-rating-label').filter({ hasText: '非常满意' }).waitFor();
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('appeal-rating-label').filter({ hasText: '非常满意' }).waitFor({ timeout: patience });
    if (await page.getByTestId('rate-now').count()) throw new Error('the rate button is still offered after rating');
    await shot(page, 'appeal-11-enterprise-rated-phone', true);
    await context.close();
  });

  await step("appeal · enterprise2 cannot open enterprise's appeal", async () => {
    needAppeal();
    const { context, page } = await signedIn('enterprise2');
    await page.goto(`${base}/appeals/${appeal.id}`);
    await page.getByTestId('appeal-not-found').waitFor({ timeout: patience });
    if (await page.getByText(appeal.title).count()) throw new Error('enterprise2 sees the title');
    await page.goto(`${base}/appeals`);
    await page.getByTestId('page-my-appeals').waitFor();
    await page.waitForLoadState('networkidle');
    if (await page.getByTestId(`appeal-row-${appeal.number}`).count()) throw new Error("enterprise's appeal is in enterprise2's list");
    await shot(page, 'appeal-12-enterprise2-not-found');
    await context.close();
  });

  await step("appeal · handler-swj's queue does not contain the 住建局 appeal", async () => {
    needAppeal();
    const { context, page } = await signedIn('handler-swj');
    await page.getByTestId('nav-myWork').click();
    await page.getByTestId('page-my-work').waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-table-tbody').waitFor();
    if (await page.getByTestId(`appeal-row-${appeal.number}`).count()) throw new Error('the zjj appeal is in handler-swj\'s queue');
    await shot(page, 'appeal-13-swj-my-work');
    await page.goto(`${base}/appeals?q=${encodeURIComponent(appeal.number)}`);
    await page.getByTestId('page-ledger').waitFor();
    await page.waitForLoadState('networkidle');
    if (await page.getByTestId(`appeal-row-${appeal.number}`).count()) throw new Error('handler-swj finds the zjj appeal in the ledger');
    await page.goto(`${base}/appeals/${appeal.id}`);
    await page.getByTestId('appeal-not-found').waitFor({ timeout: patience });
    await shot(page, 'appeal-14-swj-not-found');
    await context.close();
  });
  await step('appeal · in care mode the enterprise submits with only the text and a phone number', async () => {
    const { context, page } = await signedIn('enterprise', { phone: true });
    await page.getByTestId('care-toggle').first().click();
    await page.locator('[data-testid^="layout-"][data-care-mode="true"]').waitFor();
    await page.goto(`${base}/appeals/new`);
    await page.getByTestId('page-appeal-submit').waitFor();
    if (await page.getByTestId('submit-title').count()) throw new Error('care mode still asks for a title');
    await page.getByTestId('submit-content').fill('园区门口路灯坏了半个月，晚上下班不安全。');
    await page.getByTestId('submit-contact-phone').fill('13800005678');
    const height = await page.getByTestId('submit-appeal').evaluate((button) => button.getBoundingClientRect().height);
    if (height < 48) throw new Error(`the submit button is ${height}px high in care mode`);
    await shot(page, 'appeal-15-care-submit-phone', true);
    await page.getByTestId('submit-appeal').click();
    await waitForStatus(page, 'submitted');
    const title = await page.getByTestId('appeal-title').textContent();
    if (!title?.startsWith('园区门口路灯坏了半个月')) throw new Error(`the title was not made from the text: ${title}`);
    await shot(page, 'appeal-16-care-submitted-phone', true);
    await page.getByTestId('care-toggle').first().click();
    await page.locator('[data-testid^="layout-"][data-care-mode="false"]').waitFor();
    await context.close();
  });

  await step('appeal · the dispatcher assigns the rest of the triage queue in bulk', async () => {
    const { context, page } = await signedIn('dispatcher');
    await page.getByTestId('nav-triage').click();
    await page.getByTestId('page-triage').waitFor();
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
    const rows = await page.locator('.ant-table-tbody .ant-table-row').count();
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    await page.getByTestId('bulk-assign').and(page.locator(':enabled')).waitFor();
    const selected = Number((await page.getByTestId('bulk-assign').textContent())?.match(/\d+/)?.[0] ?? 0);
    if (selected < 2) throw new Error(`only ${selected} of ${rows} triage rows could be selected`);
    await page.getByTestId('bulk-assign').click();
    await pickUnit(page, 'bulk-assign-department', '市住房和城乡建设局');
    await page.getByTestId('bulk-assign-ok').click();
    const result = page.getByTestId('bulk-assign-result');
    await result.waitFor();
    const text = await result.textContent();
    if (!text?.includes(`交办成功 ${selected} 件，失败 0 件`)) throw new Error(`bulk assignment of ${selected} says: ${text}`);
    await shot(page, 'appeal-17-bulk-assign');
    await page.getByTestId('bulk-assign-ok').click();
    await page.waitForFunction((before) => document.querySelectorAll('.ant-table-tbody .ant-table-row').length < before, rows);
    await context.close();
  });
  await relationFlows();
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nscreenshots in ${path.relative(root, shots)}/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
