// The organisation units (flat list) and their tree, cached for every page that needs them.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchAllOrgUnits, orgKeys } from './api.ts';
import { buildOrgTree } from './org-tree.ts';

export function useOrgUnits() {
  const query = useQuery({ queryKey: orgKeys.units, queryFn: fetchAllOrgUnits, staleTime: 60_000 });
  const units = useMemo(() => query.data ?? [], [query.data]);
  const tree = useMemo(() => buildOrgTree(units), [units]);
  return { ...query, units, tree };
}
