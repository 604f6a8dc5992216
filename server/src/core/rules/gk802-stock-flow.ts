import { defineRule } from './types';
import type { Cell, Table } from '../model/model';
import { msg } from '../base/i18n';
import { cellName, cellOf } from '../model/cells';
import { tablesOfBothYears } from '../analysis/cross/previous';

declare module './types' {
  interface RuleData {
    GK802: { row: string; value: string; expected: string; file: string };
  }
}

/** Rows of table 二 that count documents in force (规章, 行政规范性文件): those with a 现行有效件数 column. */
function stockRows(table: Table): string[] {
  return table.def.rows.filter((r) => r.columns?.some((c) => c.id === 'inForce')).map((r) => r.id);
}

function written(table: Table, row: string, col: string): { cell: Cell; value: bigint } | undefined {
  const cell = cellOf(table, row, col);
  return cell?.kind === 'number' && cell.value && cell.value.scale === 0 ? { cell, value: cell.value.units } : undefined;
}

/** 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数. */
export default defineRule({
  meta: {
    id: 'GK802',
    name: 'stock-flow',
    group: 'X',
    defaultSeverity: 'warning',
    description: msg(
      '表二：现行有效件数应等于上一年度报告的现行有效件数加本年制发件数减本年废止件数（规章、行政规范性文件）。',
      'Table 2: documents in force must equal last year’s in force plus issued minus repealed this year (rules, normative documents).',
    ),
  },
  check(ctx) {
    const both = tablesOfBothYears(ctx.model, ctx.workspace, 'active');
    if (!both) return;
    const { table, previous, before, lastYear } = both;
    for (const row of stockRows(table)) {
      const stock = written(table, row, 'inForce');
      const issued = written(table, row, 'issued');
      const repealed = written(table, row, 'repealed');
      const last = written(before, row, 'inForce');
      if (!stock || !issued || !repealed || !last) continue;
      const expected = last.value + issued.value - repealed.value;
      if (expected === stock.value) continue;
      const name = cellName(table, row, 'inForce');
      ctx.emit({
        span: stock.cell.contentSpan,
        message: msg(
          `“${name['zh-cn']}”为 ${stock.value}，按${lastYear}年度 ${last.value} + 制发 ${issued.value} − 废止 ${repealed.value} 应为 ${expected}`,
          `“${name.en}” is ${stock.value}; ${lastYear}’s ${last.value} + issued ${issued.value} − repealed ${repealed.value} gives ${expected}`,
        ),
        related: [
          {
            file: previous.file,
            span: last.cell.contentSpan,
            message: msg(`${lastYear}年度报告“${name['zh-cn']}”`, `The ${lastYear} report: “${name.en}”`),
          },
        ],
        data: { row, value: stock.value.toString(), expected: expected.toString(), file: previous.file },
      });
    }
  },
});
