// Suppression comments: a line that holds nothing but `<!-- gkreport-… -->`. The same form in .md
// (where it is an HTML comment and does not show), .txt and .gkreport files:
//   <!-- gkreport-disable-next-line GK209 -->       the next line that is not a directive
//   <!-- gkreport-disable GK209 header-label -->    from here …
//   <!-- gkreport-enable GK209 -->                  … to here (no ids: every rule)
// Such a line is no part of the report: the parser reads it as blank, and exporters leave it out.
// Which rules the written ids name is the rules layer's business (rules/directives.ts).
import { isSpace, type Line } from '../base/text';
import type { Directive, DirectiveKind, DirectiveToken } from '../model/model';

export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable', 'enable'];

/** The word every directive starts with, after `<!--`. */
export const DIRECTIVE_PREFIX = 'gkreport-';

const OPEN = '<!--';
const CLOSE = '-->';

/** First and one-past-last index of a line's text without surrounding whitespace. */
function trimmed(text: string): [number, number] {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text[a])) a++;
  while (b > a && isSpace(text[b - 1])) b--;
  return [a, b];
}

/** Where the body of a directive comment is in a line (between `<!--` and `-->`), or undefined. Linear. */
function body(text: string): [number, number] | undefined {
  const [a, b] = trimmed(text);
  if (b - a < OPEN.length + CLOSE.length || !text.startsWith(OPEN, a) || !text.endsWith(CLOSE, b)) return undefined;
  let from = a + OPEN.length;
  const to = b - CLOSE.length;
  while (from < to && isSpace(text[from])) from++;
  if (!text.startsWith(DIRECTIVE_PREFIX, from) || from + DIRECTIVE_PREFIX.length > to) return undefined;
  return [from, to];
}

/**
 * Whether a line is a suppression comment (`<!-- gkreport-… -->` and nothing else), a known directive
 * or a misspelt one. Exporters leave such lines out of the documents they write.
 */
export function isDirectiveLine(text: string): boolean {
  return body(text) !== undefined;
}

const isSeparator = (c: string) => isSpace(c) || c === ',' || c === '，' || c === '、';

/** The directive a line holds, with its words' spans (`lineStart` is the line's offset in the text). */
export function parseDirective(text: string, lineStart: number, line: number): Directive | undefined {
  const range = body(text);
  if (!range) return undefined;
  const [from, to] = range;
  const words: DirectiveToken[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSeparator(text[i])) i++;
    const start = i;
    while (i < to && !isSeparator(text[i])) i++;
    if (i > start) words.push({ text: text.slice(start, i), span: { start: lineStart + start, end: lineStart + i } });
  }
  const [keyword, ...rules] = words;
  const name = keyword.text.slice(DIRECTIVE_PREFIX.length);
  const kind = (DIRECTIVE_KINDS as readonly string[]).includes(name) ? (name as DirectiveKind) : undefined;
  const [a, b] = trimmed(text);
  return { line, span: { start: lineStart + a, end: lineStart + b }, keyword, kind, rules };
}

/**
 * The directives among a text's lines, and the text with each directive line blanked (spaces of the
 * same length, so every offset stays where it was). Text without `<!--` is returned as it is.
 */
export function extractDirectives(text: string, lines: readonly Line[]): { directives: Directive[]; text: string; lines: Line[] } {
  const directives: Directive[] = [];
  if (text.indexOf(OPEN) < 0) return { directives, text, lines: lines as Line[] };
  const out: Line[] = [];
  const pieces: string[] = [];
  let cursor = 0;
  lines.forEach((line, index) => {
    const directive = line.text.indexOf(OPEN) < 0 ? undefined : parseDirective(line.text, line.start, index);
    if (!directive) {
      out.push(line);
      return;
    }
    directives.push(directive);
    const blank = ' '.repeat(line.end - line.start);
    pieces.push(text.slice(cursor, line.start), blank);
    cursor = line.end;
    out.push({ start: line.start, end: line.end, text: blank });
  });
  if (directives.length === 0) return { directives, text, lines: lines as Line[] };
  pieces.push(text.slice(cursor));
  return { directives, text: pieces.join(''), lines: out };
}
