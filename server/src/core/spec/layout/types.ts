// The shape of an official table layout declaration. The layouts themselves are data
// (format2021.ts, format2019.ts); the parser, the totals rules, templates and hovers read them.
import type { Localized } from '../../base/types';

export type LayoutId = '2021' | '2019';
export type TableKind = 'active' | 'requests' | 'review';

export interface ColumnDef {
  id: string;
  /** Canonical header text. */
  label: string;
  /** The column holds 万元 amounts (decimals allowed). */
  amount?: boolean;
  /** Present only when a report adds it (e.g. a 小计 column); never required. */
  optional?: boolean;
  /** Signed values are normal (本年增/减). */
  signed?: boolean;
  help?: Localized;
}

export interface GroupDef {
  id: string;
  /** Canonical label, e.g. `（三）不予公开`. */
  label: string;
  help?: Localized;
  articles?: string[];
}

export interface RowDef {
  id: string;
  /** Canonical label, e.g. `1.属于国家秘密`. */
  label: string;
  /** Other wordings accepted without a GK203 warning. */
  accepted?: string[];
  /** Wordings recognised as this row but reported by GK203 (old or common wrong labels). */
  variants?: string[];
  /** The group heading this row sits under in table 三, e.g. `unavailable`. */
  group?: string;
  /** Block of table 二 (e.g. `20-1`). */
  block?: string;
  /** Value columns of this row when they differ from the table's (table 二 blocks). */
  columns?: ColumnDef[];
  /** Articles of the 条例 that govern what the row counts, e.g. `第十四条`. */
  articles?: string[];
  help?: Localized;
}

/** Table 二 is four (2021) or five (2019) blocks, each headed by 第二十条第（X）项. */
export interface BlockDef {
  id: string;
  heading: string;
  /** Item of 第二十条 the block reports. */
  item: number;
  rows: string[];
}

export interface CellRef {
  row: string;
  col: string;
}

/** target = sum(terms). */
export interface SumRelation {
  kind: 'sum';
  rule: string;
  target: CellRef;
  terms: CellRef[];
}

/** sum(left) = sum(right); a fix may solve for one cell. */
export interface BalanceRelation {
  kind: 'balance';
  rule: string;
  left: CellRef[];
  right: CellRef[];
  solveFor: CellRef;
}

export type Relation = SumRelation | BalanceRelation;

/** Compact declaration of sums, expanded by `relationsOf`. */
export type SumDecl =
  | { rule: string; each: 'row'; rows: string[]; target: string; terms: string[] }
  | { rule: string; each: 'column'; columns: string[]; target: string; terms: string[] };

export interface BalanceDecl {
  rule: string;
  columns: string[];
  left: string[];
  right: string[];
  solveFor: string;
}

/** How an older layout's table maps onto this one when converting (GK208). Ids default to the same id. */
export interface CarryOver {
  from: LayoutId;
  /** Target row id → source row id. */
  rows?: Record<string, string>;
  /** Target column id → source column id. */
  columns?: Record<string, string>;
}

export interface TableDef {
  kind: TableKind;
  layout: LayoutId;
  /** The part of the report the table belongs to (2, 3 or 4). */
  part: number;
  title: Localized;
  columns: ColumnDef[];
  groups: GroupDef[];
  rows: RowDef[];
  blocks?: BlockDef[];
  /** Header texts in the order they appear; used to recognise and correct truncated headers. */
  headerBands: string[][];
  /** Other header texts that are known and correct (e.g. the 勾稽关系 note). */
  knownHeaders: string[];
  /** The data row has no label (table 四). */
  labelless?: boolean;
  sums: SumDecl[];
  balances: BalanceDecl[];
  carryOver?: CarryOver;
}

export interface LayoutDef {
  id: LayoutId;
  /** 国办公开办函〔2021〕30号 */
  docNumber: string;
  name: Localized;
  /** Report years the layout applies to (inclusive; `to` open-ended when absent). */
  years: { from: number; to?: number };
  tables: TableDef[];
}
