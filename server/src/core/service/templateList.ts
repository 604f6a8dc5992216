// The blank standard tables of a layout and the whole report skeleton, for the editor's
// "insert a standard table" picker (gkreport/templates). Built from the layout data and PARTS.
import type { Locale } from '../base/types';
import type { LayoutDef, TableDef, TableKind } from '../spec/layout/types';
import { localize, msg } from '../base/i18n';
import { getLayout, layoutForYear, tableDef } from '../spec/layout';

function layoutOf(id: string): LayoutDef {
  const def = getLayout(id);
  if (!def) throw new Error(`no layout ${id}`);
  return def;
}
import { FEE_STATEMENT, PARTS } from '../spec/parts';
import { toChineseNumeral } from '../base/numerals';
import { renderTable, type WritableSyntax } from '../spec/templates';

export interface Template {
  id: string;
  label: string;
  description: string;
  text: string;
}

/** The Chinese numeral that names a table (表二/三/四) → its kind. */
export const TABLE_BY_NUMERAL: Readonly<Record<string, TableKind>> = { 二: 'active', 三: 'requests', 四: 'review' };

export function tableText(kind: TableKind, layout: string, syntax: WritableSyntax, eol = '\n'): string {
  return renderTable(tableDef(layout, kind), syntax).join(eol) + eol;
}

/** How the skeleton writes its pieces: plain text for the template picker, tab stops for the snippet. */
export interface SkeletonWriter {
  /** Text written as it stands. */
  text(literal: string): string;
  /** The report year (the snippet makes it a tab stop mirrored everywhere). */
  year(): string;
  /** The agency's name (likewise mirrored). */
  agency(): string;
  /** A spot the user fills in, showing `hint` until then. */
  slot(hint: string): string;
  table(def: TableDef): string[];
}

/**
 * The whole report in blocks (a blank line apart in plain text): title, preamble with statistics
 * period and contact, the six parts with their tables, the fee sentence. One declaration for the
 * template picker and the snippet.
 */
export function skeletonBlocks(layout: string, w: SkeletonWriter): string[][] {
  const def = layoutOf(layout);
  const title = w.agency() + w.year() + w.text('年政府信息公开工作年度报告');
  const preamble =
    w.text(`根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（${def.docNumber}）规定，现公布`) +
      w.agency() +
      w.year() +
      w.text('年政府信息公开工作年度报告。本报告中所列数据统计期限为') +
      w.year() +
      w.text('年1月1日至') +
      w.year() +
      w.text('年12月31日。如对本报告有疑问和意见建议，请与') +
      `${w.slot('本机关办公室')}${w.text('联系（地址：')}${w.slot('地址')}${w.text('，邮编：')}${w.slot('邮编')}` +
      `${w.text('，电话：')}${w.slot('电话')}${w.text('，电子邮箱：')}${w.slot('电子邮箱')}${w.text('）。')}`;
  const blocks = [[title], [preamble]];
  for (const part of PARTS) {
    blocks.push([w.text(`${toChineseNumeral(part.index)}、${part.title}`)]);
    const table = def.tables.find((tb) => tb.part === part.index);
    if (table) blocks.push(w.table(table));
    else if (part.index === 6) blocks.push([w.year() + w.text(FEE_STATEMENT), w.slot(part.contents['zh-cn'])]);
    else blocks.push([w.slot(part.contents['zh-cn'])]);
  }
  return blocks;
}

/** The skeleton as plain text for `year`, tables in `syntax`. */
export function skeletonText(year: number, layout = layoutForYear(year).id, syntax: WritableSyntax = 'markdown'): string {
  const plain: SkeletonWriter = {
    text: (literal) => literal,
    year: () => String(year),
    agency: () => 'XX机关',
    slot: (hint) => hint,
    table: (def) => renderTable(def, syntax),
  };
  return skeletonBlocks(layout, plain).map((block) => block.join('\n')).join('\n\n') + '\n';
}

export function standardTemplates(locale: Locale, year: number, layout = layoutForYear(year).id): Template[] {
  const def = layoutOf(layout);
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
