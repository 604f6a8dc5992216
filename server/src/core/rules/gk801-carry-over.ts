import { defineRule } from './types';
import { msg } from '../base/i18n';
import { cellValue } from '../model/fill';
import { cellName, cellOf } from '../model/cells';
import { tablesOfBothYears } from '../analysis/cross/previous';

declare module './types' {
  interface RuleData {
    GK801: { column: string; value: string; expected: string; file: string };
  }
}

/** 二、上年结转 (each column) equals 四、结转下年度继续办理 of the same agency's report for the year before. */
export default defineRule({
  meta: {
    id: 'GK801',
    name: 'carry-over',
    group: 'X',
    defaultSeverity: 'warning',
    description: msg(
      '表三“二、上年结转政府信息公开申请数量”各列应等于同一机关上一年度报告的“四、结转下年度继续办理”。',
      'Table 3: each column of “carried over from last year” must equal “carried forward” in the same agency’s report for the year before.',
    ),
  },
  check(ctx) {
    const both = tablesOfBothYears(ctx.model, ctx.workspace, 'requests');
    if (!both) return;
    const { table, previous, before, lastYear } = both;
    for (const column of table.columns) {
      const cell = cellOf(table, 'carried', column.id);
      const other = cellOf(before, 'forward', column.id);
      if (!cell || !other) continue;
      const value = cellValue(table, cell);
      const expected = cellValue(before, other);
      if (!value || !expected || value.scale !== 0 || expected.scale !== 0 || value.units === expected.units) continue;
      const here = cellName(table, 'carried', column.id);
      const there = cellName(before, 'forward', column.id);
      ctx.emit({
        span: cell.kind === 'blank' ? cell.span : cell.contentSpan,
        message: msg(
          `“${here['zh-cn']}”为 ${value.units}，${lastYear}年度报告“${there['zh-cn']}”为 ${expected.units}`,
          `“${here.en}” is ${value.units}; the ${lastYear} report’s “${there.en}” is ${expected.units}`,
        ),
        related: [
          {
            file: previous.file,
            span: other.kind === 'blank' ? other.span : other.contentSpan,
            message: msg(`${lastYear}年度报告“${there['zh-cn']}”`, `The ${lastYear} report: “${there.en}”`),
          },
        ],
        data: { column: column.id, value: value.units.toString(), expected: expected.units.toString(), file: previous.file },
      });
    }
  },
});
