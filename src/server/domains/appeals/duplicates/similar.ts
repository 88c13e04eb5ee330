// Similar open appeals for a new one: candidates found through the terms index (or the same enterprise) in the caller's scope, scored by weighted term overlap.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../../db/transaction.ts';
import { openStates, type AppealStatus, type similarAppealView } from '../../../../shared/schemas/appeals.ts';
import { whereVisible, type AppealScope } from '../appeal.access.ts';
import { termWeights, type TermWeight, type Weights } from './term-weights.ts';
import { appealTerms, titleTerms } from './terms.ts';

export type SimilarAppeal = z.infer<typeof similarAppealView>;

export interface SimilarInput {
  title?: string;
  content?: string;
  enterpriseId?: string;
  excludeId?: string;
}

/** Below this an appeal is not suggested: about a third of the telling words in common. */
export const SIMILARITY_THRESHOLD = 0.3;
/** The same enterprise raising a related matter again is likelier a duplicate: it needs half the overlap. */
export const SAME_ENTERPRISE_BONUS = 0.15;
const TITLE_FACTOR = 2;
/** The query's most telling terms probe the GIN index; a term in more than 5 % of appeals would fetch too many rows. */
const PROBE_TERMS = 8;
const BROAD_SHARE = 0.05;
const RECENT_MATCHES = 1000;
const TERM_CANDIDATES = 100;
const ENTERPRISE_CANDIDATES = 30;
const SHOWN_SHARED_TERMS = 8;
/** How much the query's size weighs against the candidate's when normalising: a short title still matches a long appeal. */
const QUERY_SHARE = 0.7;

/** Term → factor: title terms count double. */
export type WeightedTerms = Map<string, number>;

export function weighTerms(title: string, terms: readonly string[]): WeightedTerms {
  const inTitle = new Set(titleTerms(title));
  return new Map(terms.map((t) => [t, inTitle.has(t) ? TITLE_FACTOR : 1]));
}

const mass = (terms: WeightedTerms, weight: TermWeight): number => {
  let sum = 0;
  for (const [term, factor] of terms) sum += weight(term) * factor;
  return sum;
};

/**
 * 1 for the same words, 0 for none in common. The shared mass over a weighted geometric mean of both sides' masses,
 * leaning to the query's so that a short intake title is not drowned by a long stored appeal.
 */
export function textSimilarity(query: WeightedTerms, candidate: WeightedTerms, weight: TermWeight): { score: number; shared: string[] } {
  const shared = [...query.keys()].filter((t) => candidate.has(t));
  if (shared.length === 0) return { score: 0, shared };
  let common = 0;
  for (const t of shared) common += weight(t) * Math.sqrt(query.get(t)! * candidate.get(t)!);
  const denominator = mass(query, weight) ** QUERY_SHARE * mass(candidate, weight) ** (1 - QUERY_SHARE);
  shared.sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  return { score: Math.min(1, common / denominator), shared };
}

/** The terms to look up in the index: the most telling ones that are not in a large share of all appeals. */
function probeTerms(terms: readonly string[], weights: Weights): string[] {
  return terms
    .filter((t) => (weights.frequency(t) ?? 0) <= BROAD_SHARE)
    .sort((a, b) => weights.weight(b) - weights.weight(a))
    .slice(0, PROBE_TERMS);
}

const candidateColumns = ['appeals.id', 'appeals.number', 'appeals.title', 'appeals.status', 'appeals.enterprise_id', 'appeals.submitted_at', 'appeals.terms'] as const;

async function candidates(db: Executor, scope: AppealScope, input: SimilarInput, probe: string[], weights: Weights) {
  const open = [...openStates];
  const base = () => {
    let query = db.selectFrom('appeals').select(candidateColumns).where('appeals.status', 'in', open);
    if (input.excludeId) query = query.where('appeals.id', '!=', input.excludeId);
    return whereVisible(query, scope);
  };
  // Only the most recent matches are ranked: scoring every row that shares one word costs more than the index lookup.
  const recentMatches = base()
    .where(sql<boolean>`appeals.terms && ${sql.val(probe)}::text[]`)
    .orderBy('appeals.submitted_at', 'desc')
    .limit(RECENT_MATCHES);
  const probeScore = sql.join(
    probe.map((term) => sql`CASE WHEN c.terms @> ARRAY[${term}]::text[] THEN ${weights.weight(term)}::float8 ELSE 0 END`),
    sql` + `,
  );
  const byTerms = probe.length
    ? db
        .selectFrom(recentMatches.as('c'))
        .selectAll('c')
        .orderBy(sql`${probeScore}`, 'desc')
        .orderBy('c.submitted_at', 'desc')
        .limit(TERM_CANDIDATES)
        .execute()
    : Promise.resolve([]);
  const byEnterprise = input.enterpriseId
    ? base().where('appeals.enterprise_id', '=', input.enterpriseId).orderBy('appeals.submitted_at', 'desc').limit(ENTERPRISE_CANDIDATES).execute()
    : Promise.resolve([]);
  const rows = [...(await byTerms), ...(await byEnterprise)];
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** Open appeals in the caller's scope that look like the one being entered, best first; none without words to compare. */
export async function findSimilarAppeals(db: Executor, scope: AppealScope, input: SimilarInput, limit = 5, now = Date.now()): Promise<SimilarAppeal[]> {
  const title = input.title ?? '';
  const query = weighTerms(title, appealTerms(title, input.content ?? ''));
  if (query.size === 0 || scope.kind === 'none') return [];
  const weights = await termWeights(db, now);
  const rows = await candidates(db, scope, input, probeTerms([...query.keys()], weights), weights);
  return rows
    .map((row) => {
      const sameEnterprise = input.enterpriseId !== undefined && row.enterprise_id === input.enterpriseId;
      const { score, shared } = textSimilarity(query, weighTerms(row.title, row.terms), weights.weight);
      return { row, sameEnterprise, shared, score: score + (sameEnterprise ? SAME_ENTERPRISE_BONUS : 0) };
    })
    .filter((c) => c.shared.length > 0 && c.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.row.submitted_at.getTime() - a.row.submitted_at.getTime())
    .slice(0, limit)
    .map(({ row, sameEnterprise, shared, score }) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status as AppealStatus,
      enterpriseId: row.enterprise_id,
      submittedAt: row.submitted_at.toISOString(),
      score: Math.round(Math.min(1, score) * 1000) / 1000,
      sameEnterprise,
      sharedTerms: shared.slice(0, SHOWN_SHARED_TERMS),
    }));
}
