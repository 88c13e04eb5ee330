// The ordered list of frozen migrations; add new files here, never edit a landed one.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-23T1800_foundation.ts';
import * as appeals from './2026-11-24T0900_appeals.ts';
import * as appealOpenWork from './2026-11-24T1500_appeal_open_work.ts';
import * as appealKpiIndex from './2026-11-24T1600_appeal_kpi_index.ts';
import * as auditChains from './2026-11-25T0800_audit_chains.ts';
import * as enterpriseRegistry from './2026-11-25T0900_enterprise_registry.ts';
import * as enterpriseRelations from './2026-11-25T1000_enterprise_relations.ts';
import * as enterpriseSearchIndexes from './2026-11-25T1100_enterprise_search_indexes.ts';
import * as policies from './2026-11-26T0900_policies.ts';
import * as enterpriseSearchSpeed from './2026-11-26T1000_enterprise_search_speed.ts';
import * as appealsEnteredByStaff from './2026-11-26T1100_appeals_entered_by_staff.ts';
import * as policyApplications from './2026-11-27T0900_policy_applications.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-23T1800_foundation': foundation,
  '2026-11-24T0900_appeals': appeals,
  '2026-11-24T1500_appeal_open_work': appealOpenWork,
  '2026-11-24T1600_appeal_kpi_index': appealKpiIndex,
  '2026-11-25T0800_audit_chains': auditChains,
  '2026-11-25T0900_enterprise_registry': enterpriseRegistry,
  '2026-11-25T1000_enterprise_relations': enterpriseRelations,
  '2026-11-25T1100_enterprise_search_indexes': enterpriseSearchIndexes,
  '2026-11-26T0900_policies': policies,
  '2026-11-26T1000_enterprise_search_speed': enterpriseSearchSpeed,
  '2026-11-26T1100_appeals_entered_by_staff': appealsEnteredByStaff,
  '2026-11-27T0900_policy_applications': policyApplications,
};
