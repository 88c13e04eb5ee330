// Calls of the organisation endpoints: the flat unit list (all pages), create, update (rename, move, deactivate).
import { listOf, orgUnitView, type OrgUnitView } from '../../../shared/schemas/index.ts';
import type { OrgUnitKind } from '../../../shared/roles.ts';
import { api } from '../../lib/api.ts';

export const orgKeys = { units: ['org-units'] as const };

const orgUnitList = listOf(orgUnitView);

/** Every unit: the server answers the whole flat list; should it ever page it, the further pages are fetched. */
export async function fetchAllOrgUnits(): Promise<OrgUnitView[]> {
  const first = await api.get('/org-units', orgUnitList);
  const units = [...first.items];
  const pageSize = Math.max(first.items.length, 1);
  for (let page = 2; units.length < first.total && page <= Math.ceil(first.total / pageSize); page++) {
    const next = await api.get('/org-units', orgUnitList, { page, pageSize });
    if (next.items.length === 0) break;
    units.push(...next.items);
  }
  return units;
}

export interface CreateOrgUnitInput {
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
  divisionCode?: string | null;
  sortOrder?: number;
}

export function createOrgUnit(body: CreateOrgUnitInput) {
  return api.create('/org-units', body, orgUnitView);
}

export interface UpdateOrgUnitInput {
  parentId?: string | null;
  name?: string;
  divisionCode?: string | null;
  sortOrder?: number;
  active?: boolean;
}

export function updateOrgUnit(id: string, body: UpdateOrgUnitInput) {
  return api.patch(`/org-units/${id}`, body, orgUnitView);
}
