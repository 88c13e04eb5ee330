// The organisation units (flat list) and their tree, cached for every page that needs them.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchAllOrgUnits, orgKeys } from './api.ts';
import { buildOrgTree } from './org-tree.ts';

/** `enabled: false` for callers that may not read the organisation (enterprise users). */
export function useOrgUnits(enabled = true) {
  const query = useQuery({ queryKey: orgKeys.units, queryFn: fetchAllOrgUnits, staleTime: 60_000, enabled });
  const units = useMemo(() => query.data ?? [], [query.data]);
  const tree = useMemo(() => buildOrgTree(units), [units]);
  return { ...query, units, tree };
}
