// The words an appeal is about, by jieba segmentation: stored in appeals.terms (GIN) at intake, matched for duplicates and the list's q search.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { domainWords } from './domain-words.ts';
import { stopWords } from './stop-words.ts';

export const MAX_TERMS = 64;
const MAX_QUERY_TERMS = 16;
/** Well above the general dictionary's frequencies for the words these must beat (电报 764). */
const DOMAIN_WORD_FREQUENCY = 50_000;

let jieba: Jieba | null = null;

/** Loading the dictionary takes a few hundred milliseconds: once per process, on first use. */
function segmenter(): Jieba {
  if (!jieba) {
    const instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(domainWords.map((w) => `${w} ${DOMAIN_WORD_FREQUENCY} n`).join('\n')));
    jieba = instance;
  }
  return jieba;
}

/** Counted words like 三次, 两周, 一个月, 50万元 say nothing about the subject. */
const countedWord = /^[0-9一二三四五六七八九十百千万亿两几半多每数第]+[个次周天日月年号家名项元份层栋台条位人件套户间期批轮]{0,2}$/u;
const wordShape = /^[\p{Script=Han}a-z0-9]+$/u;
const digitsOnly = /^[0-9]+$/;

/** A word worth matching on: two or more characters, letters or Han only, not a bare number, not a stop word. */
export function isTerm(word: string): boolean {
  return word.length >= 2 && wordShape.test(word) && !digitsOnly.test(word) && !countedWord.test(word) && !stopWords.has(word);
}

/** Full-width letters and digits become ASCII (ＡＢＣ１２ → abc12), Latin is lower-cased. */
const normalise = (text: string): string => text.normalize('NFKC').toLowerCase();

function searchWords(text: string): string[] {
  return text ? segmenter().cutForSearch(normalise(text), true).filter(isTerm) : [];
}

/**
 * The terms of an appeal, most telling first: every title term, then content terms by how often they occur
 * (longer words first among equals, then by position). Search-mode segmentation also yields the words inside
 * compounds (知识产权 → 知识, 产权), so a shorter query word still finds the appeal.
 */
export function appealTerms(title: string, content: string): string[] {
  const terms = new Set(searchWords(title));
  const counts = new Map<string, { count: number; first: number }>();
  searchWords(content).forEach((word, position) => {
    const seen = counts.get(word);
    if (seen) seen.count += 1;
    else counts.set(word, { count: 1, first: position });
  });
  const ranked = [...counts].sort(([a, x], [b, y]) => y.count - x.count || b.length - a.length || x.first - y.first);
  for (const [word] of ranked) {
    if (terms.size >= MAX_TERMS) break;
    terms.add(word);
  }
  return [...terms].slice(0, MAX_TERMS);
}

/** The terms of a title alone (the part of an appeal that weighs double when comparing). */
export const titleTerms = (title: string): string[] => [...new Set(searchWords(title))];

/**
 * The terms a list search must find, all of them (`terms @> queryTerms(q)`). Precise mode here against search mode
 * at intake: the query 用电报装 asks for the compound, 报装 for every appeal that mentions it alone or inside one.
 */
export function queryTerms(q: string): string[] {
  const words = q ? segmenter().cut(normalise(q), true).filter(isTerm) : [];
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS);
}
