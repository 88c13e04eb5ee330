// Read-only reference data for pickers: the children of a statistical division (统计用区划, level by level) and the GB/T 4754-2017 industry tree.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../http/errors.ts';
import { divisionChildren, findDivision } from './divisions.ts';
import { industryOptions, type IndustryOption } from './industries.ts';

const divisionLevels = ['province', 'city', 'county', 'township', 'village'] as const;
const levelByLength: Record<number, (typeof divisionLevels)[number]> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

export const divisionChildrenQuery = z.object({
  /** A division code (2, 4, 6 or 9 digits); empty or absent for the provinces. */
  parent: z
    .string()
    .trim()
    .regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?$/, { error: '上级区划须为 2、4、6 或 9 位数字 / parent is a 2-, 4-, 6- or 9-digit division code' })
    .optional(),
});

export const divisionChildrenView = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(divisionLevels), hasChildren: z.boolean() })),
});

export interface IndustryNodeView {
  code: string;
  name: string;
  children?: IndustryNodeView[];
}
const industryNodeView: z.ZodType<IndustryNodeView> = z.lazy(() => z.object({ code: z.string(), name: z.string(), children: z.array(industryNodeView).optional() }));
export const industryTreeView = z.object({ items: z.array(industryNodeView) });

const toNode = (option: IndustryOption): IndustryNodeView =>
  option.children ? { code: option.code, name: option.name, children: option.children.map(toNode) } : { code: option.code, name: option.name };

let industryTree: IndustryNodeView[] | null = null;

export function referenceRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'GET', url: '/api/v1/reference/divisions', summary: '区划下级 / the divisions directly under a division (provinces without parent)', tags: ['reference'], auth: true,
    query: divisionChildrenQuery, response: divisionChildrenView,
    handler: async ({ query }) => {
      const parent = query.parent ?? '';
      if (parent && !findDivision(parent)) throw notFound('区划 / division');
      return {
        items: divisionChildren(parent).map((d) => {
          const level = levelByLength[d.code.length]!;
          return { code: d.code, name: d.name, level, hasChildren: level !== 'village' };
        }),
      };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/reference/industries', summary: '国民经济行业分类 / GB/T 4754-2017 as a tree (sections → divisions → groups → classes)', tags: ['reference'], auth: true,
    response: industryTreeView,
    handler: async () => {
      industryTree ??= industryOptions().map(toNode);
      return { items: industryTree };
    },
  });
}
