// Whether a plain text or Markdown file is a disclosure report at all, so unrelated notes are left alone.

const HEAD = 4000;

/** A report names 政府信息公开 near its start (title, preamble or first part). */
export function looksLikeReport(text: string): boolean {
  return text.slice(0, HEAD).includes('政府信息公开');
}

const REPLACEMENT = 0xfffd;

/**
 * Text decoded with the wrong encoding (a GB18030/GBK file opened as UTF-8): many U+FFFD replacement
 * characters near the start. Checking it would report nonsense (every part "missing").
 */
export function looksMisdecoded(text: string): boolean {
  const head = Math.min(text.length, HEAD);
  let replaced = 0;
  for (let i = 0; i < head; i++) if (text.charCodeAt(i) === REPLACEMENT) replaced++;
  return replaced >= 8 && replaced * 20 >= head;
}

