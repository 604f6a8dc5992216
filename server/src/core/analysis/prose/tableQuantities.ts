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
  let found: Table | undefined;
  for (let i = 0; i < model.tables.length; i++) {
    if (model.tables[i].kind !== kind) continue;
    if (found) return undefined;
    found = model.tables[i];
  }
  return found && !found.unreadable ? found : undefined;
}

function integerAt(table: Table, rowId: string, colId: string): bigint | undefined {
  const cell = cellOf(table, rowId, colId);
  const value = cell && cellValue(table, cell);
  return value && value.scale === 0 ? value.units : undefined;
}

/** The total column and its parts, as the layout's row sums declare them. */
function sumTerms(table: Table, target: string): string[] {
  const sums = table.def.sums;
  for (let i = 0; i < sums.length; i++) if (sums[i].each === 'row' && sums[i].target === target) return sums[i].terms;
  return [];
}

/** Sum of the integers at the rows and columns; undefined when any is missing (loops: no arrays of values). */
function total(table: Table, rows: readonly string[], columns: readonly string[]): bigint | undefined {
  let out = 0n;
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const v = integerAt(table, rows[r], columns[c]);
      if (v === undefined) return undefined;
      out += v;
    }
  }
  return out;
}

/** What some cells of a table read: the values the prose may rightly state, and those cells. */
class Reading {
  constructor(
    readonly candidates: bigint[],
    readonly cells: TableQuantity['cells'],
  ) {}
}

/** The value of rows in columns: written totals, and the sums of the parts. */
function read(table: Table, rows: string[], target: string): Reading | undefined {
  const written = total(table, rows, [target]);
  const parts = total(table, rows, sumTerms(table, target));
  if (written === undefined && parts === undefined) return undefined;
  const candidates = written === undefined ? [parts!] : parts === undefined || parts === written ? [written] : [written, parts];
  const cells: TableQuantity['cells'] = [];
  for (let i = 0; i < rows.length; i++) {
    const cell = cellOf(table, rows[i], target);
    if (cell) cells.push({ span: cell.contentSpan.end > cell.contentSpan.start ? cell.contentSpan : cell.span, name: cellName(table, rows[i], target) });
  }
  return new Reading(candidates, cells);
}

/** A row of table 三 read in some applicant columns (their sum), or in its total column when none are given. */
function readRow(table: Table, row: string, applicants: readonly string[] | undefined): Reading | undefined {
  if (applicants === undefined) return read(table, [row], 'total');
  const value = total(table, [row], applicants);
  const cell = cellOf(table, row, applicants[0]);
  if (value === undefined || !cell) return undefined;
  return new Reading([value], [{ span: cell.contentSpan, name: cellName(table, row, applicants[0]) }]);
}

/** The rows of a group of table 三's layout. */
function groupRows(table: Table, group: string): string[] {
  const out: string[] = [];
  const rows = table.def.rows;
  for (let i = 0; i < rows.length; i++) if (rows[i].group === group) out.push(rows[i].id);
  return out;
}

/** Rows of table 三 that make up a result category (a group, or single rows). */
function resultRows(table: Table, category: Category): string[] {
  switch (category) {
    case 'granted':
      return ['granted'];
    case 'partial':
      return ['partial'];
    case 'grantedPartial':
      return ['granted', 'partial'];
    case 'withheld':
    case 'unavailable':
    case 'notProcessed':
      return groupRows(table, category);
    case 'repeated':
      return ['n2'];
    case 'notHeld':
      return ['u1'];
    case 'otherHandling': {
      const rows = groupRows(table, 'otherHandling');
      return rows.length > 0 ? rows : ['otherHandling'];
    }
    default:
      return [];
  }
}

const TABLE3 = { 'zh-cn': '表三', en: 'table 3' };
const TABLE4 = { 'zh-cn': '表四', en: 'table 4' };
/** The applicant column of natural persons. */
const NATURAL = ['natural'];

/** Both readings added up, every pair of candidates (each sum once). */
function merge(a: Reading | undefined, b: Reading | undefined): Reading | undefined {
  if (!a || !b) return undefined;
  const candidates = new Set<bigint>();
  for (let i = 0; i < a.candidates.length; i++) for (let j = 0; j < b.candidates.length; j++) candidates.add(a.candidates[i] + b.candidates[j]);
  return new Reading([...candidates], [...a.cells, ...b.cells]);
}

/** Both readings of a row: this year's only, and with last year's carried-over requests added. */
function withCarried(table: Table, applicants: readonly string[] | undefined, mode: 'either' | 'with'): Reading | undefined {
  const only = readRow(table, 'new', applicants);
  const both = merge(only, readRow(table, 'carried', applicants));
  if (mode === 'with') return both;
  if (!only) return undefined;
  const candidates = new Set(only.candidates);
  if (both) for (let i = 0; i < both.candidates.length; i++) candidates.add(both.candidates[i]);
  return new Reading([...candidates], only.cells);
}

/** A reading as a quantity of the table it was read from. */
function quantityIn(reading: Reading | undefined, table: Localized): TableQuantity | undefined {
  return reading ? { candidates: reading.candidates, cells: reading.cells, table } : undefined;
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
  if (category === 'review' || category === 'litigation') {
    const review = readableTable(model, 'review');
    if (!review) return undefined;
    if (category === 'review') return quantityIn(read(review, ['cases'], 'reviewTotal'), TABLE4);
    return quantityIn(merge(read(review, ['cases'], 'directTotal'), read(review, ['cases'], 'afterReviewTotal')), TABLE4);
  }
  const requests = readableTable(model, 'requests');
  if (!requests) return undefined;
  switch (category) {
    case 'received':
      return quantityIn(withCarried(requests, undefined, carried), TABLE3);
    case 'natural':
      return quantityIn(withCarried(requests, NATURAL, 'either'), TABLE3);
    case 'organisations':
      return quantityIn(withCarried(requests, sumTerms(requests, 'legalSubtotal'), 'either'), TABLE3);
    case 'carried':
      return quantityIn(read(requests, ['carried'], 'total'), TABLE3);
    case 'answered':
      return quantityIn(read(requests, ['resultTotal'], 'total'), TABLE3);
    case 'forward':
      return quantityIn(read(requests, ['forward'], 'total'), TABLE3);
    default: {
      const rows = resultRows(requests, category);
      if (rows.length === 0) return undefined;
      for (let i = 0; i < rows.length; i++) if (!requests.byRow.has(rows[i])) return undefined;
      return quantityIn(read(requests, rows, 'total'), TABLE3);
    }
  }
}
