// The registry of official layouts and the relations they declare.
import type { LayoutDef, LayoutId, Relation, TableDef, TableKind } from './types';
import { layout2021 } from './format2021';
import { layout2019 } from './format2019';

export const LAYOUTS: readonly LayoutDef[] = [layout2021, layout2019];

export function getLayout(id: LayoutId): LayoutDef {
  return LAYOUTS.find((l) => l.id === id)!;
}

/** The layout a report for this year must use (the newest when the year is unknown). */
export function layoutForYear(year: number | undefined): LayoutDef {
  if (year === undefined) return LAYOUTS[0];
  return LAYOUTS.find((l) => year >= l.years.from && (l.years.to === undefined || year <= l.years.to)) ?? LAYOUTS[0];
}

export function tableDef(layout: LayoutId, kind: TableKind): TableDef {
  return getLayout(layout).tables.find((t) => t.kind === kind)!;
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
        relations.push({
          kind: 'sum',
          rule: decl.rule,
          target: { row, col: decl.target },
          terms: decl.terms.map((col) => ({ row, col })),
        });
      }
    } else {
      for (const col of decl.columns) {
        relations.push({
          kind: 'sum',
          rule: decl.rule,
          target: { row: decl.target, col },
          terms: decl.terms.map((row) => ({ row, col })),
        });
      }
    }
  }
  for (const decl of table.balances) {
    for (const col of decl.columns) {
      relations.push({
        kind: 'balance',
        rule: decl.rule,
        left: decl.left.map((row) => ({ row, col })),
        right: decl.right.map((row) => ({ row, col })),
        solveFor: { row: decl.solveFor, col },
      });
    }
  }
  relationCache.set(table, relations);
  return relations;
}
