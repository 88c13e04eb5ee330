// Feature-owned UI texts: registering a feature's zh-CN/zh-TW/en trees with i18next, and the parity check their tests run.
import i18next from 'i18next';
import type { Locale } from '../../../shared/roles.ts';

export type MessageTree = { [key: string]: string | MessageTree };
export type MessageBundles = Record<Locale, MessageTree>;

/**
 * Adds the trees (deep, never overwriting the shared files' keys). A page imported before the app
 * initialises i18next (the dashboard is not code-split) registers when initialisation happens.
 */
export function registerMessages(bundles: MessageBundles): void {
  const add = () => {
    for (const [locale, tree] of Object.entries(bundles)) i18next.addResourceBundle(locale, 'translation', tree, true, false);
  };
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}

export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenMessages(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort().join(',');

/** What differs from zh-CN: missing or extra keys, empty texts, other {{placeholders}}, care variants of unknown keys. */
export function messageProblems(bundles: MessageBundles): string[] {
  const base = flattenMessages(bundles['zh-CN']);
  const problems: string[] = [];
  for (const [locale, tree] of Object.entries(bundles)) {
    const flat = flattenMessages(tree);
    for (const key of base.keys()) if (!flat.has(key)) problems.push(`${locale}: missing ${key}`);
    for (const [key, text] of flat) {
      if (!base.has(key)) problems.push(`${locale}: extra ${key}`);
      if (text.trim() === '') problems.push(`${locale}: empty ${key}`);
      else if (base.has(key) && placeholders(text) !== placeholders(base.get(key)!)) problems.push(`${locale}: placeholders of ${key}`);
    }
  }
  for (const key of base.keys()) {
    if (key.startsWith('care.') && !base.has(key.slice('care.'.length))) problems.push(`care variant without a usual text: ${key}`);
  }
  return problems;
}
