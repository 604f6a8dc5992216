// The report's prose as paragraphs, sentences and clauses, with every character mapped back to
// its offset in the document. PDF text wraps sentences across lines, so lines are joined first.
import type { ReportModel } from '../../model/model';
import { normalizeWidth } from '../../base/text';
import type { Span } from '../../base/types';

export interface Clause {
  /** Width-normalised text (full-width digits, commas and brackets made ASCII). */
  text: string;
  /** Document offset of each character of `text` (a view on the report's one array of prose offsets: no copies). */
  offsets: Int32Array;
}

export interface Sentence extends Clause {
  clauses: Clause[];
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

/**
 * 1 for each of the characters, by char code: one load per character of the prose (no one-character
 * strings: reading `text[i]` of Chinese text allocates a string each time; no hashing, as a Set would).
 */
function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
const SENTENCE_END = codeTable('。!?');
const CLAUSE_END = codeTable(',:;()，');
/** A line that starts a numbered heading: `四、`, `（二）`, `3.`. */
const HEADING_START = /^\s*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、])/;
/** Punctuation that tables do not use. */
const PROSE_MARK = /[。，；,;]/;
/** A page number line of PDF text (`-1-`, `— 3 —`, `12`). */
const PAGE_NUMBER = /^[\s\-—–]*\d{1,3}[\s\-—–]*$/;

/**
 * Lines that belong to a table: its rows, and within its line range anything without prose
 * punctuation (headers, broken labels). A table's range may swallow prose the parser misread.
 */
function tableLines(model: ReportModel): Set<number> {
  const out = new Set<number>();
  for (const t of model.tables) {
    for (const r of [...t.rows, ...t.unplaced]) out.add(r.line);
    for (let i = t.lines.first; i <= t.lines.last; i++) if (!PROSE_MARK.test(model.lines[i].text)) out.add(i);
  }
  return out;
}

const HASH = 0x23;
/** What `/\s/` and `trim()` treat as blank, by character code (no one-character strings). */
function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** Paragraphs of prose: runs of non-table lines, leading and trailing blanks of each line dropped. */
function paragraphs(model: ReportModel): Clause[] {
  const inTable = tableLines(model);
  const headingLines = new Set(model.headings.map((h) => h.line));
  const out: Clause[] = [];
  // The offsets of every prose character, in one array the size of the text (prose is part of it):
  // each paragraph's offsets are a view on it, not an array of its own.
  const offsets = new Int32Array(model.text.length);
  let pieces: string[] = [];
  let from = 0;
  let length = 0;
  const flush = () => {
    // Width normalisation is one-to-one per character: once per paragraph, not per line.
    if (length > from) out.push({ text: normalizeWidth(pieces.join('')), offsets: offsets.subarray(from, length) });
    pieces = [];
    from = length;
  };
  model.lines.forEach((line, index) => {
    const raw = line.text;
    if (inTable.has(index) || raw.includes('|')) return flush();
    let start = 0;
    let end = raw.length;
    while (start < end && isBlank(raw.charCodeAt(start))) start++;
    if (start === end) return flush();
    while (isBlank(raw.charCodeAt(end - 1))) end--;
    if (PAGE_NUMBER.test(raw)) return;
    const heading = headingLines.has(index) || raw.charCodeAt(start) === HASH || HEADING_START.test(raw);
    if (heading) flush();
    pieces.push(raw.slice(start, end));
    for (let i = start; i < end; i++) offsets[length++] = line.start + i;
    // A heading without a sentence of its own does not run into the next line.
    if (heading && !raw.includes('。')) flush();
  });
  flush();
  return out;
}

function slice(source: Clause, from: number, to: number): Clause {
  // A piece that is the whole source (a heading line, a one-sentence paragraph) needs no new view.
  if (from === 0 && to === source.text.length) return source;
  return { text: source.text.slice(from, to), offsets: source.offsets.subarray(from, to) };
}

function split(source: Clause, ends: Uint8Array, keepEnd: boolean): Clause[] {
  const out: Clause[] = [];
  const text = source.text;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && ends[text.charCodeAt(i)] !== 1) continue;
    const to = keepEnd && i < text.length ? i + 1 : i;
    if (to > from) out.push(slice(source, from, to));
    from = i + 1;
  }
  return out;
}

/** A sentence whose clauses are split only when a rule reads them (most sentences never are). */
class ProseSentence implements Sentence {
  #clauses: Clause[] | undefined;
  constructor(
    readonly text: string,
    readonly offsets: Int32Array,
    readonly paragraph: number,
  ) {}
  get clauses(): Clause[] {
    return (this.#clauses ??= split(this, CLAUSE_END, false));
  }
}

const cache = new WeakMap<ReportModel, Sentence[]>();

export function forgetSentences(model: ReportModel): void {
  cache.delete(model);
}

/** The prose sentences of a report, each split into clauses at commas, colons and brackets. */
export function sentencesOf(model: ReportModel): Sentence[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: Sentence[] = [];
  paragraphs(model).forEach((p, paragraph) => {
    for (const s of split(p, SENTENCE_END, true)) {
      if (s.text.trim() === '') continue;
      out.push(new ProseSentence(s.text, s.offsets, paragraph));
    }
  });
  cache.set(model, out);
  return out;
}

/** Document span of characters [from, to) of a clause or sentence. */
export function spanOf(c: Clause, from = 0, to = c.text.length): Span {
  return { start: c.offsets[from], end: c.offsets[to - 1] + 1 };
}

/** The sentence's span without its final punctuation and blanks. */
export function sentenceSpan(s: Sentence): Span {
  let end = s.text.length;
  while (end > 1 && (SENTENCE_END[s.text.charCodeAt(end - 1)] === 1 || /\s/.test(s.text[end - 1]))) end--;
  return spanOf(s, 0, end);
}
