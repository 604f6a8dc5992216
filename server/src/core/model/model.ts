// The report model: what the parser builds in one pass and every rule reads.
import type { Line } from '../base/text';
import type { Span } from '../base/types';
import type { Decimal } from '../base/decimal';
export type { Line };
import type { ColumnDef, TableKind, RowDef, TableDef } from '../spec/layout/types';

/** How a table row was written. */
export type RowSyntax = 'pipe' | 'markdown' | 'tab' | 'spaced';

export type CellKind =
  | 'number' // a numeral, possibly with a unit or odd formatting (see NumberFormatIssue)
  | 'blank' // nothing written
  | 'placeholder' // —, /, 无, - : written, but not a number
  | 'text'; // anything else

export type NumberFormatIssue =
  | 'negative'
  | 'decimal-in-count'
  | 'thousands-separator'
  | 'full-width'
  | 'leading-zero';

export interface Cell {
  /** The cell's interior between separators (for a blank cell, may be empty). */
  span: Span;
  /** Trimmed content span (equals `span` position when blank). */
  contentSpan: Span;
  raw: string;
  kind: CellKind;
  /** Exact value when kind is 'number'. */
  value?: Decimal;
  /** Formatting faults of a number (full-width digits, separators…). */
  formatIssues: NumberFormatIssue[];
  /** The number written with a unit such as 元. */
  unit?: string;
}

export interface TableRow {
  line: number;
  span: Span;
  syntax: RowSyntax;
  /** Cells that make up the row label (may be several: `三、本年度办理结果 | (一)予以公开`). */
  labelCells: Cell[];
  /** Label text as written (joined label cells, or label fragments before a label-less row). */
  label: string;
  /** Value cells, positional. */
  values: Cell[];
  /** Non-empty cells beyond the table's columns. */
  extraCells: Cell[];
  /** The canonical row this row was matched to. */
  def?: RowDef;
  /** exact: canonical or accepted wording; fuzzy: close (GK203); sequence: no label, placed by order. */
  match?: 'exact' | 'fuzzy' | 'sequence';
  /** Similarity of the written label to the canonical one (1 when exact). */
  matchScore?: number;
  /** Group label cells that were matched too (e.g. `(五)不予处`), with their canonical text. */
  groupLabels: { cell: Cell; canonical: string; exact: boolean }[];
  /** Full-width bars used as separators. */
  fullWidthBars: Span[];
  /** Value cells are fewer than the columns, or non-empty cells stand beyond them (GK206). */
  countMismatch: boolean;
}

export interface HeaderCell {
  cell: Cell;
  canonical: string;
  exact: boolean;
}

/**
 * unplaced: rows with numbers that match no standard row; few-rows: fewer than half the standard rows
 * found; data-rows: table 四 has neither one row of 15 numbers nor three rows of 5.
 */
export interface Unreadable {
  reason: 'unplaced' | 'few-rows' | 'data-rows';
  count: number;
}

export interface Table {
  kind: TableKind;
  /** The id of the layout (in the registry) the table is written in. */
  layout: string;
  def: TableDef;
  /** Value columns in the order the table writes them (table 三 may add a 小计 column). */
  columns: ColumnDef[];
  span: Span;
  /** First and last line holding any of the table's rows, header rows included. */
  lines: { first: number; last: number };
  /** The part the table sits in (1..6), if any. */
  part?: number;
  rows: TableRow[];
  /** Rows keyed by row def id (first occurrence). */
  byRow: Map<string, TableRow>;
  headerCells: HeaderCell[];
  /** Rows that could not be placed. */
  unplaced: TableRow[];
  /** Why the totals of this table could not be checked; absent when readable. */
  unreadable?: Unreadable;
  /** The syntax most rows use (for inserted rows). */
  syntax: RowSyntax;
}

export interface Heading {
  line: number;
  span: Span;
  /** Span of the numeral marker, e.g. `一、` or `（一）`. */
  markerSpan: Span;
  /** Span of the title text after the marker, trimmed, without a final 。 */
  titleSpan: Span;
  title: string;
  level: 1 | 2;
  /** 1 for 一 / (一), 2 for 二 … */
  number: number;
  bracket?: 'half' | 'full';
}

export interface Part {
  /** 1..6: the required part this heading stands for. */
  index: number;
  heading: Heading;
  /** The text from the end of the heading line to the next part heading. */
  body: Span;
  /** Title is one of the accepted wordings. */
  titleAccepted: boolean;
}

export interface ProseNumber {
  span: Span;
  value: Decimal;
  line: number;
}

export type IssuerKind = 'government' | 'office' | 'department' | 'subdistrict' | 'unknown';

export interface DateMention {
  span: Span;
  year: number;
  month: number;
  day: number;
  /** The date exists on the calendar. */
  valid: boolean;
}

export interface LawReference {
  span: Span;
  article: number;
  paragraph?: number;
  item?: number;
  /** The reference is to the 条例 (not another law). */
  toRegulation: boolean;
}

export interface DocumentNumber {
  span: Span;
  /** Normalised text, e.g. `国办公开办函〔2021〕30号`, `国务院令第711号`. */
  text: string;
}

/** The report's title line: where it is, what it says, and what it names. */
export interface ReportTitle {
  span: Span;
  /** The title without whitespace. */
  text: string;
  /** The agency it names ('' when none). */
  agency: string;
  year?: number;
  /** It names 政府信息公开（工作）年度报告. */
  subject: boolean;
}

/** The preamble (`现公布XX2023年…年度报告`) of a report: its span, agency, year and completeness. */
export interface Preamble {
  span: Span;
  /** Names agency, a four-digit year and 政府信息公开（工作）年度报告. */
  complete: boolean;
  agency: string;
  year?: { year: number; span: Span };
}

export interface DocumentMeta {
  title?: ReportTitle;
  preamble?: Preamble;
  /** Issuing body, e.g. 昆明市人民政府. */
  agency?: string;
  issuerKind: IssuerKind;
  /** Year named by the title or the preamble (`现公布…2023年…年度报告`). */
  titleYear?: { year: number; span: Span };
  /** Statistics period, e.g. 2023年1月1日—2023年12月31日. */
  period?: { span: Span; start: DateMention; end: DateMention };
  /** The year the report is about: title, else period, else preamble. */
  reportYear?: number;
  /** Signature date (last date line) or 发布时间/发布日期. */
  signed?: DateMention;
  published?: DateMention;
  dates: DateMention[];
  lawRefs: LawReference[];
  docNumbers: DocumentNumber[];
}

/** The verbs of a suppression comment (`<!-- gkreport-disable-next-line … -->`). */
export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

/** A word of a suppression comment, where it is written. */
export interface DirectiveToken {
  text: string;
  span: Span;
}

/** A suppression comment: a line holding only `<!-- gkreport-… -->` (parse/directives.ts). */
export interface Directive {
  /** 0-based line of the comment. */
  line: number;
  span: Span;
  /** The directive word as written (`gkreport-disable`); `kind` is undefined when it is none of the known ones. */
  keyword: DirectiveToken;
  kind?: DirectiveKind;
  /** Rule ids or names as written; none means every rule. */
  rules: DirectiveToken[];
}

export interface ReportModel {
  /** The text checked: the source with each suppression comment's line blanked (same length, same offsets). */
  text: string;
  lines: Line[];
  meta: DocumentMeta;
  headings: Heading[];
  /** Parts found, in document order (a part may appear twice). */
  parts: Part[];
  /** Level-1 headings that matched no part. */
  otherTopHeadings: Heading[];
  tables: Table[];
  proseNumbers: ProseNumber[];
  /** Suppression comments (`<!-- gkreport-disable … -->`), when the text has any. */
  directives?: Directive[];
}

/** Another report of the workspace, for rules that compare reports (group X). */
export interface OtherReport {
  /** Path or URI, used in related information. */
  file: string;
  model: ReportModel;
}
