// The report's prose as paragraphs, sentences and clauses, with every character mapped back to
// its offset in the document. PDF text wraps sentences across lines, so lines are joined first.
import type { ReportModel } from '../../model/model';
import { normalizeWidth } from '../../base/text';
import type { Span } from '../../base/types';

export interface Clause {
  /** Width-normalised text (full-width digits, commas and brackets made ASCII). */
  text: string;
  /** Document offset of each character of `text` (built when first read: most sentences never need theirs). */
  readonly offsets: Int32Array;
}

export interface Sentence extends Clause {
  clauses: Clause[];
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** Document offset of the first character (without building `offsets`). */
  readonly start: number;
}

/** Sentence ends and clause ends of width-normalised text (full-width ！？，；： are ASCII by then). */
const SENTENCE_END = /[。!?]/g;
const CLAUSE_END = /[,:;()，]/g;
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
    for (const r of t.rows) out.add(r.line);
    for (const r of t.unplaced) out.add(r.line);
    // Rows are most of the range: only the other lines are searched for punctuation.
    for (let i = t.lines.first; i <= t.lines.last; i++) if (!out.has(i) && !PROSE_MARK.test(model.lines[i].text)) out.add(i);
  }
  return out;
}

const HASH = 0x23;
/** What `/\s/` and `trim()` treat as blank, by character code (no one-character strings). */
function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** A paragraph of prose: its lines joined, and where each line's piece starts in the text and in the document. */
interface Paragraph {
  text: string;
  pieceStarts: number[];
  pieceOffsets: number[];
}

/** The line piece of a paragraph holding a character, searching on from an earlier piece. */
function pieceAt(p: Paragraph, at: number, piece = 0): number {
  while (piece + 1 < p.pieceStarts.length && p.pieceStarts[piece + 1] <= at) piece++;
  return piece;
}

/** Document offsets of characters [from, to) of a paragraph: each line's piece is a run of consecutive offsets. */
function paragraphOffsets(p: Paragraph, from: number, to: number): Int32Array {
  const out = new Int32Array(to - from);
  const { pieceStarts, pieceOffsets } = p;
  let piece = pieceAt(p, from);
  for (let i = from; i < to; i++) {
    while (piece + 1 < pieceStarts.length && pieceStarts[piece + 1] <= i) piece++;
    out[i - from] = pieceOffsets[piece] + (i - pieceStarts[piece]);
  }
  return out;
}

/** Paragraphs of prose: runs of non-table lines, leading and trailing blanks of each line dropped. */
function paragraphs(model: ReportModel): Paragraph[] {
  const inTable = tableLines(model);
  const headingLines = new Set<number>();
  for (const h of model.headings) headingLines.add(h.line);
  const out: Paragraph[] = [];
  let pieces: string[] = [];
  let pieceStarts: number[] = [];
  let pieceOffsets: number[] = [];
  let length = 0;
  const flush = () => {
    // Width normalisation is one-to-one per character: once per paragraph, not per line.
    if (length > 0) out.push({ text: normalizeWidth(pieces.join('')), pieceStarts, pieceOffsets });
    pieces = [];
    pieceStarts = [];
    pieceOffsets = [];
    length = 0;
  };
  const lines = model.lines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const raw = line.text;
    if (inTable.has(index) || raw.includes('|')) {
      flush();
      continue;
    }
    let start = 0;
    let end = raw.length;
    while (start < end && isBlank(raw.charCodeAt(start))) start++;
    if (start === end) {
      flush();
      continue;
    }
    while (isBlank(raw.charCodeAt(end - 1))) end--;
    if (PAGE_NUMBER.test(raw)) continue;
    const heading = headingLines.has(index) || raw.charCodeAt(start) === HASH || HEADING_START.test(raw);
    if (heading) flush();
    pieces.push(raw.slice(start, end));
    pieceStarts.push(length);
    pieceOffsets.push(line.start + start);
    length += end - start;
    // A heading without a sentence of its own does not run into the next line.
    if (heading && !raw.includes('。')) flush();
  }
  flush();
  return out;
}

/** A clause: a piece of a sentence, its offsets a view on the sentence's when read. */
class ProseClause implements Clause {
  #offsets: Int32Array | undefined;
  constructor(
    readonly text: string,
    private readonly source: Clause,
    private readonly from: number,
  ) {}
  get offsets(): Int32Array {
    return (this.#offsets ??= this.source.offsets.subarray(this.from, this.from + this.text.length));
  }
}

/** Pieces [from, to) of the text between ends (an end kept with the piece before it, or dropped); the regex scans natively. */
function forEachPiece(text: string, ends: RegExp, keepEnd: boolean, piece: (from: number, to: number) => void): void {
  let from = 0;
  ends.lastIndex = 0;
  for (let m = ends.exec(text); m !== null; m = ends.exec(text)) {
    const to = keepEnd ? m.index + 1 : m.index;
    if (to > from) piece(from, to);
    from = m.index + 1;
  }
  if (text.length > from) piece(from, text.length);
}

/** A sentence whose clauses are split, and offsets built, only when a rule reads them (most sentences never are). */
class ProseSentence implements Sentence {
  #clauses: Clause[] | undefined;
  #offsets: Int32Array | undefined;
  constructor(
    readonly text: string,
    readonly paragraph: number,
    private readonly source: Paragraph,
    private readonly from: number,
  ) {}
  get start(): number {
    const piece = pieceAt(this.source, this.from);
    return this.source.pieceOffsets[piece] + (this.from - this.source.pieceStarts[piece]);
  }
  get offsets(): Int32Array {
    return (this.#offsets ??= paragraphOffsets(this.source, this.from, this.from + this.text.length));
  }
  get clauses(): Clause[] {
    if (this.#clauses) return this.#clauses;
    const clauses: Clause[] = [];
    const text = this.text;
    // A piece that is the whole sentence needs no object of its own.
    forEachPiece(text, CLAUSE_END, false, (from, to) => clauses.push(from === 0 && to === text.length ? this : new ProseClause(text.slice(from, to), this, from)));
    return (this.#clauses = clauses);
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
  const all = paragraphs(model);
  for (let paragraph = 0; paragraph < all.length; paragraph++) {
    const p = all[paragraph];
    forEachPiece(p.text, SENTENCE_END, true, (from, to) => {
      const text = from === 0 && to === p.text.length ? p.text : p.text.slice(from, to);
      if (text.trim() !== '') out.push(new ProseSentence(text, paragraph, p, from));
    });
  }
  cache.set(model, out);
  return out;
}

/** Document span of characters [from, to) of a clause or sentence. */
export function spanOf(c: Clause, from = 0, to = c.text.length): Span {
  return { start: c.offsets[from], end: c.offsets[to - 1] + 1 };
}

const isSentenceEnd = (c: number) => c === 0x3002 || c === 0x21 || c === 0x3f;

/** The sentence's span without its final punctuation and blanks. */
export function sentenceSpan(s: Sentence): Span {
  let end = s.text.length;
  while (end > 1 && (isSentenceEnd(s.text.charCodeAt(end - 1)) || isBlank(s.text.charCodeAt(end - 1)))) end--;
  return spanOf(s, 0, end);
}
