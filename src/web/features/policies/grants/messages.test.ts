// Checks the grant and payout-ledger texts: same keys and placeholders in zh-CN, zh-TW and en, a label for every grant status and ledger grouping, and every key the folder asks for exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantStatuses, ledgerGroupings } from '../../../../shared/schemas/policies.ts';
import { zhCN as sharedZhCN } from '../../../i18n/zh-CN.ts';
import { flattenMessages, messageProblems } from '../../kpi/message-bundles.ts';
import { grantMessages } from './messages.ts';

const own = flattenMessages(grantMessages['zh-CN']);
const shared = flattenMessages(sharedZhCN as never);

describe('grant and ledger texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(own.size).toBeGreaterThan(80);
    expect(messageProblems(grantMessages)).toEqual([]);
  });

  it('find a missing key, an empty text and a changed placeholder (the check itself)', () => {
    const broken = structuredClone(grantMessages);
    delete (broken.en.grantsPage.exclude as Record<string, string>).reasonRequired;
    broken['zh-TW'].ledgerPage.title = ' ';
    broken.en.grantsPage.approve.fits = '{{selected}} selected';
    expect(messageProblems(broken)).toEqual(['zh-TW: empty ledgerPage.title', 'en: missing grantsPage.exclude.reasonRequired', 'en: placeholders of grantsPage.approve.fits']);
  });

  it('stay under their own top-level keys', () => {
    for (const tree of Object.values(grantMessages)) expect(Object.keys(tree).sort()).toEqual(['grantsPage', 'ledgerPage']);
  });

  it('name every grant status and every ledger grouping, and the nav entry has its label in the shared files', () => {
    const wanted = [
      ...['all', ...grantStatuses].map((v) => `grantsPage.statuses.${v}`),
      ...ledgerGroupings.flatMap((v) => [`ledgerPage.groupBy.${v}`, `ledgerPage.groupColumn.${v}`]),
    ];
    expect(wanted.filter((key) => !own.has(key))).toEqual([]);
    expect(shared.has('nav.policyPayouts')).toBe(true);
  });

  it('cover every literal key the folder asks for (own texts or the shared files)', () => {
    const dir = import.meta.dirname;
    const missing: string[] = [];
    let asked = 0;
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const m of text.matchAll(/\b(?:t|tc)\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        asked++;
        if (!own.has(m[1]) && !shared.has(m[1])) missing.push(`${name}: ${m[1]}`);
      }
    }
    expect(asked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
