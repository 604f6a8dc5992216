// The registry of table layouts, and what is derived from their declarations (relations, header bands).
// The official layouts are registered from the start; a test or a future format adds its own with
// `registerLayout`, and everything derived from the registry follows.
import type { HeaderCellDef, LayoutDef, Relation, TableDef, TableKind } from './types';
import { layout2021 } from './format2021';
import { layout2019 } from './format2019';

/** The official layouts, newest first. */
const OFFICIAL = [layout2021, layout2019] as const;

/** The id of an official layout (`2021`, `2019`). */
export type LayoutId = (typeof OFFICIAL)[number]['id'];

let registry: readonly LayoutDef[] = OFFICIAL;

/** Every registered layout, official first. */
export function layouts(): readonly LayoutDef[] {
  return registry;
}

/** Adds a layout; returns a function that removes it again. */
export function registerLayout(def: LayoutDef): () => void {
  registry = [...registry, def];
  return () => {
    registry = registry.filter((l) => l !== def);
  };
}

/** A value derived from the registered layouts, computed once for each state of the registry. */
export function fromRegistry<T>(derive: (layouts: readonly LayoutDef[]) => T): () => T {
  const cache = new WeakMap<readonly LayoutDef[], T>();
  return () => {
    let value = cache.get(registry);
    if (value === undefined) {
      value = derive(registry);
      cache.set(registry, value);
    }
    return value;
  };
}

export function getLayout(id: string): LayoutDef | undefined {
  return registry.find((l) => l.id === id);
}

const newest = fromRegistry((all) => all.reduce((a, b) => (b.years.from > a.years.from ? b : a)));

/**
 * The layout a report for this year must use: of the layouts whose years hold it, the one in force
 * latest (a layout's years may be open-ended); the newest when the year is unknown or none holds it.
 */
export function layoutForYear(year: number | undefined): LayoutDef {
  if (year === undefined) return newest();
  let found: LayoutDef | undefined;
  for (const l of registry) {
    if (year >= l.years.from && (l.years.to === undefined || year <= l.years.to) && (!found || l.years.from > found.years.from)) found = l;
  }
  return found ?? newest();
}

/** The table of a kind in a layout. */
export function tableDef(layout: string, kind: TableKind): TableDef {
  const table = getLayout(layout)?.tables.find((t) => t.kind === kind);
  if (!table) throw new Error(`no table ${kind} in layout ${layout}`);
  return table;
}

/** Tables of a kind in every registered layout. */
export const tablesOfKind = (kind: TableKind): TableDef[] => tableKinds()[kind];
const tableKinds = fromRegistry((all) => {
  const byKind: Record<TableKind, TableDef[]> = { active: [], requests: [], review: [] };
  for (const layout of all) for (const t of layout.tables) byKind[t.kind].push(t);
  return byKind;
});

/** The kind of table a part of the report holds (二 → 表二), as the layouts declare it. */
export function tableKindOfPart(part: number | undefined): TableKind | undefined {
  return part === undefined ? undefined : layoutForYear(undefined).tables.find((t) => t.part === part)?.kind;
}

const relationCache = new WeakMap<TableDef, Relation[]>();

/** Every derived-cell relation of a table, expanded from its compact declarations. */
export function relationsOf(table: TableDef): Relation[] {
  let relations = relationCache.get(table);
  if (relations) return relations;
  relations = [];
  for (const decl of table.sums) {
    if (decl.each === 'row') {
      for (const row of decl.rows) {
        relations.push({ kind: 'sum', role: decl.role, target: { row, col: decl.target }, terms: decl.terms.map((col) => ({ row, col })) });
      }
    } else {
      for (const col of decl.columns) {
        relations.push({ kind: 'sum', role: decl.role, target: { row: decl.target, col }, terms: decl.terms.map((row) => ({ row, col })) });
      }
    }
  }
  for (const decl of table.balances) {
    for (const col of decl.columns) {
      relations.push({
        kind: 'balance',
        role: decl.role,
        left: decl.left.map((row) => ({ row, col })),
        right: decl.right.map((row) => ({ row, col })),
        solveFor: { row: decl.solveFor, col },
      });
    }
  }
  relationCache.set(table, relations);
  return relations;
}

const bandCache = new WeakMap<TableDef, string[][]>();

/**
 * The header texts a report may write in one header row, in order: each printed header row, each
 * block's header row (表二), and one row naming every column. Used to recognise truncated headers.
 */
export function headerBands(table: TableDef): string[][] {
  let bands = bandCache.get(table);
  if (bands) return bands;
  const known = new Set(table.knownHeaders);
  const texts = (cells: HeaderCellDef[]) => cells.map((c) => c.text).filter((t) => !known.has(t));
  bands = table.printed.header.map(texts).filter((band) => band.length > 0);
  const blockHeader = table.printed.blockHeader;
  if (blockHeader) {
    for (const block of table.blocks ?? []) {
      const columns = table.rows.find((r) => r.id === block.rows[0])?.columns ?? [];
      bands.push([blockHeader.text, ...columns.map((c) => c.label)]);
    }
  }
  const flat = table.columns.filter((c) => !c.optional).map((c) => c.label);
  if (flat.length > 0) bands.push(flat);
  const seen = new Set<string>();
  bands = bands.filter((band) => {
    const key = band.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  bandCache.set(table, bands);
  return bands;
}

/** The printed header cell of a table whose text is `text` (first found), for hovers. */
export function headerCell(table: TableDef, text: string): HeaderCellDef | undefined {
  for (const row of table.printed.header) for (const cell of row) if (cell.text === text) return cell;
  return table.printed.blockHeader?.text === text ? table.printed.blockHeader : undefined;
}

const depthCache = new WeakMap<TableDef, Map<string, number>>();

/**
 * How deep a cell sits among the table's sums: 0 for a cell no sum derives, else one more than the
 * deepest of its terms (a row total 1, the (七)总计 of the 总计 column 2). Totals settle in this order.
 */
export function derivedDepth(table: TableDef, row: string, col: string): number {
  let depths = depthCache.get(table);
  if (!depths) {
    depths = cellDepths(table);
    depthCache.set(table, depths);
  }
  return depths.get(cellKey(row, col)) ?? 0;
}

const cellKey = (row: string, col: string) => `${row}\u0000${col}`;

/** The depth of every derived cell, by repeated relaxation (the declared sums form no cycle; a cycle stops at their count). */
function cellDepths(table: TableDef): Map<string, number> {
  const sums = relationsOf(table).filter((r) => r.kind === 'sum');
  const depths = new Map<string, number>();
  for (let changed = true, rounds = 0; changed && rounds <= sums.length; rounds++) {
    changed = false;
    for (const relation of sums) {
      const depth = 1 + Math.max(...relation.terms.map((t) => depths.get(cellKey(t.row, t.col)) ?? 0));
      const key = cellKey(relation.target.row, relation.target.col);
      if (depth > (depths.get(key) ?? 0)) {
        depths.set(key, depth);
        changed = true;
      }
    }
  }
  return depths;
}
