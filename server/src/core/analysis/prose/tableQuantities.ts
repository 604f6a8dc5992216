// The table quantity a prose category names, read from tables 三 and 四. A total is taken both as
// written and as the sum of its parts, so a blank or wrong total does not make the prose look wrong.
import type { ReportModel, Table } from '../../model/model';
import type { Localized, Span } from '../../base/types';
import { cellValue } from '../../model/fill';
import { cellName, cellOf } from '../../model/cells';
import type { Category } from './quantities';

export interface TableQuantity {
  /** Values the prose may rightly state; the first is the one to suggest. */
  candidates: bigint[];
  /** The cells it was read from, for related information. */
  cells: { span: Span; name: Localized }[];
  /** Where the table is written: `表三` or `表四`. */
  table: Localized;
}

/** A readable table of the kind, or undefined (then no prose is compared with it). */
export function readableTable(model: ReportModel, kind: Table['kind']): Table | undefined {
  const tables = model.tables.filter((t) => t.kind === kind);
  return tables.length === 1 && !tables[0].unreadable ? tables[0] : undefined;
}

function integerAt(table: Table, rowId: string, colId: string): bigint | undefined {
  const cell = cellOf(table, rowId, colId);
  const value = cell && cellValue(table, cell);
  return value && value.scale === 0 ? value.units : undefined;
}

/** The total column and its parts, as the layout's row sums declare them. */
function sumTerms(table: Table, target: string): string[] {
  const decl = table.def.sums.find((s) => s.each === 'row' && s.target === target);
  return decl ? decl.terms : [];
}

/** Sum of the integers at the rows and columns; undefined when any is missing (loops: no arrays of values). */
function total(table: Table, rows: readonly string[], columns: readonly string[]): bigint | undefined {
  let out = 0n;
  for (const r of rows) {
    for (const c of columns) {
      const v = integerAt(table, r, c);
      if (v === undefined) return undefined;
      out += v;
    }
  }
  return out;
}

/** The value of rows in columns: written totals, and the sums of the parts. */
function read(table: Table, rows: string[], target: string): { candidates: bigint[]; cells: TableQuantity['cells'] } | undefined {
  const written = total(table, rows, [target]);
  const parts = total(table, rows, sumTerms(table, target));
  if (written === undefined && parts === undefined) return undefined;
  const candidates = written === undefined ? [parts!] : parts === undefined || parts === written ? [written] : [written, parts];
  const cells: TableQuantity['cells'] = [];
  for (const r of rows) {
    const cell = cellOf(table, r, target);
    if (cell) cells.push({ span: cell.contentSpan.end > cell.contentSpan.start ? cell.contentSpan : cell.span, name: cellName(table, r, target) });
  }
  return { candidates, cells };
}

/** Rows of table 三 that make up a result category (a group, or single rows). */
function resultRows(table: Table, category: Category): string[] {
  const group = (id: string) => table.def.rows.filter((r) => r.group === id).map((r) => r.id);
  switch (category) {
    case 'granted':
      return ['granted'];
    case 'partial':
      return ['partial'];
    case 'grantedPartial':
      return ['granted', 'partial'];
    case 'withheld':
      return group('withheld');
    case 'unavailable':
      return group('unavailable');
    case 'notProcessed':
      return group('notProcessed');
    case 'repeated':
      return ['n2'];
    case 'notHeld':
      return ['u1'];
    case 'otherHandling': {
      const rows = group('otherHandling');
      return rows.length > 0 ? rows : ['otherHandling'];
    }
    default:
      return [];
  }
}

const TABLE3 = { 'zh-cn': '表三', en: 'table 3' };
const TABLE4 = { 'zh-cn': '表四', en: 'table 4' };

function merge(a: ReturnType<typeof read>, b: ReturnType<typeof read>): ReturnType<typeof read> {
  if (!a || !b) return undefined;
  const candidates = a.candidates.flatMap((x) => b.candidates.map((y) => x + y));
  return { candidates: [...new Set(candidates)], cells: [...a.cells, ...b.cells] };
}

/** Both readings: this year's only, and with last year's carried-over requests added. */
function withCarried(table: Table, row: (t: Table, r: string) => ReturnType<typeof read>, mode: 'either' | 'with'): ReturnType<typeof read> {
  const only = row(table, 'new');
  const both = merge(only, row(table, 'carried'));
  if (mode === 'with') return both;
  if (!only) return undefined;
  return { candidates: [...new Set([...only.candidates, ...(both?.candidates ?? [])])], cells: only.cells };
}

/** Quantities read so far, by model, then category and reading: the prose names the same few again and again. */
const cache = new WeakMap<ReportModel, Map<string, TableQuantity | undefined>>();

/** Drops the quantities read from the model's tables (kept with the model, they would only grow it). */
export function forgetTableQuantities(model: ReportModel): void {
  cache.delete(model);
}

/**
 * The table quantity a category names. `carried` says how to read 收到/受理: `either` this year's
 * new requests or those plus last year's (the prose did not say), `with` last year's included (`含上年结转`).
 * Shared by every caller: not to be changed.
 */
export function tableQuantity(model: ReportModel, category: Category, carried: 'either' | 'with' = 'either'): TableQuantity | undefined {
  let known = cache.get(model);
  if (!known) cache.set(model, (known = new Map()));
  const key = `${category} ${carried}`;
  if (known.has(key)) return known.get(key);
  const quantity = readQuantity(model, category, carried);
  known.set(key, quantity);
  return quantity;
}

function readQuantity(model: ReportModel, category: Category, carried: 'either' | 'with'): TableQuantity | undefined {
  const requests = readableTable(model, 'requests');
  const review = readableTable(model, 'review');
  const inRequests = (q: ReturnType<typeof read>) => (q ? { ...q, table: TABLE3 } : undefined);
  const inReview = (q: ReturnType<typeof read>) => (q ? { ...q, table: TABLE4 } : undefined);
  if (category === 'review') return review && inReview(read(review, ['cases'], 'reviewTotal'));
  if (category === 'litigation') return review && inReview(merge(read(review, ['cases'], 'directTotal'), read(review, ['cases'], 'afterReviewTotal')));
  if (!requests) return undefined;
  const organisations = sumTerms(requests, 'legalSubtotal');
  const applicantsOf = (columns: string[]) => (t: Table, r: string) => {
    const value = total(t, [r], columns);
    const cell = cellOf(t, r, columns[0]);
    if (value === undefined || !cell) return undefined;
    return { candidates: [value], cells: [{ span: cell.contentSpan, name: cellName(t, r, columns[0]) }] };
  };
  switch (category) {
    case 'received':
      return inRequests(withCarried(requests, (t, r) => read(t, [r], 'total'), carried));
    case 'natural':
      return inRequests(withCarried(requests, applicantsOf(['natural']), 'either'));
    case 'organisations':
      return inRequests(withCarried(requests, applicantsOf(organisations), 'either'));
    case 'carried':
      return inRequests(read(requests, ['carried'], 'total'));
    case 'answered':
      return inRequests(read(requests, ['resultTotal'], 'total'));
    case 'forward':
      return inRequests(read(requests, ['forward'], 'total'));
    default: {
      const rows = resultRows(requests, category);
      if (rows.length === 0 || rows.some((r) => !requests.byRow.has(r))) return undefined;
      return inRequests(read(requests, rows, 'total'));
    }
  }
}
