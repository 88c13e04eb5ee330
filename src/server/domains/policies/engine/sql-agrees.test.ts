// The SQL compilation as a cross-check: random rules over random enterprises written to the registry tables of a test database give the row evaluator's verdicts and per-condition results (null = unknown).
import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/database.ts';
import { compileRule, FALSE, TRUE, UNKNOWN, type Truth } from './compile.ts';
import { AS_OF, enterprisesArb, ruleArb } from '../../../../../test/helpers/policy-arbitraries.ts';
import type { EnterpriseRecord } from './enterprise-record.ts';
import { evaluateRow } from './row-evaluator.ts';
import { eligibilityQuery, ruleToSql } from './sql.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const literal = (v: string | number | null): string => (v == null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

async function writeRegistry(records: EnterpriseRecord[]): Promise<Map<string, string>> {
  const uuids = new Map<string, string>();
  // The template database holds demo enterprises (referenced by users): only this test's rows are replaced.
  const mine = "(SELECT id FROM enterprises WHERE uscc LIKE '91330000TEST%')";
  const statements = [`DELETE FROM enterprise_tags WHERE enterprise_id IN ${mine}`, `DELETE FROM enterprise_figures WHERE enterprise_id IN ${mine}`, `DELETE FROM enterprises WHERE id IN ${mine}`];
  for (const [i, r] of records.entries()) {
    const uuid = crypto.randomUUID();
    uuids.set(uuid, r.id);
    statements.push(
      `INSERT INTO enterprises (id, uscc, name, division_code, industry_code, size_class, founded_on, registered_capital_wan, taxpayer_type, credit_rating) VALUES (${literal(uuid)}, ${literal(`91330000TEST${String(i).padStart(6, '0')}`)}, ${literal(`企业${i}`)}, ${literal(r.divisionCode)}, ${literal(r.industryCode)}, ${literal(r.sizeClass)}, ${literal(r.foundedOn)}, ${literal(r.registeredCapitalWan)}, ${literal(r.taxpayerType)}, ${literal(r.creditRating)})`,
    );
    for (const f of r.figures) {
      statements.push(`INSERT INTO enterprise_figures (enterprise_id, year, headcount, revenue_wan, assets_wan, tax_wan) VALUES (${literal(uuid)}, ${f.year}, ${literal(f.headcount)}, ${literal(f.revenueWan)}, ${literal(f.assetsWan)}, ${literal(f.taxWan)})`);
    }
    for (const t of r.tags) {
      statements.push(`INSERT INTO enterprise_tags (enterprise_id, tag, valid_from, valid_until, revoked_at) VALUES (${literal(uuid)}, ${literal(t.tag)}, ${literal(t.validFrom)}, ${literal(t.validUntil)}, ${literal(t.revokedAt)})`);
    }
  }
  await sql.raw(statements.join(';\n')).execute(database.db);
  return uuids;
}

const fromSql = (v: boolean | null): Truth => (v === null ? UNKNOWN : v ? TRUE : FALSE);

describe('SQL compilation agrees with the row evaluator', () => {
  it('on random rules and enterprises in the registry tables, unknowns included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ruleArb, { minLength: 1, maxLength: 3 }), enterprisesArb(25), fc.constantFrom(...AS_OF), async (rules, records, asOf) => {
        const uuids = await writeRegistry(records);
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const rule of rules) {
          const compiled = compileRule(rule, asOf);
          const query = `SELECT * FROM (${eligibilityQuery(rule, asOf)}) q WHERE q.id IN (SELECT id FROM enterprises WHERE uscc LIKE '91330000TEST%')`;
          const { rows } = await sql.raw<Record<string, boolean | null> & { id: string }>(query).execute(database.db);
          expect(rows).toHaveLength(records.length);
          for (const row of rows) {
            const expected = evaluateRow(compiled, byId.get(uuids.get(row.id)!)!);
            expect({ verdict: fromSql(row.verdict), conditions: compiled.conditions.map((c) => fromSql(row[`c:${c.id}`])) }).toEqual({
              verdict: expected.verdict,
              conditions: expected.conditions.map((c) => c.result),
            });
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('writes money as exact numeric literals and dates as DATE literals', () => {
    const text = ruleToSql(
      {
        type: 'all',
        items: [
          { type: 'condition', id: 'r', label: { zh: '上年营业收入 ≥ 2000 万元' }, clause: '一', test: { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: 0.1 } } },
          { type: 'condition', id: 'f', label: { zh: '成立满 3 年' }, clause: '二', test: { attribute: 'founded', op: 'ageAtLeast', years: 3 } },
        ],
      },
      '2026-03-01',
    );
    expect(text).toBe(
      "((SELECT f.revenue_wan FROM enterprise_figures f WHERE f.enterprise_id = e.id AND f.year = 2025) >= 0.100000::numeric) AND (e.founded_on <= (DATE '2026-03-01' - INTERVAL '3 years')::date)".replace(/^/, '(') + ')',
    );
  });
});
