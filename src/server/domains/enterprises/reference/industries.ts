// GB/T 4754-2017 国民经济行业分类 (20 sections, 97 divisions, 473 groups, 1,381 classes): code normalisation, lookup with the path from the section, and the tree for pickers.
import classification from './industries-gbt4754-2017.json' with { type: 'json' };

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface Industry {
  code: string;
  name: string;
  level: IndustryLevel;
  section: string;
  sectionName: string;
  /** The 2-digit division (大类); null for a section. */
  division: string | null;
  /** The 3-digit group (中类); null above the group level. */
  group: string | null;
  /** From the section down to this code. */
  path: { code: string; name: string }[];
}

export interface IndustryOption {
  value: string;
  label: string;
  code: string;
  name: string;
  children?: IndustryOption[];
}

type ClassNode = [string, string];
type GroupNode = [string, string, ClassNode[]];
type DivisionNode = [string, string, GroupNode[]];
type SectionNode = [string, string, DivisionNode[]];

const LEVELS: IndustryLevel[] = ['section', 'division', 'group', 'class'];
const byCode = new Map<string, Industry>();

function index(node: [string, string, unknown[]?], depth: number, parents: { code: string; name: string }[]): void {
  const [code, name, children] = node;
  const path = [...parents, { code, name }];
  byCode.set(code, {
    code,
    name,
    level: LEVELS[depth],
    section: path[0].code,
    sectionName: path[0].name,
    division: path[1]?.code ?? null,
    group: path[2]?.code ?? null,
    path,
  });
  for (const child of (children ?? []) as [string, string, unknown[]?][]) index(child, depth + 1, path);
}
for (const section of classification.sections as unknown as SectionNode[]) index(section, 0, []);

const canonical = (input: string): string => input.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');

/**
 * A known 4-digit class from '3011', 'C3011' or ' c3011 ' (the section letter, when given, must be the class's own);
 * null for anything else, including codes of higher levels.
 */
export function normaliseIndustryCode(input: string): string | null {
  const match = /^([A-T])?(\d{4})$/.exec(canonical(input));
  if (!match) return null;
  const found = byCode.get(match[2]);
  if (!found || (match[1] && match[1] !== found.section)) return null;
  return found.code;
}

/** Any level: 'C', '30', '301', '3011', or a digit code behind its section letter ('C30', 'C3011'). */
export function findIndustry(code: string): Industry | null {
  const text = canonical(code);
  const direct = byCode.get(text);
  if (direct) return direct;
  const match = /^([A-T])(\d{2,4})$/.exec(text);
  const found = match ? byCode.get(match[2]) : undefined;
  return found && found.section === match![1] ? found : null;
}

/** Counts per level, for checks and the docs. */
export function industryCounts(): Record<IndustryLevel, number> {
  const counts = { section: 0, division: 0, group: 0, class: 0 };
  for (const industry of byCode.values()) counts[industry.level]++;
  return counts;
}

let options: IndustryOption[] | null = null;

/** The whole tree (sections → divisions → groups → classes) as picker options, labelled "code name"; built once. */
export function industryOptions(): IndustryOption[] {
  const build = (node: [string, string, unknown[]?]): IndustryOption => {
    const [code, name, children] = node;
    const option: IndustryOption = { value: code, label: `${code} ${name}`, code, name };
    if (children) option.children = (children as [string, string, unknown[]?][]).map(build);
    return option;
  };
  options ??= (classification.sections as unknown as SectionNode[]).map(build);
  return options;
}

export const INDUSTRY_SOURCE = classification.source;
