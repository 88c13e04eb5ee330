// A report page's period and grouping, kept in the URL (`?from=&to=&groupBy=`) so a view can be bookmarked or linked from the dashboard.
import { useSearchParams } from 'react-router';
import { todayInShanghai } from '../../lib/format.ts';
import { defaultPeriod, type Period } from './period.ts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Anything malformed in the URL falls back: the default period, `fallbackGroup`. */
export function usePeriodInUrl<G extends string>(groupings: readonly G[], fallbackGroup: G) {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period: Period = datePattern.test(from) && datePattern.test(to) && from <= to ? { from, to } : defaultPeriod(todayInShanghai());
  const raw = params.get('groupBy') as G | null;
  const groupBy: G = raw && groupings.includes(raw) ? raw : fallbackGroup;
  const update = (next: Partial<Period & { groupBy: G }>) => {
    const merged = { ...period, groupBy, ...next };
    setParams({ from: merged.from, to: merged.to, groupBy: merged.groupBy }, { replace: true });
  };
  return { period, groupBy, update };
}
