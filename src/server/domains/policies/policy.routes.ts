// Policies over HTTP (API.md "Policies", notes/policies-design.md): drafts, versions, the live rule check, publish preview and publish, matches, and an enterprise's 政策匹配.
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../shared/schemas/common.ts';
import { usccParams } from '../../../shared/schemas/enterprises.ts';
import {
  asOfQuery,
  enterprisePolicies as enterprisePoliciesView,
  listPoliciesQuery,
  matchesQuery,
  policyInputSchema,
  policyList,
  policyMatches,
  policyPatchSchema,
  policyVersionList,
  policyView as policyViewSchema,
  publishPreview as publishPreviewSchema,
  publishResult,
  ruleCheckBody,
  ruleCheckResult,
} from '../../../shared/schemas/policies.ts';
import { authorize } from '../abilities.ts';
import { businessDateOf } from '../calendar/working-days.ts';
import { enterpriseScopeFor } from '../enterprises/enterprise.access.ts';
import { findVisibleEnterprise } from '../enterprises/enterprise.repository.ts';
import { applicationRoutes } from './applications/application.routes.ts';
import { grantRoutes } from './grant.routes.ts';
import { createPolicy, policyView, publishPolicy, updatePolicy } from './manage-policies.ts';
import { contentOfRow, listItemOf } from './policy-content.ts';
import { checkRule, enterprisePolicies, policyMatches as matchesOf, publishPreview, ruleCheck } from './policy-evaluation.ts';
import { seesDrafts } from './policy.access.ts';
import { findPolicy, findVersion, listPolicies, listVersions, versionsInForce } from './policy.repository.ts';

export function policyRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  const today = () => businessDateOf(clock.now());

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies', summary: '政策列表 / policies (drafts for policy officers)', tags: ['policies'], auth: true,
    query: listPoliciesQuery, response: policyList,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'policy.read');
      const { total, rows } = await listPolicies(db, query, seesDrafts(actor));
      return { total, items: rows.map(listItemOf) };
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies', summary: '新建政策草稿 / create a draft policy', tags: ['policies'], auth: true, idempotent: true,
    body: policyInputSchema, response: policyViewSchema,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'policy.edit');
      return createPolicy({ db, clock }, ctx, actor, body);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/rule-check', summary: '规则校验与实时命中数 / validate a rule and count eligible enterprises', tags: ['policies'], auth: true,
    body: ruleCheckBody, response: ruleCheckResult,
    handler: async ({ actor, db, body }) => {
      authorize(actor, 'policy.matches');
      return ruleCheck(db, body.rule, body.asOf ?? today());
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies/{id}', summary: '政策详情 / one policy (working copy and current version)', tags: ['policies'], auth: true,
    params: idParams, response: policyViewSchema,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'policy.read');
      const row = await findPolicy(db, params.id, { withDrafts: seesDrafts(actor) });
      if (!seesDrafts(actor) && row.current_version !== null) {
        // Readers see the published content, never the working copy of the next version.
        const current = await findVersion(db, row.id, row.current_version);
        const view = await policyView(db, actor, row);
        return current ? { ...view, ...current.content, reviewWorkingDays: current.content.reviewWorkingDays ?? null, draftDiffers: false } : view;
      }
      return policyView(db, actor, row);
    },
  });

  app.defineRoute({
    method: 'PATCH', url: '/api/v1/policies/{id}', summary: '修改政策（已发布的政策修改为下一版草稿）/ edit the working copy', tags: ['policies'], auth: true,
    params: idParams, body: policyPatchSchema, response: policyViewSchema,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.edit');
      return updatePolicy({ db, clock }, ctx, actor, params.id, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies/{id}/publish-preview', summary: '发布预览：新增与失去资格的企业 / who gains and loses eligibility', tags: ['policies'], auth: true,
    params: idParams, query: asOfQuery, response: publishPreviewSchema,
    handler: async ({ actor, db, params, query }) => {
      authorize(actor, 'policy.publish');
      const row = await findPolicy(db, params.id, { withDrafts: true });
      const after = contentOfRow(row).rule;
      const current = row.current_version === null ? null : await findVersion(db, row.id, row.current_version);
      return publishPreview(db, current?.content.rule ?? null, checkRule(after), query.asOf ?? today());
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/{id}/publish', summary: '发布政策新版本 / publish an immutable version', tags: ['policies'], auth: true,
    params: idParams, response: publishResult,
    handler: async ({ actor, ctx, db, params }) => {
      authorize(actor, 'policy.publish');
      return publishPolicy({ db, clock }, ctx, actor, params.id);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies/{id}/versions', summary: '政策版本 / published versions', tags: ['policies'], auth: true,
    params: idParams, response: policyVersionList,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'policy.read');
      await findPolicy(db, params.id, { withDrafts: seesDrafts(actor) });
      const rows = await listVersions(db, params.id);
      return {
        items: rows.map((r) => ({
          version: r.version,
          contentHash: r.content_hash,
          publishedAt: new Date(r.published_at).toISOString(),
          publishedBy: r.published_by ? { id: r.published_by, displayName: r.display_name ?? '' } : null,
        })),
      };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies/{id}/matches', summary: '符合条件的企业与差一项的企业 / eligible enterprises and near-misses', tags: ['policies'], auth: true,
    params: idParams, query: matchesQuery, response: policyMatches,
    handler: async ({ actor, db, params, query }) => {
      authorize(actor, 'policy.matches');
      const row = await findPolicy(db, params.id, { withDrafts: seesDrafts(actor) });
      const asOf = query.asOf ?? today();
      // The version in force on the date; a policy never published (or not in force then) is matched on its working copy.
      const [inForce] = await versionsInForce(db, asOf, row.id);
      const rule = inForce ? inForce.content.rule : checkRule(contentOfRow(row).rule);
      return matchesOf(db, rule, asOf, query.page, query.pageSize);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprises/{uscc}/policies', summary: '政策匹配：企业符合的政策及原因 / every policy for one enterprise, with why', tags: ['policies'], auth: true,
    params: usccParams, query: asOfQuery, response: enterprisePoliciesView,
    handler: async ({ actor, db, params, query }) => {
      authorize(actor, 'policy.read');
      const enterprise = await findVisibleEnterprise(db, enterpriseScopeFor(actor), params.uscc);
      const asOf = query.asOf ?? today();
      return { asOf, items: await enterprisePolicies(db, enterprise.id, asOf) };
    },
  });

  grantRoutes(app);
  applicationRoutes(app);
}
