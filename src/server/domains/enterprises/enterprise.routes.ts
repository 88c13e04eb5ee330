// The enterprise registry over HTTP (API.md "Enterprises"): register, read, search, edit, yearly figures, tags.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listOf } from '../../../shared/schemas/common.ts';
import {
  createEnterpriseBody,
  enterpriseFigures,
  enterpriseListItem,
  enterpriseTagView,
  enterpriseView,
  figuresParams,
  putFiguresBody,
  revokeTagBody,
  searchEnterprisesQuery,
  tagInput,
  tagParams,
  updateEnterpriseBody,
  usccParams,
} from '../../../shared/schemas/enterprises.ts';
import { authorize } from '../abilities.ts';
import { businessDateOf } from '../calendar/working-days.ts';
import { enterpriseScopeFor } from './enterprise.access.ts';
import { findVisibleEnterprise } from './enterprise.repository.ts';
import { searchEnterprises } from './enterprise-search.ts';
import { loadEnterpriseView } from './enterprise-view.ts';
import { putFigures } from './figures.ts';
import { createEnterprise, updateEnterprise } from './manage-enterprises.ts';
import { addTag, revokeTag } from './tags.ts';

export function enterpriseRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;

  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprises', summary: '企业列表与检索 / search the enterprises the caller may see', tags: ['enterprises'], auth: true,
    query: searchEnterprisesQuery, response: listOf(enterpriseListItem).extend({ totalExact: z.boolean() }),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'enterprise.read');
      return searchEnterprises(db, enterpriseScopeFor(actor), query, businessDateOf(clock.now()));
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/enterprises', summary: '登记企业 / register an enterprise', tags: ['enterprises'], auth: true, idempotent: true,
    body: createEnterpriseBody, response: enterpriseView,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'enterprise.create');
      return createEnterprise({ db, clock }, ctx, actor, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprises/{uscc}', summary: '企业详情 / one enterprise with figures, tags, size and its basis', tags: ['enterprises'], auth: true,
    params: usccParams, response: enterpriseView,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'enterprise.read');
      const row = await findVisibleEnterprise(db, enterpriseScopeFor(actor), params.uscc);
      return loadEnterpriseView(db, actor, row, businessDateOf(clock.now()));
    },
  });

  app.defineRoute({
    method: 'PATCH', url: '/api/v1/enterprises/{uscc}', summary: '修改企业信息 / edit attributes (an enterprise user: its contact fields only)', tags: ['enterprises'], auth: true,
    params: usccParams, body: updateEnterpriseBody, response: enterpriseView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'enterprise.read');
      const row = await findVisibleEnterprise(db, enterpriseScopeFor(actor), params.uscc);
      return updateEnterprise({ db, clock }, ctx, actor, row, body);
    },
  });

  app.defineRoute({
    method: 'PUT', url: '/api/v1/enterprises/{uscc}/figures/{year}', summary: '登记某年数据 / set one year\'s figures (other years untouched)', tags: ['enterprises'], auth: true,
    params: figuresParams, body: putFiguresBody, response: enterpriseFigures.omit({ source: true, updatedAt: true }),
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'enterprise.read');
      const row = await findVisibleEnterprise(db, enterpriseScopeFor(actor), params.uscc);
      authorize(actor, 'enterprise.figures');
      const after = await putFigures({ db, clock }, ctx, row.id, params.year, body);
      return { year: after.year, headcount: after.headcount, revenue: after.revenue_wan, assets: after.assets_wan, tax: after.tax_wan };
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/enterprises/{uscc}/tags', summary: '添加标签 / add a dated tag', tags: ['enterprises'], auth: true, idempotent: true,
    params: usccParams, body: tagInput, response: enterpriseTagView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'enterprise.read');
      const row = await findVisibleEnterprise(db, enterpriseScopeFor(actor), params.uscc);
      authorize(actor, 'enterprise.tag');
      return addTag({ db, clock }, ctx, row.id, body);
    },
  });

  app.defineRoute({
    method: 'DELETE', url: '/api/v1/enterprises/{uscc}/tags/{tagId}', summary: '撤销标签（保留历史）/ revoke a tag, keeping its history', tags: ['enterprises'], auth: true,
    params: tagParams, body: revokeTagBody, response: enterpriseTagView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'enterprise.read');
      const row = await findVisibleEnterprise(db, enterpriseScopeFor(actor), params.uscc);
      authorize(actor, 'enterprise.tag');
      return revokeTag({ db, clock }, ctx, row.id, params.tagId, body?.note);
    },
  });
}
