// Compiles a rule, as of a date, to a PostgreSQL boolean expression over the registry tables (alias e = enterprises): SQL's own three-valued logic gives true / false / null, the cross-check of the in-memory evaluators.
import { GBT4754_SECTIONS } from '../../../../shared/enterprise-size-table.ts';
import { yearOf } from '../../../../shared/rules/dates.ts';
import { fenToNumericLiteral, wanToFen } from '../../../../shared/rules/money.ts';
import type { Comparison, ConditionTest, Rule, RuleNode } from '../../../../shared/rules/rule-language.ts';
import { conditionsOf } from '../../../../shared/rules/rule-language.ts';

/** Every value reaches SQL as a literal; validated rules only hold digits, enum words and dates, and quoting is still applied. */
const text = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const date = (iso: string): string => `DATE ${text(iso)}`;
const list = (values: readonly string[]): string => values.map(text).join(', ');
const numeric = (value: string | number): string => `${fenToNumericLiteral(wanToFen(value)!)}::numeric`;
const integer = (value: string | number): string => String(wanToFen(value)! / 1_000_000);

function compare(expression: string, c: Comparison, literal: (v: string | number) => string): string {
  switch (c.op) {
    case 'between':
      return `(${expression} BETWEEN ${literal(c.min)} AND ${literal(c.max)})`;
    case 'gte':
      return `(${expression} >= ${literal(c.value)})`;
    case 'gt':
      return `(${expression} > ${literal(c.value)})`;
    case 'lte':
      return `(${expression} <= ${literal(c.value)})`;
    case 'lt':
      return `(${expression} < ${literal(c.value)})`;
    case 'eq':
      return `(${expression} = ${literal(c.value)})`;
    case 'ne':
      return `(${expression} <> ${literal(c.value)})`;
  }
}

const FIGURE_COLUMNS = { headcount: 'headcount', revenue: 'revenue_wan', assets: 'assets_wan', tax: 'tax_wan' } as const;

/** One condition: null when the enterprise lacks the data (a missing figures row is a null scalar subquery). */
export function conditionToSql(test: ConditionTest, asOf: string): string {
  switch (test.attribute) {
    case 'division':
      return `(${test.within.map((p) => `e.division_code LIKE ${text(`${p}%`)}`).join(' OR ')})`;
    case 'industry': {
      const parts: string[] = [];
      if (test.in?.length) parts.push(`e.industry_code IN (${list(test.in)})`);
      for (const p of test.under ?? []) {
        const section = GBT4754_SECTIONS.find((s) => s.section === p);
        parts.push(section ? `(left(e.industry_code, 2) BETWEEN ${text(String(section.from).padStart(2, '0'))} AND ${text(String(section.to).padStart(2, '0'))})` : `e.industry_code LIKE ${text(`${p}%`)}`);
      }
      return `(${parts.join(' OR ')})`;
    }
    case 'size':
      return `(e.size_class IN (${list(test.in)}))`;
    case 'credit':
      return `(e.credit_rating IN (${list(test.in)}))`;
    case 'taxpayer':
      return `(e.taxpayer_type IN (${list(test.in)}))`;
    case 'tag':
      return `EXISTS (SELECT 1 FROM enterprise_tags t WHERE t.enterprise_id = e.id AND t.tag = ${text(test.held)} AND t.revoked_at IS NULL AND t.valid_from <= ${date(asOf)} AND (t.valid_until IS NULL OR t.valid_until >= ${date(asOf)}))`;
    case 'figure': {
      const year = 'relative' in test.year ? yearOf(asOf) + test.year.relative : test.year.absolute;
      const column = FIGURE_COLUMNS[test.figure];
      const value = `(SELECT f.${column} FROM enterprise_figures f WHERE f.enterprise_id = e.id AND f.year = ${year})`;
      return compare(value, test.compare, test.figure === 'headcount' ? integer : numeric);
    }
    case 'capital':
      return compare('e.registered_capital_wan', test.compare, numeric);
    case 'founded':
      switch (test.op) {
        case 'before':
          return `(e.founded_on < ${date(test.date)})`;
        case 'onOrAfter':
          return `(e.founded_on >= ${date(test.date)})`;
        // PostgreSQL's own calendar arithmetic (29 Feb − 1 year = 28 Feb), independent of the JS evaluators'.
        case 'ageAtLeast':
          return `(e.founded_on <= (${date(asOf)} - INTERVAL '${test.years} years')::date)`;
        case 'ageBelow':
          return `(e.founded_on > (${date(asOf)} - INTERVAL '${test.years} years')::date)`;
      }
  }
}

/** The rule as one boolean expression: AND / OR / NOT of SQL are Kleene's, so null (unknown) propagates as in the evaluators. */
export function ruleToSql(node: RuleNode, asOf: string): string {
  switch (node.type) {
    case 'condition':
      return conditionToSql(node.test, asOf);
    case 'all':
      return `(${node.items.map((item) => ruleToSql(item, asOf)).join(' AND ')})`;
    case 'any':
      return `(${node.items.map((item) => ruleToSql(item, asOf)).join(' OR ')})`;
    case 'not':
      return `(NOT ${ruleToSql(node.item, asOf)})`;
    case 'unless':
      return `(${ruleToSql(node.rule, asOf)} AND NOT ${ruleToSql(node.exception, asOf)})`;
  }
}

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** SELECT id, verdict and one column per condition (named by its id) for every enterprise. */
export function eligibilityQuery(rule: Rule, asOf: string): string {
  const columns = conditionsOf(rule).map((c) => `${conditionToSql(c.test, asOf)} AS ${quoteIdentifier(`c:${c.id}`)}`);
  return `SELECT e.id, ${ruleToSql(rule, asOf)} AS verdict${columns.length ? `, ${columns.join(', ')}` : ''} FROM enterprises e`;
}
