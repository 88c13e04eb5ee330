// Browser flows in Debian's Chromium (playwright-core): log in as each role, switch language and care mode, screenshot every step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

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

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n    ')}`);
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
      await page.getByTestId(layout).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(shots, `${username}.png`) });
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
      await context.close();
    });
  }

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
      await page.getByTestId(`page-${key}`).waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(shots, `admin-${key}.png`) });
    }
    await context.close();
  });
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nscreenshots in ${path.relative(root, shots)}/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
