// Whether a plain text or Markdown file is a disclosure report at all, so unrelated notes are left alone.

const HEAD = 4000;

/** A report names 政府信息公开 near its start (title, preamble or first part). */
export function looksLikeReport(text: string): boolean {
  return text.slice(0, HEAD).includes('政府信息公开');
}
