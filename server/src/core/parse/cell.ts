// One table cell: what was written and what it means.
import type { Cell, NumberFormatIssue } from '../model/model';
import { parseDecimal } from '../base/decimal';
import { isBlankCode, normalizeWidth } from '../base/text';
import { isChineseNumeralChar } from '../base/numerals';

const PLACEHOLDERS = new Set(['-', '--', '—', '——', '–', '/', '无', '空', 'N/A', 'n/a', '-/-']);
const UNITS = ['万元', '元', '件', '条', '个', '项', '次', '人'];

/** Cells that are not numbers, and most numbers, have no format issues: one shared, frozen empty list. */
const NO_ISSUES = Object.freeze([]) as unknown as NumberFormatIssue[];

/**
 * A cell as the parser keeps it: four offsets instead of two span objects (a report of 100,000 table
 * rows holds a million cells), the spans made when asked for.
 */
class TableCell implements Cell {
  // Declared only: the constructor sets every field, in this order, with no initialiser run per cell.
  declare private readonly from: number;
  declare private readonly to: number;
  declare private readonly contentFrom: number;
  declare private readonly contentTo: number;
  declare readonly raw: string;
  declare kind: Cell['kind'];
  declare formatIssues: NumberFormatIssue[];
  declare value?: Cell['value'];
  declare unit?: string;

  constructor(from: number, to: number, contentFrom: number, contentTo: number, reading: Reading) {
    this.from = from;
    this.to = to;
    this.contentFrom = contentFrom;
    this.contentTo = contentTo;
    this.raw = reading.raw;
    this.kind = reading.kind;
    this.formatIssues = reading.formatIssues;
    this.value = reading.value;
    this.unit = reading.unit;
  }

  get span() {
    return { start: this.from, end: this.to };
  }

  get contentSpan() {
    return { start: this.contentFrom, end: this.contentTo };
  }
}

/** What a cell's text means; cells written the same read the same (decimals and issue lists are never changed). */
interface Reading {
  raw: string;
  kind: Cell['kind'];
  value?: Cell['value'];
  unit?: string;
  formatIssues: NumberFormatIssue[];
}

/**
 * Readings are made by this constructor, not by object literals: a literal's allocation site decided
 * after a while whether its readings are born old, and that decision threw away the optimised code of
 * splitDelimitedRow and every other function read was inlined in. One map for every kind of reading.
 */
class CellReading implements Reading {
  declare raw: string;
  declare kind: Cell['kind'];
  declare value?: Cell['value'];
  declare unit?: string;
  declare formatIssues: NumberFormatIssue[];
  constructor(raw: string, kind: Cell['kind'], formatIssues: NumberFormatIssue[], value?: Cell['value'], unit?: string) {
    this.raw = raw;
    this.kind = kind;
    this.value = value;
    this.unit = unit;
    this.formatIssues = formatIssues;
  }
}

/**
 * Short cell texts (numbers, 0, —) repeat by the thousand: one string and one reading each. Once full,
 * the cache keeps what it has (the common texts come first) rather than being emptied: its memory
 * stays fixed while reports are checked one after another.
 */
const MAX_INTERNED = 8;
const MAX_READINGS = 8192;
const readings = new Map<string, Reading>();

function readingOf(raw: string): Reading {
  if (raw.length > MAX_INTERNED) return read(raw);
  const known = readings.get(raw);
  if (known !== undefined) return known;
  const reading = read(raw);
  if (readings.size < MAX_READINGS) readings.set(raw, reading);
  return reading;
}

function read(raw: string): Reading {
  if (raw === '') return new CellReading(raw, 'blank', NO_ISSUES);
  const text = normalizeWidth(raw);
  if (PLACEHOLDERS.has(text)) return new CellReading(raw, 'placeholder', NO_ISSUES);
  const number = readNumber(text);
  if (!number) return new CellReading(raw, 'text', NO_ISSUES);
  const formatIssues = text !== raw ? [...number.issues, 'full-width' as const] : number.issues;
  return new CellReading(raw, 'number', formatIssues, number.value, number.unit);
}

/**
 * Builds a cell from the line text between two separators.
 * `line` is the raw line, `lineStart` its offset in the document, [from, to) the cell interior within the line.
 */
export function makeCell(line: string, lineStart: number, from: number, to: number): Cell {
  let a = from;
  let b = to;
  // Spaces and invisible characters (a BOM, a zero-width space) around the content are no content:
  // a cell holding only them is blank, in its place.
  while (a < b && isBlankCode(line.charCodeAt(a))) a++;
  while (b > a && isBlankCode(line.charCodeAt(b - 1))) b--;
  return new TableCell(lineStart + from, lineStart + to, lineStart + a, lineStart + b, readingOf(line.slice(a, b)));
}

/** True when the text is a Chinese numeral only (十二): a count written in words. */
export function isChineseNumberText(s: string): boolean {
  if (s.length === 0 || s.length > 8) return false;
  for (const ch of s) if (!isChineseNumeralChar(ch)) return false;
  return true;
}

interface ReadNumber {
  value: NonNullable<Cell['value']>;
  unit?: string;
  issues: NumberFormatIssue[];
}

/** `-1,234.5万元` → value, unit and formatting faults; undefined when not a number. */
export function readNumber(text: string): ReadNumber | undefined {
  let body = text;
  let unit: string | undefined;
  // Every unit ends in a Chinese character: a text ending in a digit has none.
  const last = text.charCodeAt(text.length - 1);
  if (!(last >= 0x30 && last <= 0x39)) for (const u of UNITS) {
    if (body.endsWith(u) && body.length > u.length) {
      unit = u;
      body = body.slice(0, -u.length).trimEnd();
      break;
    }
  }
  let issues = NO_ISSUES;
  const note = (issue: NumberFormatIssue) => (issues = issues === NO_ISSUES ? [issue] : [...issues, issue]);
  if (body.startsWith('-')) note('negative');
  if (body.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) return undefined;
    note('thousands-separator');
    body = body.split(',').join('');
  }
  const value = parseDecimal(body);
  if (!value) return undefined;
  const digits = body.startsWith('-') ? body.slice(1) : body;
  if (digits.length > 1 && digits[0] === '0' && digits[1] !== '.') note('leading-zero');
  return { value, unit, issues };
}
