// Completion: canonical row labels inside a table, part headings at the start of a line.
import type { ReportModel, Table } from '../model/model';
import type { Localized, Span } from '../base/types';
import { msg } from '../base/i18n';
import { PARTS } from '../spec/parts';
import { blankRow } from '../spec/templates';
import { writable } from '../model/edits';
import { isSpace } from '../base/text';
import { toChineseNumeral } from '../base/numerals';

export interface CompletionEntry {
  label: string;
  kind: 'row' | 'part';
  detail: Localized;
  /** Replaces `replace` (the typed prefix of the line). */
  insertText: string;
  replace: Span;
  /** Missing rows and parts sort first. */
  sortText: string;
}

/** Typed characters after which a line is prose, not a heading being written. */
const MAX_HEADING_PREFIX = 8;

/** Line number of an offset (binary search over the model's lines). */
function lineAt(model: ReportModel, offset: number): number {
  let lo = 0;
  let hi = model.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The table whose rows the line belongs to, or sits right below. */
function tableAtLine(model: ReportModel, line: number): Table | undefined {
  return model.tables.find((t) => line >= t.lines.first && line <= t.lines.last + 1);
}

export function completionsAt(model: ReportModel, offset: number): CompletionEntry[] {
  const n = lineAt(model, offset);
  const line = model.lines[n];
  let from = line.start;
  while (from < offset && (isSpace(model.text[from]) || model.text[from] === '|')) from++;
  const typed = model.text.slice(from, offset);
  // Completion only while the line's first cell is being typed.
  if (typed.includes('|') || typed.includes('\t')) return [];
  const replace = { start: from, end: offset };
  const table = tableAtLine(model, n);
  if (table) {
    if (table.def.labelless) return [];
    const syntax = writable(table.syntax);
    // On an empty line the whole blank row is written; before existing cells only the label.
    const lineIsEmpty = model.text.slice(offset, line.end).trim() === '';
    return table.def.rows.map((row, i) => ({
      label: row.label,
      kind: 'row' as const,
      detail: table.def.title,
      insertText: lineIsEmpty ? blankRow(table.def, row, syntax) : row.label,
      replace,
      sortText: `${table.byRow.has(row.id) ? 1 : 0}${String(i).padStart(3, '0')}`,
    }));
  }
  // Part headings only where a heading is being started, not in the middle of prose.
  if (typed.length > MAX_HEADING_PREFIX || (typed !== '' && !'#一二三四五六'.includes(typed[0]))) return [];
  return PARTS.map((part) => {
    const heading = `${toChineseNumeral(part.index)}、${part.title}`;
    return {
      label: heading,
      kind: 'part' as const,
      detail: msg(`第${toChineseNumeral(part.index)}部分`, `Part ${part.index}`),
      insertText: heading,
      replace,
      sortText: `${model.parts.some((p) => p.index === part.index) ? 1 : 0}${part.index}`,
    };
  });
}
