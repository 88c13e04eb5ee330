// A compiled statement with its parameters written in as quoted literals, so several statements (BEGIN; … ; COMMIT) travel in one simple-protocol round trip.
import { createRequire } from 'node:module';
import type { CompiledQuery } from 'kysely';

// pg's own conversion of parameters to text and its quoting (not in its typings, hence require).
const { prepareValue, escapeLiteral } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): string | Buffer | null; escapeLiteral(text: string): string };

/**
 * `$n` placeholders replaced by the literal pg itself would have sent for that parameter (same text conversion, so a
 * Date, an array or an object means what it means as a parameter), quoted by pg's `escapeLiteral`. An untyped literal
 * and an untyped parameter are both of type unknown to PostgreSQL, so the statement means the same. Only for SQL this
 * code generates: a placeholder must not appear inside a string literal of the statement itself.
 */
export function inlineParameters(query: Pick<CompiledQuery, 'sql' | 'parameters'>): string {
  const { parameters } = query;
  let highest = 0;
  const text = query.sql.replace(/\$(\d+)/g, (_, digits: string) => {
    const index = Number(digits);
    if (index < 1 || index > parameters.length) throw new Error(`placeholder $${index} without a parameter (${parameters.length} given)`);
    highest = Math.max(highest, index);
    const value = prepareValue(parameters[index - 1]);
    if (value === null) return 'NULL';
    if (typeof value !== 'string') throw new Error(`parameter $${index}: binary values are not inlined`);
    return escapeLiteral(value);
  });
  if (highest !== parameters.length) throw new Error(`${parameters.length} parameters but the highest placeholder is $${highest}`);
  return text;
}
