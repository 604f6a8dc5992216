// Hover content as Markdown, from the report model, the layout declarations and the 条例:
// article references, document numbers, part headings, table row labels, column headers and cells.
import type { Cell, ReportModel, Table, TableRow } from '../model/model';
import type { ColumnDef, Relation } from '../spec/layout/types';
import type { Locale, Localized, Span } from '../base/types';
import { localize, msg } from '../base/i18n';
import { resolveReference } from '../spec/law';
import { headerCell, layouts, relationsOf } from '../spec/layout';
import { PARTS } from '../spec/parts';
import { parseChineseNumeral, toChineseNumeral } from '../base/numerals';
import { cellName, cellOf, columnsOf, sumValues } from '../model/cells';
import { equals, toString } from '../base/decimal';
import { allRules } from '../rules';
import { cellValue } from '../model/fill';
import { DOCUMENTS } from '../spec/documents';

export interface HoverContent {
  markdown: string;
  span: Span;
}

/** Formulas list the names of their terms up to this many; longer sums show values only. */
const MAX_NAMED_TERMS = 8;

/** `text（note）` in Chinese, `text (note)` in English. */
const withNote = (text: string, note: string, locale: Locale) => (locale === 'en' ? `${text} (${note})` : `${text}（${note}）`);
const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end;
const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n>\n');

/** The hover at a UTF-16 offset, or undefined when nothing there has one. */
export function hoverAt(model: ReportModel, offset: number, locale: Locale): HoverContent | undefined {
  const ref = model.meta.lawRefs.find((r) => r.toRegulation && contains(r.span, offset));
  if (ref) return { span: ref.span, markdown: articleMarkdown(ref.article, ref.paragraph, ref.item, locale) };
  const doc = model.meta.docNumbers.find((d) => contains(d.span, offset));
  if (doc) {
    const text = documentMarkdown(doc.text, locale);
    if (text) return { span: doc.span, markdown: text };
  }
  const part = model.parts.find((p) => contains(p.heading.span, offset));
  if (part) return { span: part.heading.span, markdown: partMarkdown(part.index, part.titleAccepted, locale) };
  for (const table of model.tables) {
    if (offset < table.span.start || offset > table.span.end) continue;
    const found = tableHover(table, offset, locale);
    if (found) return found;
  }
  return undefined;
}

// ---- the 条例 ----

/** `第三十六条第（二）项` → its numbers, for the article strings of the layout declarations. */
export function parseArticleRef(text: string): { article: number; paragraph?: number; item?: number } | undefined {
  const m = /^第([零一二三四五六七八九十]+)条(?:第([一二三四五六七八九十]+)款)?(?:第[（(]([一二三四五六七八九十]+)[）)]项)?$/.exec(text);
  const article = m ? parseChineseNumeral(m[1]) : undefined;
  if (!m || article === undefined) return undefined;
  return { article, paragraph: m[2] ? parseChineseNumeral(m[2]) : undefined, item: m[3] ? parseChineseNumeral(m[3]) : undefined };
}

export function articleMarkdown(article: number, paragraph: number | undefined, item: number | undefined, locale: Locale): string {
  const resolved = resolveReference(article, paragraph, item);
  if (!resolved.ok) return `**${localize(msg('条例中没有这一条款', 'No such provision in the Regulation'), locale)}**\n\n${localize(resolved.reason, locale)}`;
  const a = resolved.article;
  const label = locale === 'en' ? `Regulation on the Disclosure of Government Information, ${resolved.labelEn}` : `《中华人民共和国政府信息公开条例》${resolved.label}`;
  const chapter = locale === 'en' ? `Chapter ${a.chapter.number} ${a.chapter.title}` : `第${toChineseNumeral(a.chapter.number)}章 ${a.chapter.title}`;
  // An item is shown under its paragraph's lead-in, so the sentence reads whole.
  const lead = resolved.item !== undefined ? a.paragraphs[resolved.paragraph! - 1].text + '\n' : '';
  const parts = [withNote(`**${label}**`, chapter, locale), quote(lead + resolved.text)];
  if (a.explanation) parts.push(`${localize(msg('*释义*：', '*In plain words*: '), locale)}${localize(a.explanation, locale)}`);
  return parts.join('\n\n');
}

// ---- documents and parts ----

function documentMarkdown(number: string, locale: Locale): string | undefined {
  const about: Localized | undefined = layouts().find((l) => l.docNumber === number)?.about ?? DOCUMENTS[number];
  return about && `**${number}**\n\n${localize(about, locale)}`;
}

function partMarkdown(index: number, accepted: boolean, locale: Locale): string {
  const def = PARTS[index - 1];
  const standard = `${toChineseNumeral(index)}、${def.title}`;
  const lines = [withNote(`**${standard}**`, localize(msg(`第${toChineseNumeral(index)}部分`, `part ${index}`), locale), locale), localize(def.contents, locale)];
  if (!accepted) lines.push(localize(msg(`标准标题：${standard}`, `Standard title: ${standard}`), locale));
  return lines.join('\n\n');
}

// ---- tables ----

function tableHover(table: Table, offset: number, locale: Locale): HoverContent | undefined {
  const header = table.headerCells.find((h) => contains(h.cell.contentSpan, offset));
  if (header) return { span: header.cell.contentSpan, markdown: headerMarkdown(table, header.canonical, locale) };
  const row = [...table.rows, ...table.unplaced].find((r) => contains(r.span, offset));
  if (!row?.def) return undefined;
  const group = row.groupLabels.find((g) => contains(g.cell.contentSpan, offset));
  if (group) {
    const def = table.def.groups.find((g) => g.label === group.canonical);
    return { span: group.cell.contentSpan, markdown: `**${group.canonical}**${def?.help ? `\n\n${localize(def.help, locale)}` : ''}` };
  }
  const label = row.labelCells.find((c) => contains(c.contentSpan, offset));
  if (label) return { span: label.contentSpan, markdown: rowMarkdown(table, row, locale) };
  const index = row.values.findIndex((c) => contains(c.contentSpan, offset) || (c.kind === 'blank' && contains(c.span, offset)));
  const column = columnsOf(table, row)[index];
  if (index < 0 || !column) return undefined;
  const cell = row.values[index];
  return { span: cell.kind === 'blank' ? cell.span : cell.contentSpan, markdown: cellMarkdown(table, row, column, cell, locale) };
}

/** What a header cell means: its own help (a band over several columns), else its column's. */
function headerMarkdown(table: Table, canonical: string, locale: Locale): string {
  const cell = headerCell(table.def, canonical);
  const band = cell?.columnGroup ? table.def.columnGroups.find((g) => g.id === cell.columnGroup) : undefined;
  const text = cell?.help ?? band?.help ?? table.columns.find((c) => c.label === canonical)?.help;
  return `**${canonical}**${text ? `\n\n${localize(text, locale)}` : ''}`;
}

function articleLines(articles: readonly string[] | undefined, locale: Locale): string[] {
  return (articles ?? []).map((text) => {
    const ref = parseArticleRef(text);
    const resolved = ref && resolveReference(ref.article, ref.paragraph, ref.item);
    if (!resolved?.ok) return `- ${text}`;
    const gist = resolved.item !== undefined ? resolved.text : resolved.article.explanation && localize(resolved.article.explanation, locale);
    return `- ${locale === 'en' ? resolved.labelEn : resolved.label}${gist ? `${locale === 'en' ? ': ' : '：'}${gist}` : ''}`;
  });
}

function rowMarkdown(table: Table, row: TableRow, locale: Locale): string {
  const def = row.def!;
  // A sub-group's label is part of the row's name (`（三）不予公开 1.属于国家秘密`); the top group's is not.
  const group = table.def.groups.find((g) => g.id === def.group && g.parent !== undefined);
  const title = withNote(`**${group ? `${group.label} ` : ''}${def.label || localize(table.def.title, locale)}**`, localize(table.def.title, locale), locale);
  const parts = [title];
  const meaning = def.help;
  if (meaning) parts.push(localize(meaning, locale));
  const articles = articleLines(def.articles, locale);
  if (articles.length > 0) parts.push(`${localize(msg('依据：', 'Governed by:'), locale)}\n${articles.join('\n')}`);
  return parts.join('\n\n');
}

/** The id of the rule that checks a relation (by its role). */
function ruleOf(relation: Relation): string {
  return allRules.find((r) => r.meta.relation === relation.role)?.meta.id ?? relation.role;
}

function valueText(table: Table, cell: Cell | undefined): string {
  const value = cell && cellValue(table, cell);
  return value ? toString(value) : '?';
}

function sumFormula(table: Table, relation: Extract<Relation, { kind: 'sum' }>, cell: Cell, locale: Locale): string {
  const terms = relation.terms.map((t) => cellOf(table, t.row, t.col));
  const values = terms.map((t) => (t ? cellValue(table, t) : undefined));
  const names = relation.terms.map((t) => localize(cellName(table, t.row, t.col), locale).split(' / ').pop()!);
  const sameRow = relation.terms.every((t) => t.row === relation.target.row);
  // Terms in the same row differ by column, terms in the same column by row.
  const termNames = sameRow ? names : relation.terms.map((t) => table.byRow.get(t.row)?.def?.label ?? t.row);
  const lines = [
    localize(msg(`公式（${ruleOf(relation)}）：`, `Formula (${ruleOf(relation)}):`), locale),
    '```',
    relation.terms.length <= MAX_NAMED_TERMS ? `= ${termNames.join(' + ')}` : localize(msg(`= ${relation.terms.length} 项之和`, `= sum of ${relation.terms.length} cells`), locale),
    `= ${terms.map((t) => valueText(table, t)).join(' + ')}`,
  ];
  if (values.some((v) => !v)) {
    lines.push('```', localize(msg('有单元格不是数字，无法核对。', 'A term is not a number; cannot be checked.'), locale));
    return lines.join('\n');
  }
  const expected = sumValues(values as NonNullable<(typeof values)[number]>[]);
  const written = cellValue(table, cell);
  lines.push(`= ${toString(expected)}`, '```');
  const holds = written !== undefined && equals(expected, written);
  lines.push(
    holds
      ? localize(msg('✓ 成立', '✓ holds'), locale)
      : localize(msg(`✗ 不成立：表中为 ${written ? toString(written) : cell.raw}`, `✗ does not hold: the table has ${written ? toString(written) : cell.raw}`), locale),
  );
  return lines.join('\n');
}

function balanceFormula(table: Table, relation: Extract<Relation, { kind: 'balance' }>, locale: Locale): string {
  const side = (refs: typeof relation.left) => {
    const values = refs.map((r) => cellOf(table, r.row, r.col)).map((c) => (c ? cellValue(table, c) : undefined));
    return { text: values.map((v) => (v ? toString(v) : '?')).join(' + '), sum: values.every(Boolean) ? sumValues(values as NonNullable<(typeof values)[number]>[]) : undefined };
  };
  const left = side(relation.left);
  const right = side(relation.right);
  const holds = left.sum && right.sum && equals(left.sum, right.sum);
  return [
    localize(msg(`勾稽关系（${ruleOf(relation)}）：`, `Balance (${ruleOf(relation)}):`), locale),
    '```',
    `${localize(msg('一 + 二 = （七）总计 + 四', 'new + carried = (七) total + forward'), locale)}`,
    `${left.text} = ${right.text}`,
    '```',
    !left.sum || !right.sum
      ? localize(msg('有单元格不是数字，无法核对。', 'A term is not a number; cannot be checked.'), locale)
      : holds
        ? localize(msg('✓ 成立', '✓ holds'), locale)
        : localize(msg('✗ 不成立', '✗ does not hold'), locale),
  ].join('\n');
}

function cellMarkdown(table: Table, row: TableRow, column: ColumnDef, cell: Cell, locale: Locale): string {
  const rowId = row.def!.id;
  const name = localize(cellName(table, rowId, column.id), locale);
  const parts = [`**${name}**`];
  const meaning = column.help;
  if (meaning) parts.push(localize(meaning, locale));
  for (const relation of relationsOf(table.def)) {
    if (relation.kind === 'sum' && relation.target.row === rowId && relation.target.col === column.id) {
      parts.push(sumFormula(table, relation, cell, locale));
    } else if (relation.kind === 'balance' && relation.solveFor.row === rowId && relation.solveFor.col === column.id) {
      parts.push(balanceFormula(table, relation, locale));
    }
  }
  return parts.join('\n\n');
}
