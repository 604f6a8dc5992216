// The blank standard tables of a layout and the whole report skeleton, for the editor's
// "insert a standard table" picker (gkreport/templates). Built from the layout data and PARTS.
import type { Locale } from './types';
import type { LayoutId, TableKind } from './layout/types';
import { localize, msg } from './i18n';
import { getLayout, tableDef } from './layout';
import { PARTS } from './layout/parts';
import { toChineseNumeral } from './numerals';
import { renderTable, type WritableSyntax } from './templates';

export interface Template {
  id: string;
  label: string;
  description: string;
  text: string;
}

/** The Chinese numeral that names a table (表二/三/四) → its kind. */
export const TABLE_BY_NUMERAL: Readonly<Record<string, TableKind>> = { 二: 'active', 三: 'requests', 四: 'review' };

export function tableText(kind: TableKind, layout: LayoutId, syntax: WritableSyntax, eol = '\n'): string {
  return renderTable(tableDef(layout, kind), syntax).join(eol) + eol;
}

/** A report with the six parts, the three tables and the part-六 fee sentence, for the given year. */
export function skeletonText(year: number, layout: LayoutId = '2021', syntax: WritableSyntax = 'markdown'): string {
  const lines = [
    `XX市人民政府${year}年政府信息公开工作年度报告`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${getLayout(layout).docNumber}）要求编制。本报告统计期限为${year}年1月1日至${year}年12月31日。如对本报告有疑问，请与XX联系（地址：；电话：）。`,
  ];
  for (const part of PARTS) {
    lines.push('', `${toChineseNumeral(part.index)}、${part.title}`, '');
    if (part.table) lines.push(...renderTable(tableDef(layout, part.table), syntax));
    else if (part.index === 6) lines.push(`${year}年，本机关未收取信息处理费。`);
    else lines.push('');
  }
  return lines.join('\n') + '\n';
}

export function standardTemplates(locale: Locale, year: number, layout: LayoutId = '2021'): Template[] {
  const def = getLayout(layout);
  const tables = Object.entries(TABLE_BY_NUMERAL).map(([numeral, kind]) => {
    const table = tableDef(layout, kind);
    return {
      id: `table-${numeral}`,
      label: localize(table.title, locale),
      description: localize(def.name, locale),
      text: tableText(kind, layout, 'markdown'),
    };
  });
  return [
    ...tables,
    {
      id: 'skeleton',
      label: localize(msg('年报全文框架（标题、前言、六个部分和三张表）', 'Whole report skeleton (title, preamble, six parts, three tables)'), locale),
      description: localize(def.name, locale),
      text: skeletonText(year, layout),
    },
  ];
}
