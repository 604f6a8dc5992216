// The check every totals rule shares: a derived cell must equal the sum of its terms (exact decimals).
import type { Localized } from '../base/types';
import type { RuleContext } from './types';
import type { SumRelation, SumRole, TableKind } from '../spec/layout/types';
import type { Table } from '../model/model';
import { msg } from '../base/i18n';
import { equals, toString } from '../base/decimal';
import { cellName, cellOf, columnsOf, relationsWithRole, rowOf, sumValues } from '../model/cells';
import { setCellEdit } from '../model/edits';
import { cellValue } from '../model/fill';

const MAX_TERMS_SHOWN = 8;

/** What a totals finding carries: the derived cell, its sum and what it holds. */
export interface SumFindingData {
  table: TableKind;
  row: string;
  col: string;
  expected: string;
  actual: string;
}

/**
 * How a message names the checked cell: by its column's name (`总计`, `行政复议总计`: the row is where
 * the squiggle is) or by row and column (`（七）总计 / 自然人`).
 */
export type TargetNaming = 'column' | 'cell';

function targetName(table: Table, relation: SumRelation, naming: TargetNaming): Localized {
  const row = rowOf(table, relation.target.row);
  const column = row && columnsOf(table, row).find((c) => c.id === relation.target.col);
  if (naming === 'column' && column) return column.name ?? msg(column.label, column.en);
  return cellName(table, relation.target.row, relation.target.col);
}

export function checkSums(ctx: RuleContext<SumFindingData>, role: SumRole, naming: TargetNaming): void {
  for (const table of ctx.model.tables) {
    for (const relation of relationsWithRole(table, role)) {
      if (relation.kind !== 'sum') continue;
      const target = cellOf(table, relation.target.row, relation.target.col);
      if (!target || target.kind !== 'number' || !target.value) continue;
      const terms = relation.terms.map((t) => cellOf(table, t.row, t.col));
      if (terms.some((t) => !t)) continue;
      const values = terms.map((t) => cellValue(table, t!));
      if (values.some((v) => !v)) continue;
      const expected = sumValues(values as NonNullable<(typeof values)[number]>[]);
      if (equals(expected, target.value)) continue;
      const shown = values.length <= MAX_TERMS_SHOWN;
      const formula = shown ? values.map((v) => toString(v!)).join('+') : undefined;
      const n = targetName(table, relation, naming);
      const exp = toString(expected);
      const act = toString(target.value);
      const row = rowOf(table, relation.target.row)!;
      ctx.emit({
        span: target.contentSpan,
        message: msg(
          `${n['zh-cn']}应为 ${exp}（${formula ?? `${values.length} 项之和`}），实际为 ${act}`,
          `${n.en} should be ${exp} (${formula ?? `sum of ${values.length} cells`}), found ${act}`,
        ),
        related: relation.terms.map((t, i) => ({
          span: terms[i]!.contentSpan,
          message: cellName(table, t.row, t.col),
        })),
        fixes: [
          {
            id: 'set-total',
            title: msg(`将${n['zh-cn']}改为 ${exp}`, `Set ${n.en} to ${exp}`),
            edits: [setCellEdit(row, target, exp)],
            safe: true,
            preferred: true,
            total: { table: table.kind, row: relation.target.row, col: relation.target.col },
          },
        ],
        data: { table: table.kind, row: relation.target.row, col: relation.target.col, expected: exp, actual: act },
      });
    }
  }
}
