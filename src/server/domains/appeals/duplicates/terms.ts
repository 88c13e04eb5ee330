// Search terms of an appeal (interim: split on punctuation; the jieba segmentation replaces this).
export function appealTerms(title: string, content: string): string[] {
  return [...new Set(`${title} ${content}`.split(/[\s，。、；：！？,.;:!?()（）]+/).filter((w) => w.length >= 2))].slice(0, 64);
}
export const queryTerms = (q: string): string[] => appealTerms(q, '');
