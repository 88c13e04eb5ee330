// The registry list's filters and page in the URL (so a search can be bookmarked and shared), read back with unknown values dropped.
import { enterpriseTags, sizeClasses, type EnterpriseTag, type SizeClassName } from '../../../shared/schemas/enterprises.ts';
import type { EnterpriseFilters } from './api.ts';

const isTag = (value: string | null): value is EnterpriseTag => !!value && (enterpriseTags as readonly string[]).includes(value);
const isSize = (value: string | null): value is SizeClassName => !!value && (sizeClasses as readonly string[]).includes(value);

export function filtersFromSearch(search: URLSearchParams): { filters: EnterpriseFilters; page: number } {
  const filters: EnterpriseFilters = {};
  const q = search.get('q')?.trim();
  if (q) filters.q = q.slice(0, 64);
  const division = search.get('division');
  if (division && /^\d{2,12}$/.test(division)) filters.divisionCode = division;
  const industry = search.get('industry');
  if (industry && /^[A-Ta-t]?\d{0,4}$/.test(industry)) filters.industryCode = industry.toUpperCase();
  const tag = search.get('tag');
  if (isTag(tag)) filters.tag = tag;
  const size = search.get('size');
  if (isSize(size)) filters.size = size;
  const page = Number(search.get('page'));
  return { filters, page: Number.isInteger(page) && page > 0 ? page : 1 };
}

export function searchFromFilters(filters: EnterpriseFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q?.trim()) search.set('q', filters.q.trim());
  if (filters.divisionCode) search.set('division', filters.divisionCode);
  if (filters.industryCode) search.set('industry', filters.industryCode);
  if (filters.tag) search.set('tag', filters.tag);
  if (filters.size) search.set('size', filters.size);
  if (page > 1) search.set('page', String(page));
  return search;
}

/** The division code's prefixes that a cascader shows as its path: 330502001 → 33, 3305, 330502, 330502001. */
export function divisionPath(code: string | undefined): string[] {
  if (!code) return [];
  return [2, 4, 6, 9, 12].filter((length) => length <= code.length).map((length) => code.slice(0, length));
}
