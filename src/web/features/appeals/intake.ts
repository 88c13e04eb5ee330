// Small rules of intake: the title made from the text when the short (care-mode) form does not ask for one.
const MAX_TITLE = 30;

/** The first sentence of the content, at most 30 characters (with an ellipsis when cut). */
export function titleFromContent(content: string): string {
  const text = content.trim();
  const sentence = (text.split(/[。！？!?；;\n]/)[0]?.trim() || text).replace(/\s+/g, ' ');
  return sentence.length > MAX_TITLE ? `${sentence.slice(0, MAX_TITLE - 1)}…` : sentence;
}
