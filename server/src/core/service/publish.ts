// The report as it will be published: the model (and the findings, when given) → a neutral document of
// paragraphs and tables in the official layout. Every paragraph and cell keeps the source span it came
// from, and the worst severity and the messages of the findings on it. The Word and web-page exporters
// and the editor's preview all render this one document.
//
// The tables' structure comes from the layout declarations only: the printed header with its merges
// (`printed.header`), how many grid columns the labels and the values take, the row groups (with their
// parents) for the tall label cells, the blocks of table 二 and their header. The text supplies what was
// written: labels, header words and values as the author wrote them, in the order written.
import type { Localized, Severity, Span } from '../base/types';
import type { Cell, Heading, Line, ReportModel, Table, TableRow } from '../model/model';
import type { ColumnDef, HeaderCellDef, RowGroupDef, TableDef, TableKind } from '../spec/layout/types';
import type { Finding } from '../rules/types';
import { labelKey, normalizeWidth } from '../base/text';
import { splitDelimitedRow, splitSpacedRow } from '../parse/rows';
import { coreKey, labelSegments } from '../parse/tables';

// ── the published document ─────────────────────────────────────────────────

/** One finding as a published element shows it. */
export interface PublishedMessage {
  /** The finding's position in the list given to publish (a summary links a cell to its finding by it). */
  index: number;
  ruleId: string;
  severity: Severity;
  message: Localized;
}

/** The findings on an element: the worst severity first, then every message. */
export interface Marks {
  severity: Severity;
  messages: PublishedMessage[];
}

/** title: the report's title line; signature: the issuer and date at the end; heading: a numbered heading. */
export type ParagraphRole = 'title' | 'heading' | 'body' | 'signature';

/** The face a run is set in: the title's, a level-1 or level-2 heading's, or the body's. */
export type RunStyle = 'title' | 'heading1' | 'heading2' | 'body';

export interface PublishedRun {
  text: string;
  style: RunStyle;
}

export interface PublishedParagraph {
  type: 'paragraph';
  role: ParagraphRole;
  /** A heading's level (role `heading`); a level-2 heading may run on into body text in the same paragraph. */
  level?: 1 | 2;
  runs: PublishedRun[];
  /** The written text, without the line's leading and trailing blanks. */
  span: Span;
  marks?: Marks;
}

/** header: the printed header; band: table 二's `第二十条第（X）项`; group: a label over several rows. */
export type CellRole = 'header' | 'band' | 'group' | 'label' | 'value';

export interface PublishedCell {
  role: CellRole;
  text: string;
  /** Grid column the cell starts at, and the rows and columns it covers. */
  col: number;
  rowSpan: number;
  colSpan: number;
  align: 'left' | 'center' | 'right';
  /** A tall group label set top to bottom (a group holding other groups: `三、本年度办理结果`). */
  vertical?: boolean;
  /** The row (label and value cells) and the column (value and header cells) by their layout ids. */
  row?: string;
  column?: string;
  /** The row group (group cells) or column group (header cells) by its layout id. */
  group?: string;
  /** Where the cell's text was written; absent for text the layout supplies. */
  span?: Span;
  marks?: Marks;
}

/** header: printed header rows; band and blockHeader: table 二's block rows; extra: a written row no standard row holds. */
export type RowRole = 'header' | 'band' | 'blockHeader' | 'data' | 'extra';

export interface PublishedRow {
  role: RowRole;
  /** The row's layout id (data rows placed in the layout). */
  row?: string;
  /** Cells left to right; a cell covered by a merge from a row above is left out (as in HTML). */
  cells: PublishedCell[];
}

/** stack: label column of vertical group cells; group: label column of group cells; label: the rows' own labels. */
export type ColumnRole = 'stack' | 'group' | 'label' | 'value';

export interface PublishedColumn {
  role: ColumnRole;
  /** Share of the table's width, in percent. */
  width: number;
}

export interface PublishedTable {
  type: 'table';
  kind: TableKind;
  layout: string;
  title: Localized;
  columns: PublishedColumn[];
  /** The first rows that are the printed header (repeated on every page the table runs over). */
  headerRows: number;
  rows: PublishedRow[];
  span: Span;
  /** Findings on the table that sit on no cell of it. */
  marks?: Marks;
}

export type PublishedBlock = PublishedParagraph | PublishedTable;

/** One part of the report, from its heading to the next part's. */
export interface PublishedSection {
  /** The required part (1–6) the heading stands for. */
  part: number;
  heading: PublishedParagraph;
  blocks: PublishedBlock[];
}

export interface PublishedDocument {
  /** The title line(s) as one string ('' when the report has none), for the page title and file properties. */
  title: string;
  /** Everything before the first part, in order: the title (role `title`), the preamble. */
  front: PublishedBlock[];
  sections: PublishedSection[];
  /** Findings that sit on nothing published (a blank line, the end of the text). */
  marks?: Marks;
}

// ── lines ──────────────────────────────────────────────────────────────────

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];
const SIGNATURE_MAX = 40;

function lineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The line's text without its leading and trailing blanks, with its span. */
function trimmed(line: Line): { text: string; span: Span } {
  const text = line.text;
  let a = 0;
  let b = text.length;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return { text: text.slice(a, b), span: { start: line.start + a, end: line.start + b } };
}

/** The cells of a line the parser reads as a table row (delimited, or space-aligned numbers), or a separator. */
function rowCells(line: Line): Cell[] | 'separator' | undefined {
  const delimited = splitDelimitedRow(line);
  if (delimited === 'separator') return 'separator';
  if (delimited) return delimited.cells;
  const spaced = splitSpacedRow(line);
  const numbers = spaced ? spaced.cells.filter((c) => c.kind === 'number').length : 0;
  return spaced && (numbers >= 2 || (numbers === 1 && spaced.cells.length === 2)) ? spaced.cells : undefined;
}

const holdsFigures = (cells: Cell[]) => cells.some((c) => c.kind === 'number' || c.kind === 'placeholder');

// ── where findings sit ─────────────────────────────────────────────────────

/** An element findings can sit on: the span they are matched against, and the element to mark. */
interface Target {
  span: Span;
  element: { marks?: Marks };
}

function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function addMark(element: { marks?: Marks }, finding: Finding, index: number): void {
  const message: PublishedMessage = { index, ruleId: finding.ruleId, severity: finding.severity, message: finding.message };
  if (!element.marks) {
    element.marks = { severity: finding.severity, messages: [message] };
    return;
  }
  element.marks.messages.push(message);
  if (SEVERITY_ORDER.indexOf(finding.severity) < SEVERITY_ORDER.indexOf(element.marks.severity)) element.marks.severity = finding.severity;
}

// ── tables ─────────────────────────────────────────────────────────────────

/** A line of a table in document order: a row read into the layout, or a written row no standard row holds. */
type Item = { type: 'row'; row: TableRow; line: number } | { type: 'extra'; cells: Cell[]; line: number };

/** A label as written, for a group or band cell. */
interface Written {
  text: string;
  span: Span;
}

interface TablePlan {
  table: Table;
  /** The line the table stands at in the flow of the text. */
  anchor: number;
  /** Lines the table takes out of the flow: its rows, header rows, separators, blank lines, label pieces. */
  taken: Set<number>;
  items: Item[];
  /** Written band rows of table 二, by block id. */
  bands: Map<string, Written>;
  /** Group labels written on lines of their own, by group id, in document order. */
  groupLines: Map<string, Written[]>;
  /** Pieces of a row's label written on lines of their own before and after it (a label wrapped in PDF text). */
  wrapped: Map<TableRow, { before: string[]; after: string[] }>;
}

/** Lines holding a row's cells. */
function rowLines(lines: readonly Line[], row: TableRow): number[] {
  const found = new Set<number>([row.line]);
  for (const cell of [...row.labelCells, ...row.values, ...row.extraCells]) found.add(lineAt(lines, cell.span.start));
  return [...found];
}

const keysOf = (texts: string[]) => texts.map(labelKey).filter((k) => k !== '');

/** Every text the table's layout prints (header words, labels, bands), as label keys. */
function tableWords(def: TableDef): string[] {
  return keysOf([
    def.title['zh-cn'],
    ...def.printed.header.flat().map((c) => c.text),
    ...(def.printed.blockHeader ? [def.printed.blockHeader.text] : []),
    ...def.columns.map((c) => c.label),
    ...def.columnGroups.map((g) => g.label),
    ...def.groups.map((g) => g.label),
    ...(def.blocks ?? []).map((b) => b.heading),
    ...def.knownHeaders,
    ...def.rows.flatMap((r) => [r.label, ...(r.accepted ?? []), ...(r.variants ?? []), ...(r.columns ?? []).map((c) => c.label)]),
  ]);
}

const rowWords = (row: TableRow) => (row.def ? keysOf([row.def.label, ...(row.def.accepted ?? []), ...(row.def.variants ?? [])]) : []);

/** A piece of a layout text: some Chinese, and part of one of the words. */
function isPiece(piece: string, words: readonly string[]): boolean {
  const key = labelKey(piece);
  return /[\u4e00-\u9fff]/.test(key) && words.some((w) => w.includes(key));
}

const MIN_PIECE = 2;
/** Longer text is no piece of a label or header word (the parser's label fragments are shorter still). */
const MAX_PIECES = 120;

/** Every part (substring) of the words, for look-ups in constant time. */
interface Parts {
  all: Set<string>;
  longest: number;
}

const partsCache = new WeakMap<TableDef, Parts>();

function partsOf(def: TableDef): Parts {
  let parts = partsCache.get(def);
  if (!parts) {
    const all = new Set<string>();
    let longest = 0;
    for (const w of tableWords(def)) {
      longest = Math.max(longest, w.length);
      for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) all.add(w.slice(i, j));
    }
    parts = { all, longest };
    partsCache.set(def, parts);
  }
  return parts;
}

/**
 * Text made of pieces of the layout's words, as PDF text glues them (`法提供行制作`, `三、本法提供`): its
 * key splits into parts of at least two characters (or is one character), each part of some word.
 */
function madeOfPieces(text: string, parts: Parts): boolean {
  const key = labelKey(text);
  if (key.length > MAX_PIECES || !/[\u4e00-\u9fff]/.test(key)) return false;
  if (key.length < MIN_PIECE) return parts.all.has(key);
  // reachable[i]: key.slice(0, i) splits into parts.
  const reachable = [true, ...Array<boolean>(key.length).fill(false)];
  for (let i = 0; i < key.length; i++) {
    if (!reachable[i]) continue;
    for (let j = i + MIN_PIECE; j <= Math.min(key.length, i + parts.longest) && parts.all.has(key.slice(i, j)); j++) reachable[j] = true;
  }
  return reachable[key.length];
}

/** The pieces of a line of PDF text: runs of text apart by two or more blanks. */
const piecesOf = (text: string) => text.split(/\s{2,}/).filter((p) => p !== '');

/**
 * Which lines a table takes: the lines of its rows, and around them the header rows, separators, blank
 * lines and pieces of the layout's words (PDF text breaks headers and labels over lines); written rows
 * with figures no standard row holds stay in it as extra rows.
 */
function planTable(model: ReportModel, table: Table, rowsOfOthers: ReadonlySet<number>, headingLines: ReadonlySet<number>): TablePlan {
  const { lines } = model;
  const def = table.def;
  const rows = [...table.rows, ...table.unplaced];
  const taken = new Set<number>();
  const rowAt = new Map<number, TableRow>();
  for (const row of rows) {
    for (const l of rowLines(lines, row)) taken.add(l);
    rowAt.set(row.line, row);
  }
  const own = [...taken].sort((a, b) => a - b);
  const parts = partsOf(def);
  const ofTable = (i: number) => {
    const text = lines[i].text.trim();
    if (text === '' || headingLines.has(i)) return text === '';
    const cells = rowCells(lines[i]);
    if (cells === 'separator') return true;
    if (cells !== undefined) return !holdsFigures(cells);
    return piecesOf(text).every((p) => madeOfPieces(p, parts));
  };
  let first = own[0];
  let last = own[own.length - 1];
  // Downwards over the Markdown separator and blank lines closing it.
  for (let i = last + 1; i < lines.length && !rowsOfOthers.has(i) && (lines[i].text.trim() === '' || rowCells(lines[i]) === 'separator'); i++) {
    if (lines[i].text.trim() !== '') last = i;
  }
  // Upwards over the header: rows without figures, separators, blank lines, pieces of header words.
  for (let i = first - 1; i >= 0 && !rowsOfOthers.has(i) && ofTable(i); i--) if (lines[i].text.trim() !== '') first = i;
  const plan: TablePlan = {
    table,
    anchor: first,
    taken,
    items: rows.map((row) => ({ type: 'row', row, line: row.line })),
    bands: new Map(),
    groupLines: new Map(),
    wrapped: new Map(),
  };
  const blockKeys = (def.blocks ?? []).map((b) => ({ id: b.id, key: labelKey(b.heading) }));
  const groupKeys = def.groups.map((g) => ({ id: g.id, key: coreKey(g.label) }));
  const band = (written: Written) => {
    const block = blockKeys.find((b) => b.key === labelKey(written.text));
    if (block && !plan.bands.has(block.id)) plan.bands.set(block.id, written);
  };
  const rowLinesSorted = [...rowAt.keys()].sort((a, b) => a - b);
  /** The row next to line i (the nearest before or after it) with a written label whose standard label holds the piece. */
  const wrappedRow = (i: number, piece: string): [TableRow, 'before' | 'after'] | undefined => {
    let lo = 0;
    let hi = rowLinesSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rowLinesSorted[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    const holds = (line: number | undefined) => {
      const row = line === undefined ? undefined : rowAt.get(line);
      return row && row.def && row.labelCells.length > 0 && isPiece(piece, rowWords(row)) ? row : undefined;
    };
    const [before, after] = [rowLinesSorted[lo - 1], rowLinesSorted[lo]];
    const next = holds(after);
    const previous = holds(before);
    // The nearer one; at equal distance the row after, whose label a piece above it begins.
    if (next && (!previous || after - i <= i - before)) return [next, 'before'];
    return previous ? [previous, 'after'] : undefined;
  };
  for (let i = first; i <= last; i++) {
    if (taken.has(i) || rowsOfOthers.has(i) || headingLines.has(i)) continue;
    const line = lines[i];
    const { text, span } = trimmed(line);
    const cells = text === '' ? 'separator' : rowCells(line);
    if (cells === 'separator') {
      taken.add(i);
    } else if (cells !== undefined) {
      taken.add(i);
      if (holdsFigures(cells)) plan.items.push({ type: 'extra', cells, line: i });
      else {
        // A header row: the printed header stands for it. A band row names its block.
        const firstCell = cells.find((c) => c.kind !== 'blank');
        if (firstCell) band({ text: firstCell.raw, span: firstCell.contentSpan });
      }
    } else if (piecesOf(text).every((p) => madeOfPieces(p, parts))) {
      // Label and header text on a line of its own: a group label, a band, a piece of a wrapped label, header words.
      taken.add(i);
      const group = groupKeys.find((g) => g.key !== '' && g.key === coreKey(text));
      if (group) plan.groupLines.set(group.id, [...(plan.groupLines.get(group.id) ?? []), { text, span }]);
      band({ text, span });
      for (const piece of piecesOf(text)) {
        const found = group ? undefined : wrappedRow(i, piece);
        if (!found) continue;
        const parts = plan.wrapped.get(found[0]) ?? { before: [], after: [] };
        parts[found[1]].push(piece);
        plan.wrapped.set(found[0], parts);
      }
    }
  }
  plan.items.sort((a, b) => a.line - b.line);
  return plan;
}

/** The groups a row sits in, outermost first (`三、本年度办理结果`, `（三）不予公开`). */
function groupChain(def: TableDef, row: TableRow | undefined): RowGroupDef[] {
  const chain: RowGroupDef[] = [];
  let id = row?.def?.group;
  while (id !== undefined && chain.length <= def.groups.length) {
    const group = def.groups.find((g) => g.id === id);
    if (!group) break;
    chain.unshift(group);
    id = group.parent;
  }
  return chain;
}

/** How deep a group sits: 0 for a group without a parent. */
function groupDepth(def: TableDef, group: RowGroupDef): number {
  let depth = 0;
  for (let p = group.parent; p !== undefined && depth <= def.groups.length; depth++) p = def.groups.find((g) => g.id === p)?.parent;
  return depth;
}

const holdsGroups = (def: TableDef, group: RowGroupDef) => def.groups.some((g) => g.parent === group.id);

/** Characters of the tables' face (五号) across the text width of the page (156 mm): how widths are judged. */
const TABLE_CHARS = 42;
/** A cell's side padding, in characters. */
const CELL_PADDING = 0.6;

/** How wide a text sets, in characters of the face: Latin letters and digits take half. */
function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += text.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * Widths of the grid columns from their roles: label columns by what they hold, the values sharing
 * what is left, each at least as wide as the widest value written in a single column (no number wraps).
 */
function columnWidths(roles: ColumnRole[], widestValue: number): PublishedColumn[] {
  const values = roles.filter((r) => r === 'value').length;
  const labelled = roles.some((r) => r !== 'value');
  const least = ((widestValue + CELL_PADDING) / TABLE_CHARS) * 100;
  const fixed: Record<Exclude<ColumnRole, 'label'>, number> = {
    stack: 5,
    group: 10,
    value: labelled ? Math.min(20, Math.max(6, 49 / Math.max(values, 1), Math.min(least, 55 / Math.max(values, 1)))) : 100 / Math.max(values, 1),
  };
  const used = roles.reduce((sum, r) => sum + (r === 'label' ? 0 : fixed[r]), 0);
  const labels = roles.filter((r) => r === 'label').length;
  return roles.map((role) => ({ role, width: role === 'label' ? Math.max(10, (100 - used) / labels) : fixed[role] }));
}

/** A label's leading group label, when a cell writes both (`（三）不予公开 1.属于国家秘密`): its length in the raw text. */
function groupPrefix(text: string, group: RowGroupDef): number {
  const segments = labelSegments(text);
  if (segments.length < 2 || coreKey(segments[0]) !== coreKey(group.label)) return 0;
  // Segments drop blanks only (width normalisation keeps lengths): count the first segment's characters.
  const normal = normalizeWidth(text);
  let seen = 0;
  let i = 0;
  while (i < normal.length && seen < segments[0].length) {
    if (!/\s/.test(normal[i])) seen++;
    i++;
  }
  while (i < normal.length && /\s/.test(normal[i])) i++;
  return i;
}

interface LabelText {
  text: string;
  span?: Span;
  match?: Span;
  /** Group labels the label began with, by group id. */
  groups: Map<string, Written>;
}

/** A data row's own label as written, without the group labels written before it. */
function rowLabel(row: TableRow, chain: RowGroupDef[], model: ReportModel, wrapped?: { before: string[]; after: string[] }): LabelText {
  // Group labels of the row's own groups go to the group cells; any other stays in the label as written.
  const groupCells = new Set<Cell>();
  const groups = new Map<string, Written>();
  for (const g of row.groupLabels) {
    const group = chain.find((c) => c.label === g.canonical);
    if (!group) continue;
    groupCells.add(g.cell);
    if (!groups.has(group.id)) groups.set(group.id, { text: g.cell.raw, span: g.cell.contentSpan });
  }
  const own = row.labelCells.filter((c) => !groupCells.has(c) && c.kind !== 'blank');
  if (own.length === 0) {
    // Read by its order: the layout's label stands for it (what the text wrote before it was only pieces of it).
    return { text: row.def?.label ?? row.label.trim(), span: row.span, groups };
  }
  let start = own[0].contentSpan.start;
  const end = own[own.length - 1].contentSpan.end;
  for (const group of chain) {
    const written = model.text.slice(start, end);
    const cut = groupPrefix(written, group);
    if (cut === 0) continue;
    if (!groups.has(group.id)) groups.set(group.id, { text: written.slice(0, cut).trim(), span: { start, end: start + cut } });
    start += cut;
  }
  // PDF text glues pieces of a tall group label before the row's own (`本      2.其他法律…`): they belong to the group cell.
  const groupWords = keysOf(chain.map((g) => g.label));
  const ownWords = rowWords(row);
  for (let m = /\s+/.exec(model.text.slice(start, own[0].contentSpan.end)); m; m = /\s+/.exec(model.text.slice(start, own[0].contentSpan.end))) {
    const piece = model.text.slice(start, start + m.index);
    if (!isPiece(piece, groupWords) || isPiece(piece, ownWords)) break;
    start += m.index + m[0].length;
  }
  const written = own.length === 1 ? model.text.slice(start, end) : [model.text.slice(start, own[0].contentSpan.end), ...own.slice(1).map((c) => c.raw)].join(' ');
  // Pieces of a wrapped label join it only when together they read as the row's standard label.
  const joined = wrapped ? [...wrapped.before, written, ...wrapped.after].join('') : written;
  const text = row.def && [row.def.label, ...(row.def.accepted ?? [])].some((l) => coreKey(l) === coreKey(joined)) ? joined : written;
  return { text, span: { start, end }, match: { start: own[0].span.start, end: own[own.length - 1].span.end }, groups };
}

/** Builds one published table; records the spans findings are matched against. */
class TableBuilder {
  private readonly def: TableDef;
  private readonly labelColumns: number;
  private readonly width: number;
  private readonly rows: PublishedRow[] = [];
  /** Written header cells not yet given to a printed one, in document order. */
  private readonly headerCells: Table['headerCells'];

  constructor(
    private readonly plan: TablePlan,
    private readonly model: ReportModel,
    private readonly targets: Target[],
    private readonly published: PublishedTable,
  ) {
    const { table } = plan;
    this.def = table.def;
    this.labelColumns = this.def.printed.labelColumns;
    this.headerCells = [...table.headerCells];
    let values = Math.max(this.def.printed.valueColumns, table.columns.length);
    let widest = 0;
    for (const item of plan.items) {
      if (item.type === 'row') values = Math.max(values, item.row.values.length + item.row.extraCells.length);
      else widest = Math.max(widest, item.cells.length);
    }
    this.width = Math.max(this.labelColumns + values, widest);
  }

  build(): void {
    this.header();
    this.body();
    const roles: ColumnRole[] = [];
    for (let c = 0; c < this.width; c++) {
      if (c >= this.labelColumns) roles.push('value');
      else if (c === this.labelColumns - 1) roles.push('label');
      else roles.push(this.def.groups.some((g) => groupDepth(this.def, g) === c && holdsGroups(this.def, g)) ? 'stack' : 'group');
    }
    const single = this.rows.flatMap((r) => r.cells).filter((c) => c.role === 'value' && c.colSpan === 1);
    this.published.columns = columnWidths(roles, single.reduce((w, c) => Math.max(w, textWidth(c.text)), 0));
    this.published.rows = this.rows;
  }

  private target(span: Span | undefined, element: PublishedCell): void {
    if (span) this.targets.push({ span, element });
  }

  /** The header cell as written for a printed one (the first unused written cell standing for its text). */
  private written(text: string): Cell | undefined {
    const at = this.headerCells.findIndex((h) => h.canonical === text);
    if (at < 0) return undefined;
    return this.headerCells.splice(at, 1)[0].cell;
  }

  private headerCell(def: HeaderCellDef | undefined, text: string, col: number, rowSpan: number, colSpan: number, role: CellRole = 'header'): PublishedCell {
    const cell = this.written(text);
    const published: PublishedCell = {
      role,
      text: cell?.raw ?? text,
      col,
      rowSpan,
      colSpan,
      align: 'center',
      ...(def?.column ? { column: def.column } : {}),
      ...(def?.columnGroup ? { group: def.columnGroup } : {}),
      ...(cell ? { span: cell.contentSpan } : {}),
    };
    this.target(cell?.span, published);
    return published;
  }

  /** The printed header on the grid, with a column the report adds (a 小计) put under its group. */
  private header(): void {
    const printed = this.def.printed.header;
    if (printed.length === 0) return;
    interface Placed {
      def?: HeaderCellDef;
      text: string;
      r: number;
      c: number;
      rowSpan: number;
      colSpan: number;
      column?: string;
    }
    const placed: Placed[] = [];
    const busy: boolean[][] = printed.map(() => []);
    printed.forEach((cells, r) => {
      let c = 0;
      for (const def of cells) {
        while (busy[r][c]) c++;
        const rowSpan = Math.max(1, Math.min(def.rowSpan ?? 1, printed.length - r));
        const colSpan = Math.max(1, def.colSpan ?? 1);
        placed.push({ def, text: def.text, r, c, rowSpan, colSpan, column: def.column });
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) busy[r + dr][c + dc] = true;
        c += colSpan;
      }
    });
    const columnAt = new Map<string, number>();
    for (const p of placed) if (p.column) columnAt.set(p.column, p.c);
    const groupsOf = (column: ColumnDef) => {
      const ids: string[] = [];
      for (let g = column.group; g !== undefined && ids.length <= this.def.columnGroups.length; g = this.def.columnGroups.find((x) => x.id === g)?.parent) ids.push(g);
      return ids;
    };
    // Columns the text writes that the printed header does not name: a new grid column after the one before.
    this.plan.table.columns.forEach((column, k) => {
      if (columnAt.has(column.id)) return;
      const before = k > 0 ? columnAt.get(this.plan.table.columns[k - 1].id) : undefined;
      const at = before === undefined ? this.labelColumns : before + 1;
      const groups = groupsOf(column);
      let top = 0;
      for (const p of placed) {
        if (p.c >= at) p.c++;
        else if (p.c + p.colSpan > at || (p.c + p.colSpan === at && p.def?.columnGroup !== undefined && groups.includes(p.def.columnGroup))) {
          p.colSpan++;
          if (p.def?.columnGroup !== undefined && groups.includes(p.def.columnGroup)) top = Math.max(top, p.r + p.rowSpan);
        }
      }
      for (const [id, c] of columnAt) if (c >= at) columnAt.set(id, c + 1);
      columnAt.set(column.id, at);
      placed.push({ text: column.label, r: top, c: at, rowSpan: Math.max(1, printed.length - top), colSpan: 1, column: column.id });
    });
    const printedWidth = placed.reduce((w, p) => Math.max(w, p.c + p.colSpan), 0);
    if (this.width > printedWidth) placed.push({ text: '', r: 0, c: printedWidth, rowSpan: printed.length, colSpan: this.width - printedWidth });
    for (let r = 0; r < printed.length; r++) {
      const cells = placed
        .filter((p) => p.r === r)
        .sort((a, b) => a.c - b.c)
        .map((p) => {
          const cell = this.headerCell(p.def, p.text, p.c, p.rowSpan, p.colSpan);
          if (p.column && !cell.column) cell.column = p.column;
          return cell;
        });
      this.rows.push({ role: 'header', cells });
    }
    this.published.headerRows = printed.length;
  }

  private body(): void {
    const { items } = this.plan;
    const chains = items.map((item) => (item.type === 'row' ? groupChain(this.def, item.row).slice(0, Math.max(0, this.labelColumns - 1)) : []));
    const labels = items.map((item, i) => (item.type === 'row' && this.labelColumns > 0 ? rowLabel(item.row, chains[i], this.model, this.plan.wrapped.get(item.row)) : undefined));
    const groupLines = new Map([...this.plan.groupLines].map(([id, written]) => [id, [...written]]));
    let block: string | undefined;
    items.forEach((item, i) => {
      if (item.type === 'extra') {
        this.rows.push({ role: 'extra', cells: this.spread(item.cells, 0, item.cells.length) });
        return;
      }
      const { row } = item;
      const blockId = row.def?.block;
      if (blockId !== undefined && blockId !== block) this.blockRows(blockId);
      block = blockId ?? block;
      const cells: PublishedCell[] = [];
      const chain = chains[i];
      // A group cell where a run of rows in that group starts, spanning the run.
      chain.forEach((group, level) => {
        if (i > 0 && chains[i - 1][level]?.id === group.id) return;
        let end = i + 1;
        while (end < items.length && chains[end][level]?.id === group.id) end++;
        let written: Written | undefined;
        for (let k = i; k < end && !written; k++) written = labels[k]?.groups.get(group.id);
        written ??= groupLines.get(group.id)?.shift();
        const cell: PublishedCell = {
          role: 'group',
          text: written?.text ?? group.label,
          col: level,
          rowSpan: end - i,
          colSpan: 1,
          align: 'center',
          group: group.id,
          ...(holdsGroups(this.def, group) ? { vertical: true } : {}),
          ...(written ? { span: written.span } : {}),
        };
        this.target(written?.span, cell);
        cells.push(cell);
      });
      const label = labels[i];
      if (label) {
        const cell: PublishedCell = {
          role: 'label',
          text: label.text,
          col: chain.length,
          rowSpan: 1,
          colSpan: this.labelColumns - chain.length,
          align: 'left',
          ...(row.def ? { row: row.def.id } : {}),
          ...(label.span ? { span: label.span } : {}),
        };
        this.target(label.match, cell);
        cells.push(cell);
      }
      const values = [...row.values, ...row.extraCells];
      const columns = row.def?.columns ?? this.plan.table.columns;
      cells.push(...this.spread(values, this.labelColumns, values.length, row.def?.id, columns));
      if (values.length === 0 && cells.length > 0) cells[cells.length - 1].colSpan = this.width - cells[cells.length - 1].col;
      if (cells.length === 0) cells.push({ role: 'value', text: '', col: 0, rowSpan: 1, colSpan: this.width, align: 'center', span: row.span });
      this.rows.push({ role: 'data', ...(row.def ? { row: row.def.id } : {}), cells });
    });
  }

  /** Value cells from grid column `from`; the last spans the rest of the grid. */
  private spread(values: Cell[], from: number, count: number, row?: string, columns?: ColumnDef[]): PublishedCell[] {
    return values.slice(0, count).map((value, k) => {
      const last = k === count - 1;
      const cell: PublishedCell = {
        role: 'value',
        text: value.raw,
        col: from + k,
        rowSpan: 1,
        colSpan: last ? Math.max(1, this.width - from - k) : 1,
        align: value.kind === 'number' ? 'right' : value.kind === 'text' ? 'left' : 'center',
        ...(row ? { row } : {}),
        ...(columns?.[k] ? { column: columns[k].id } : {}),
        span: value.kind === 'blank' ? value.span : value.contentSpan,
      };
      this.target(value.span, cell);
      return cell;
    });
  }

  /** Table 二: the band row naming the block's item of 第二十条, and the block's header row. */
  private blockRows(blockId: string): void {
    const block = this.def.blocks?.find((b) => b.id === blockId);
    const header = this.def.printed.blockHeader;
    if (!block) return;
    const written = this.plan.bands.get(blockId);
    const band: PublishedCell = {
      role: 'band',
      text: written?.text ?? block.heading,
      col: 0,
      rowSpan: 1,
      colSpan: this.width,
      align: 'left',
      ...(written ? { span: written.span } : {}),
    };
    this.target(written?.span, band);
    this.rows.push({ role: 'band', cells: [band] });
    if (!header) return;
    const columns = this.def.rows.find((r) => r.id === block.rows[0])?.columns ?? [];
    const cells = [this.headerCell(header, header.text, 0, 1, Math.max(1, this.labelColumns))];
    columns.forEach((column, k) => {
      const col = this.labelColumns + k;
      const cell = this.headerCell(undefined, column.label, col, 1, k === columns.length - 1 ? this.width - col : 1);
      cell.column = column.id;
      cells.push(cell);
    });
    this.rows.push({ role: 'blockHeader', cells });
  }
}

// ── the flow of the text ───────────────────────────────────────────────────

/** A heading line as a paragraph: the heading in its face, anything after its title in the body's. */
function headingParagraph(model: ReportModel, heading: Heading): PublishedParagraph {
  const line = model.lines[heading.line];
  const { span: whole } = trimmed(line);
  const start = Math.max(heading.span.start, whole.start);
  let leadEnd = heading.titleSpan.end;
  const text = model.text;
  while (leadEnd < whole.end && /\s/.test(text[leadEnd])) leadEnd++;
  if (text[leadEnd] === '。' || text[leadEnd] === '.') leadEnd++;
  const style: RunStyle = heading.level === 1 ? 'heading1' : 'heading2';
  const runs: PublishedRun[] = [{ text: text.slice(start, leadEnd), style }];
  if (leadEnd < whole.end) runs.push({ text: text.slice(leadEnd, whole.end), style: 'body' });
  return { type: 'paragraph', role: 'heading', level: heading.level, runs, span: { start, end: whole.end } };
}

function bodyParagraph(line: Line, role: ParagraphRole): PublishedParagraph {
  const { text, span } = trimmed(line);
  return { type: 'paragraph', role, runs: [{ text, style: role === 'title' ? 'title' : 'body' }], span };
}

/** Lines of the signature block: the date line the report is signed with, and the issuer's line before it. */
function signatureLines(model: ReportModel, afterLine: number): Set<number> {
  const found = new Set<number>();
  const signed = model.meta.signed;
  if (!signed) return found;
  const at = lineAt(model.lines, signed.span.start);
  const short = (i: number) => {
    const t = model.lines[i].text.trim();
    return t.length > 0 && t.length <= SIGNATURE_MAX && !t.includes('。');
  };
  if (at <= afterLine || !short(at)) return found;
  found.add(at);
  let before = at - 1;
  while (before > afterLine && model.lines[before].text.trim() === '') before--;
  if (before > afterLine && short(before) && !model.headings.some((h) => h.line === before)) found.add(before);
  return found;
}

/**
 * The report as it will be published. With findings, every paragraph and cell they sit on carries their
 * worst severity and messages (findings on nothing published go to the document's own marks).
 */
export function publish(model: ReportModel, findings: readonly Finding[] = []): PublishedDocument {
  const { lines, meta } = model;
  const headingAt = new Map(model.headings.map((h) => [h.line, h]));
  const partAt = new Map(model.parts.map((p) => [p.heading.line, p.index]));
  const headingLines = new Set(headingAt.keys());
  const rowsOf = model.tables.map((t) => new Set([...t.rows, ...t.unplaced].flatMap((r) => rowLines(lines, r))));
  const plans = model.tables.map((table, k) => {
    const others = new Set<number>();
    rowsOf.forEach((set, j) => j !== k && set.forEach((l) => others.add(l)));
    return planTable(model, table, others, headingLines);
  });
  const tableAt = new Map<number, TablePlan>();
  const inTable = new Set<number>();
  for (const plan of plans) {
    plan.taken.forEach((l) => inTable.add(l));
    if (!tableAt.has(plan.anchor)) tableAt.set(plan.anchor, plan);
    else plan.taken.forEach((l) => inTable.delete(l)); // two tables at one line: the second stays text
  }
  const firstPart = model.parts.reduce((min, p) => Math.min(min, p.heading.line), lines.length);
  const lastPart = model.parts.reduce((max, p) => Math.max(max, p.heading.line), -1);
  const titleLines = new Set<number>();
  if (meta.title) {
    for (let l = lineAt(lines, meta.title.span.start); l <= lineAt(lines, Math.max(meta.title.span.start, meta.title.span.end - 1)); l++) {
      if (l < firstPart) titleLines.add(l);
    }
  }
  const signature = signatureLines(model, lastPart);

  const targets: Target[] = [];
  const doc: PublishedDocument = { title: '', front: [], sections: [] };
  let blocks = doc.front;
  const paragraphs: PublishedParagraph[] = [];
  const paragraph = (p: PublishedParagraph) => {
    paragraphs.push(p);
    return p;
  };
  for (let i = 0; i < lines.length; i++) {
    const plan = tableAt.get(i);
    if (plan && inTable.has(i)) {
      blocks.push(publishTable(plan, model, targets));
      continue;
    }
    if (inTable.has(i) || lines[i].text.trim() === '') continue;
    const heading = headingAt.get(i);
    const part = partAt.get(i);
    if (heading && part !== undefined) {
      const section: PublishedSection = { part, heading: paragraph(headingParagraph(model, heading)), blocks: [] };
      doc.sections.push(section);
      blocks = section.blocks;
    } else if (heading) {
      blocks.push(paragraph(headingParagraph(model, heading)));
    } else {
      const role: ParagraphRole = titleLines.has(i) ? 'title' : signature.has(i) ? 'signature' : 'body';
      const p = bodyParagraph(lines[i], role);
      const previous = blocks[blocks.length - 1];
      // A title written over several lines is one paragraph.
      if (role === 'title' && previous?.type === 'paragraph' && previous.role === 'title') {
        previous.runs[0].text += p.runs[0].text;
        previous.span = { start: previous.span.start, end: p.span.end };
      } else blocks.push(paragraph(p));
    }
  }
  doc.title = doc.front
    .filter((b): b is PublishedParagraph => b.type === 'paragraph' && b.role === 'title')
    .map((b) => b.runs.map((r) => r.text).join(''))
    .join('');

  for (const p of paragraphs) {
    targets.push({ span: { start: lines[lineAt(lines, p.span.start)].start, end: lines[lineAt(lines, p.span.end)].end }, element: p });
  }
  const tables = [...doc.front, ...doc.sections.flatMap((s) => s.blocks)].filter((b): b is PublishedTable => b.type === 'table');
  const on = targetIndex(targets);
  findings.forEach((finding, index) => {
    const hit = on(finding.span);
    if (hit.length > 0) for (const t of hit) addMark(t.element, finding, index);
    else addMark(tables.find((t) => overlaps(finding.span, t.span)) ?? doc, finding, index);
  });
  return doc;
}

/**
 * The targets a span overlaps, found by binary search: targets sorted by start, with the running maximum
 * of their ends (they hardly overlap, so each look-up scans a few).
 */
function targetIndex(targets: Target[]): (span: Span) => Target[] {
  const sorted = [...targets].sort((a, b) => a.span.start - b.span.start);
  const reach: number[] = [];
  sorted.forEach((t, i) => reach.push(Math.max(t.span.end, i > 0 ? reach[i - 1] : -1)));
  return (span) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reach[mid] < span.start) lo = mid + 1;
      else hi = mid;
    }
    const found: Target[] = [];
    for (let i = lo; i < sorted.length && sorted[i].span.start <= span.end; i++) if (overlaps(span, sorted[i].span)) found.push(sorted[i]);
    return found;
  };
}

function publishTable(plan: TablePlan, model: ReportModel, targets: Target[]): PublishedTable {
  const { table } = plan;
  const published: PublishedTable = {
    type: 'table',
    kind: table.kind,
    layout: table.layout,
    title: table.def.title,
    columns: [],
    headerRows: 0,
    rows: [],
    span: table.span,
  };
  new TableBuilder(plan, model, targets, published).build();
  return published;
}
