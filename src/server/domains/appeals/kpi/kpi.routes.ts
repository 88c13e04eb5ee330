// HTTP routes for appeal KPIs (API.md) by department, district, channel and month, the department ranking (部门比服务), and the KPI table as xlsx.
import type { FastifyInstance } from 'fastify';
import { kpiQuery } from '../../../../shared/schemas/appeals.ts';
import { kpiRanking, kpiRankingQuery, kpiResponse } from '../../../../shared/schemas/ledger.ts';
import { authorize } from '../../abilities.ts';
import { appealScopeFor } from '../appeal.access.ts';
import { sendAsXlsx } from '../ledger/xlsx.ts';
import { computeAppealKpis, kpiPeriod, summarizeKpis } from './appeal-kpis.ts';
import { rankDepartments } from './department-ranking.ts';
import { groupNames, kpiWorkbook } from './kpi-workbook.ts';

const shanghaiStamp = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function kpiRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;

  app.defineRoute({
    method: 'GET', url: '/api/v1/kpis/appeals', summary: '诉求指标 / appeal KPIs by department, district, channel or month, with a totals row', tags: ['kpis'], auth: true,
    query: kpiQuery, response: kpiResponse,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'appeal.kpi');
      const now = clock.now();
      const period = kpiPeriod(query, now);
      const items = await computeAppealKpis(db, await appealScopeFor(db, actor), { ...period, groupBy: query.groupBy }, now);
      return { ...period, groupBy: query.groupBy, items, summary: summarizeKpis(items) };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/kpis/appeals/ranking', summary: '部门比服务 / departments ranked within their tier by a weighted score (weights versioned)', tags: ['kpis'], auth: true,
    query: kpiRankingQuery, response: kpiRanking,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'appeal.kpi');
      return rankDepartments(db, await appealScopeFor(db, actor), query, clock.now());
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/kpis/appeals.xlsx', summary: '导出诉求指标 / the KPI table as an xlsx workbook', tags: ['kpis'], auth: true,
    query: kpiQuery,
    handler: async ({ actor, db, query, reply }) => {
      authorize(actor, 'appeal.kpi');
      const now = clock.now();
      const period = kpiPeriod(query, now);
      const items = await computeAppealKpis(db, await appealScopeFor(db, actor), { ...period, groupBy: query.groupBy }, now);
      const file = await kpiWorkbook(items, summarizeKpis(items), query.groupBy, period, shanghaiStamp(now));
      sendAsXlsx(reply, `诉求指标${groupNames[query.groupBy]}_${period.from}_${period.to}.xlsx`, `appeal-kpis-${query.groupBy}-${period.from}-${period.to}.xlsx`);
      return file;
    },
  });
}
