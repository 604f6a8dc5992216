// The shape of an official table layout declaration. A layout is data (format2021.ts, format2019.ts);
// it is the only owner of what the tables are: rows, columns, groups, the printed header with its
// merged cells, labels and their variants in both languages, what each row and column counts, the
// sums and balances, the governing articles, and what tells the layout apart from the others.
// The parser, the rules, templates, snippets, hovers, importers and exporters all read it.
import type { Localized } from '../../base/types';

/** The three tables of a report: 表二 proactive disclosure, 表三 requests, 表四 review and litigation. */
export type TableKind = 'active' | 'requests' | 'review';

/** Something named in the tables: its canonical Chinese text as the format prints it, and its English name. */
export interface Named {
  /** Canonical text, e.g. `1.属于国家秘密`. */
  label: string;
  /** English name, e.g. `1. State secrets`. */
  en: string;
  /** What it counts and how (hovers). */
  help?: Localized;
}

export interface ColumnDef extends Named {
  id: string;
  /** How a message names the column where its header alone is ambiguous (表四's 总计 → 行政复议总计). */
  name?: Localized;
  /** The column group the printed header puts it under (法人或其他组织, 行政复议, 未经复议直接起诉…). */
  group?: string;
  /** The column holds 万元 amounts (decimals allowed). */
  amount?: boolean;
  /** Present only when a report adds it (e.g. a 小计 column); never required. */
  optional?: boolean;
  /** Signed values are normal (本年增/减). */
  signed?: boolean;
}

/** A band of the printed header over several columns (法人或其他组织 over its five kinds). */
export interface ColumnGroupDef extends Named {
  id: string;
  /** The band above this one (未经复议直接起诉 sits under 行政诉讼). */
  parent?: string;
}

/** A label standing for several rows of table 三 (`（三）不予公开` over its eight reasons). */
export interface RowGroupDef extends Named {
  id: string;
  /** The group this one sits in (`（三）不予公开` is in `三、本年度办理结果`). */
  parent?: string;
  articles?: string[];
}

export interface RowDef extends Named {
  id: string;
  /** Other wordings accepted without a GK203 warning. */
  accepted?: string[];
  /** Wordings recognised as this row but reported by GK203 (old or common wrong labels). */
  variants?: string[];
  /** The row group this row sits in, e.g. `unavailable`. */
  group?: string;
  /** Block of table 二 (e.g. `20-1`). */
  block?: string;
  /** Value columns of this row when they differ from the table's (table 二 blocks). */
  columns?: ColumnDef[];
  /** Articles of the 条例 that govern what the row counts, e.g. `第十四条`. */
  articles?: string[];
}

/** Table 二 is four (2021) or five (2019) blocks, each headed by 第二十条第（X）项. */
export interface BlockDef {
  id: string;
  heading: string;
  /** Item of 第二十条 the block reports. */
  item: number;
  rows: string[];
}

/** One cell of the printed header, with its merge as the official template has it. */
export interface HeaderCellDef {
  text: string;
  en: string;
  rowSpan?: number;
  colSpan?: number;
  /** The column the cell names, when it names one. */
  column?: string;
  /** The column group the cell names, when it names one. */
  columnGroup?: string;
  help?: Localized;
}

/** The table as the official template prints it; renderers and importers lay it out from this. */
export interface PrintedDef {
  /** Grid columns the row labels take (表三: 3 — result block, group, reason; 表二: 1; 表四: 0). */
  labelColumns: number;
  /** Grid columns the values take (a row with fewer values spans its last value over the rest). */
  valueColumns: number;
  /** Header rows above the data rows, left to right, cells covered by a merge from above left out. */
  header: HeaderCellDef[][];
  /** Table 二: the header row each block repeats (its first cell; the block's columns follow). */
  blockHeader?: HeaderCellDef;
}

export interface CellRef {
  row: string;
  col: string;
}

/**
 * What a sum means; each totals rule checks the relations of one role:
 * row-total (GK301), subtotal (GK305), column-total (GK302), review-total (GK304).
 */
export type SumRole = 'row-total' | 'subtotal' | 'column-total' | 'review-total';
/** What a balance means: balance (GK303). */
export type BalanceRole = 'balance';

/** target = sum(terms). */
export interface SumRelation {
  kind: 'sum';
  role: SumRole;
  target: CellRef;
  terms: CellRef[];
}

/** sum(left) = sum(right); a fix may solve for one cell. */
export interface BalanceRelation {
  kind: 'balance';
  role: BalanceRole;
  left: CellRef[];
  right: CellRef[];
  solveFor: CellRef;
}

export type Relation = SumRelation | BalanceRelation;

/** Compact declaration of sums, expanded by `relationsOf`. */
export type SumDecl =
  | { role: SumRole; each: 'row'; rows: string[]; target: string; terms: string[] }
  | { role: SumRole; each: 'column'; columns: string[]; target: string; terms: string[] };

export interface BalanceDecl {
  role: BalanceRole;
  columns: string[];
  left: string[];
  right: string[];
  solveFor: string;
}

/** How an older layout's table maps onto this one when converting (GK208). Ids default to the same id. */
export interface CarryOver {
  from: string;
  /** Target row id → source row id. */
  rows?: Record<string, string>;
  /** Target column id → source column id. */
  columns?: Record<string, string>;
}

/**
 * What tells this layout's table apart from the same table of the other layouts. A report's table is
 * read in the layout whose telltales it shows most; with none, in the layout of its report year.
 */
export interface Telltales {
  /** Rows only this layout has: a row whose own label strongly matches one of them is a vote. */
  rows?: string[];
  /** Header or label words only this layout has: a cell whose text begins one of them is a vote. */
  words?: string[];
  /** What the finding of a table in another layout than the report year's says it shows (GK208). */
  shows: Localized;
}

export interface TableDef {
  kind: TableKind;
  layout: string;
  /** The part of the report that holds the table (2, 3 or 4). */
  part: number;
  title: Localized;
  columns: ColumnDef[];
  columnGroups: ColumnGroupDef[];
  groups: RowGroupDef[];
  rows: RowDef[];
  blocks?: BlockDef[];
  printed: PrintedDef;
  /** Other header texts that are known and correct (e.g. the 勾稽关系 note, a 小计 a report adds). */
  knownHeaders: string[];
  /** Words of this table's header that no other table has: a row holding one belongs to this table. */
  headerWords: string[];
  /** The data row has no label (table 四). */
  labelless?: boolean;
  sums: SumDecl[];
  balances: BalanceDecl[];
  telltales: Telltales;
  carryOver?: CarryOver;
}

export interface LayoutDef {
  id: string;
  /** 国办公开办函〔2021〕30号 */
  docNumber: string;
  name: Localized;
  /** Report years the layout applies to (inclusive; `to` open-ended when absent). */
  years: { from: number; to?: number };
  /** About the layout's document, for the hover on its number. */
  about: Localized;
  tables: TableDef[];
}
