// HTTP routes of the organisation tree: thin — validate, authorize, call one use case.
import type { FastifyInstance } from 'fastify';
import { createOrgUnitBody, idParams, listOf, orgUnitView, updateOrgUnitBody } from '../../../shared/schemas/index.ts';
import { authorize } from '../abilities.ts';
import { listOrgUnits } from './org.repository.ts';
import { createOrgUnit, updateOrgUnit } from './manage-org-units.ts';
import { invalidateAppealReference } from '../appeals/appeal-reference.ts';

export function orgRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  app.defineRoute({
    method: 'GET', url: '/api/v1/org-units', summary: '组织机构树（扁平列表） / organisation units', tags: ['org'], auth: true,
    response: listOf(orgUnitView),
    handler: async ({ actor, db }) => {
      authorize(actor, 'org.read');
      const items = await listOrgUnits(db);
      return { items, total: items.length };
    },
  });
  app.defineRoute({
    method: 'POST', url: '/api/v1/org-units', summary: '新建单位 / create a unit', tags: ['org'], auth: true, idempotent: true,
    body: createOrgUnitBody, response: orgUnitView,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'org.manage');
      // Appeals cache the region and department lists; a new unit must be usable at once.
      return createOrgUnit({ db, clock }, ctx, body).finally(() => invalidateAppealReference(app.deps.db));
    },
  });
  app.defineRoute({
    method: 'PATCH', url: '/api/v1/org-units/{id}', summary: '修改或移动单位 / rename, move or deactivate a unit', tags: ['org'], auth: true,
    params: idParams, body: updateOrgUnitBody, response: orgUnitView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'org.manage');
      return updateOrgUnit({ db, clock }, ctx, params.id, body).finally(() => invalidateAppealReference(app.deps.db));
    },
  });
}
