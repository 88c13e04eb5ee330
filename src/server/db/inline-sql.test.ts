// Inlined parameters mean exactly what the same values mean as bound parameters: round-tripped through PostgreSQL for awkward text, arrays, dates, JSON and nulls.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { inlineParameters } from './inline-sql.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const awkward = ["it's", 'back\\slash', '\\\'', '$1 and $2', '"quoted"', '{braces,comma}', 'NULL', '换行\n制表\t', '😀 emoji', '', ' ', "'; DROP TABLE users; --"];

describe('inlineParameters', () => {
  it('gives the same values as bound parameters', async () => {
    const when = new Date('2026-10-01T03:04:05.678Z');
    const json = { a: "it's", b: ['x\\y', null], c: 1.5 };
    const query = sql<{ texts: string[]; arr: string[]; at: Date; doc: unknown; n: number; nothing: null; flag: boolean; one: string }>`
      SELECT ${sql.val(awkward)}::text[] AS texts, ${sql.val(['a,b', 'c"d', null, 'e\\f'])}::text[] AS arr, ${when}::timestamptz AS at,
             ${JSON.stringify(json)}::jsonb AS doc, ${42}::int AS n, ${null}::text AS nothing, ${true}::boolean AS flag, ${awkward[0]} AS one`.compile(t.db);
    const bound = (await t.db.executeQuery(query)).rows[0];
    const inlined = (await sql.raw(inlineParameters(query)).execute(t.db)).rows[0];
    expect(inlined).toEqual(bound);
    expect(inlined).toMatchObject({ texts: awkward, arr: ['a,b', 'c"d', null, 'e\\f'], at: when, doc: json, n: 42, nothing: null, flag: true, one: "it's" });
  });

  it('keeps each awkward text whole as a single literal', async () => {
    for (const text of awkward) {
      const query = sql<{ v: string }>`SELECT ${text}::text AS v`.compile(t.db);
      expect((await sql.raw<{ v: string }>(inlineParameters(query)).execute(t.db)).rows[0]!.v).toBe(text);
    }
  });

  it('refuses a placeholder without its parameter, and a parameter without its placeholder', () => {
    expect(() => inlineParameters({ sql: 'SELECT $1, $2', parameters: ['a'] })).toThrow(/without a parameter/);
    expect(() => inlineParameters({ sql: 'SELECT $1', parameters: ['a', 'b'] })).toThrow(/highest placeholder/);
    expect(() => inlineParameters({ sql: 'SELECT $1', parameters: [Buffer.from('x')] })).toThrow(/binary/);
  });
});
