// Text edits that insert whole lines, keeping the document's line ending.
import type { ReportModel } from './model';
import type { TextEdit } from '../base/types';

export function eolOf(text: string): string {
  const i = text.search(/\r\n|\n|\r/);
  return i < 0 ? '\n' : text[i] === '\r' && text[i + 1] === '\n' ? '\r\n' : text[i];
}

/** Inserts lines right after line `index` (at the end of that line). */
export function insertLinesAfter(model: ReportModel, index: number, lines: string[]): TextEdit {
  const eol = eolOf(model.text);
  const at = model.lines[index].end;
  return { span: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
}

/** Inserts lines right before line `index` (at its start). */
export function insertLinesBefore(model: ReportModel, index: number, lines: string[]): TextEdit {
  const eol = eolOf(model.text);
  const at = model.lines[index].start;
  return { span: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
}
