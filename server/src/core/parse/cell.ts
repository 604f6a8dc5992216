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
  kind: Cell['kind'] = 'text';
  formatIssues: NumberFormatIssue[] = NO_ISSUES;
  value?: Cell['value'];
  unit?: string;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly contentFrom: number,
    private readonly contentTo: number,
    readonly raw: string,
  ) {}

  get span() {
    return { start: this.from, end: this.to };
  }

  get contentSpan() {
    return { start: this.contentFrom, end: this.contentTo };
  }
}

/** Short cell texts (numbers, 0, —) repeat by the thousand: one string each. */
const MAX_INTERNED = 8;
const interned = new Map<string, string>();
function intern(raw: string): string {
  if (raw.length > MAX_INTERNED) return raw;
  const known = interned.get(raw);
  if (known !== undefined) return known;
  if (interned.size >= 8192) interned.clear();
  interned.set(raw, raw);
  return raw;
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
  const raw = intern(line.slice(a, b));
  const cell = new TableCell(lineStart + from, lineStart + to, lineStart + a, lineStart + b, raw);
  if (raw === '') {
    cell.kind = 'blank';
    return cell;
  }
  const text = normalizeWidth(raw);
  if (PLACEHOLDERS.has(text)) {
    cell.kind = 'placeholder';
    return cell;
  }
  const number = readNumber(text);
  if (number) {
    cell.kind = 'number';
    cell.value = number.value;
    cell.unit = number.unit;
    cell.formatIssues = text !== raw ? [...number.issues, 'full-width'] : number.issues;
  }
  return cell;
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
