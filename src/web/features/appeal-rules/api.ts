// Calls of the appeal rules: categories, stage durations per category and urgency, the dispatch catalogue (派单目录).
import { z } from 'zod';
import { categoryView, clockRuleView, listOf, putClockRuleBody, putRoutingRuleBody, routingRuleView } from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export type PutClockRuleInput = z.input<typeof putClockRuleBody>;
export type PutRoutingRuleInput = z.input<typeof putRoutingRuleBody>;

/** The same keys as the appeals feature uses, so that saving a rule refreshes its cached copies too. */
export const ruleKeys = {
  categories: ['appeal-categories'] as const,
  rules: ['appeal-rules'] as const,
  clocks: ['appeal-rules', 'clocks'] as const,
  routing: ['appeal-rules', 'routing'] as const,
};

export const fetchCategories = () => api.get('/appeal-categories', listOf(categoryView));
export const fetchClockRules = () => api.get('/appeal-rules/clocks', listOf(clockRuleView));
export const fetchRoutingRules = () => api.get('/appeal-rules/routing', listOf(routingRuleView));

export const putClockRule = (body: PutClockRuleInput) => api.put('/appeal-rules/clocks', body, clockRuleView);
export const putRoutingRule = (body: PutRoutingRuleInput) => api.put('/appeal-rules/routing', body, routingRuleView);
