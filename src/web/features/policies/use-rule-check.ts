// The editor's live count: the rule sent to POST /policies/rule-check a moment after the last edit, the answer kept while the next one loads; the server's faults (unknown codes) come back as rule faults (paths from the rule's root).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../../lib/api.ts';
import { checkRule, policyKeys } from './api.ts';
import type { Fault } from './rule-tree.ts';

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export const RULE_CHECK_DELAY_MS = 400;

/** `enabled` is false while the rule has faults the browser already sees (nothing to count). */
export function useRuleCheck(rule: unknown, enabled: boolean) {
  const text = JSON.stringify(rule ?? null);
  const debounced = useDebounced(text, RULE_CHECK_DELAY_MS);
  const settled = debounced === text;
  const query = useQuery({
    queryKey: policyKeys.ruleCheck(debounced),
    queryFn: ({ signal }) => checkRule(JSON.parse(debounced), signal),
    enabled: enabled && rule != null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  const serverFaults: Fault[] = isApiError(query.error) && query.error.code === 'validation_failed' ? query.error.details.map((d) => ({ path: d.path.replace(/^rule(\.|$)/, ''), message: d.message })) : [];
  return {
    result: enabled ? query.data : undefined,
    /** The count shown is for an earlier version of the rule (typing, or the request is running). */
    stale: !settled || query.isFetching || query.isPlaceholderData,
    serverFaults: enabled ? serverFaults : [],
    error: enabled && !serverFaults.length ? query.error : null,
  };
}
