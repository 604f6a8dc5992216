// One table cell: what was written and what it means.
import type { Cell, NumberFormatIssue } from '../model/model';
import { parseDecimal } from '../base/decimal';
import { isBlankCode, normalizeWidth } from '../base/text';
import { isChineseNumeralChar } from '../base/numerals';

const PLACEHOLDERS = new Set(['-', '--', '—', '——', '–', '/', '无', '空', 'N/A', 'n/a', '-/-']);
const UNITS = ['万元', '元', '件', '条', '个', '项', '次', '人'];

/**
 * Builds a cell from the line text between two separators.
 * `line` is the raw line, `lineStart` its offset in the document, [from, to) the cell interior within the line.
 */
/** Cells that are not numbers have no format issues: one shared, frozen empty list (no array per cell). */
const NO_ISSUES = Object.freeze([]) as unknown as NumberFormatIssue[];

export function makeCell(line: string, lineStart: number, from: number, to: number): Cell {
  let a = from;
  let b = to;
  // Spaces and invisible characters (a BOM, a zero-width space) around the content are no content:
  // a cell holding only them is blank, in its place.
  while (a < b && isBlankCode(line.charCodeAt(a))) a++;
  while (b > a && isBlankCode(line.charCodeAt(b - 1))) b--;
  const raw = line.slice(a, b);
  const cell: Cell = {
    span: { start: lineStart + from, end: lineStart + to },
    contentSpan: { start: lineStart + a, end: lineStart + b },
    raw,
    kind: 'text',
    formatIssues: NO_ISSUES,
  };
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
    cell.formatIssues = number.issues;
    if (text !== raw) cell.formatIssues.push('full-width');
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
  const issues: NumberFormatIssue[] = [];
  if (body.startsWith('-')) issues.push('negative');
  if (body.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) return undefined;
    issues.push('thousands-separator');
    body = body.split(',').join('');
  }
  const value = parseDecimal(body);
  if (!value) return undefined;
  const digits = body.startsWith('-') ? body.slice(1) : body;
  if (digits.length > 1 && digits[0] === '0' && digits[1] !== '.') issues.push('leading-zero');
  return { value, unit, issues };
}
