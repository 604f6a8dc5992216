// Output formats of the command-line checker: text (one line per finding) and JSON (LSP diagnostics).
// Each is made of one piece per file, written where the file was checked (a worker thread or the main
// thread), and the pieces put together in input order: the output is the same whatever thread did what.
import { LineIndex, localize, parseReport, type Finding, type Locale, type Localized, type ReportModel, type Severity } from '../core';
import { toDiagnostic } from '../lsp/convert';
import { summary, type Counts } from './messages';
import { otherFileIndexes } from '../host/files';
import type { SourceLocation } from '../import/common/document';
import { sourcePlace, type ImportedSource } from '../import/common/place';

/** One checked file: the path as given or found while walking, its text and its findings. */
export interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
  /** The file was converted from Word, a web page or PDF: where each stretch of `text` came from. */
  source?: ImportedSource;
}

/** An input that could not be read or converted: the other inputs are still checked. */
export interface FailedFile {
  file: string;
  reason: Localized;
}

/** The model of an imported file's text, for naming places (parsed once per file, only for imported files). */
export function sourcePlaces(file: CheckedFile): ((offset: number) => ReturnType<typeof sourcePlace>) | undefined {
  const { source } = file;
  if (!source) return undefined;
  let model: ReportModel | undefined;
  return (offset) => sourcePlace(source, (model ??= parseReport(file.text)), offset);
}

export function countFindings(files: readonly CheckedFile[]): Counts {
  const counts: Counts = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const { findings } of files) {
    for (const finding of findings) {
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else counts.infos++; // info and hint
    }
  }
  return counts;
}

/** `file:line:col` with 1-based line and UTF-16 column. */
export function location(file: string, index: LineIndex, offset: number): string {
  const { line, character } = index.positionAt(offset);
  return `${file}:${line + 1}:${character + 1}`;
}

/**
 * Messages stay on one line in line-oriented output: each line break, with the whitespace around it,
 * becomes one space. Split and trimmed rather than one regex with whitespace runs around the break,
 * which backtracks quadratically on a long run of spaces without a line break.
 */
export function oneLine(text: string): string {
  const parts = text.split(/[\r\n]+/);
  if (parts.length === 1) return text;
  const last = parts.length - 1;
  return parts
    .map((p, i) => (i === 0 ? p.trimEnd() : i === last ? p.trimStart() : p.trim()))
    .filter((p, i) => p !== '' || i === 0 || i === last)
    .join(' ');
}

/**
 * `file:line:col severity code message` per finding, then the summary line. For a file converted from
 * Word, a web page or PDF the place is named in the source's terms: `报告.pdf 第4页 表三 （二）部分公开 / 总计`.
 */
export function formatText(files: readonly CheckedFile[], locale: Locale): string {
  return files.map((checked) => textPiece(checked, locale)).join('') + summary(countFindings(files), locale) + '\n';
}

/** The text output's lines of one file, each ending with a line break. */
export function textPiece(checked: CheckedFile, locale: Locale): string {
  const { file, text, findings } = checked;
  if (findings.length === 0) return '';
  const index = new LineIndex(text);
  const place = sourcePlaces(checked);
  let out = '';
  for (const f of findings) {
    const where = place ? [file, localize(place(f.span.start)?.text ?? { 'zh-cn': '', en: '' }, locale)].filter((x) => x).join(' ') : location(file, index, f.span.start);
    out += `${where} ${f.severity} ${f.ruleId} ${oneLine(localize(f.message, locale))}\n`;
  }
  return out;
}

/** Where related information in another file points: its URI and line index, or undefined to leave it out. */
export type OtherFile = (file: string) => { uri: string; index: LineIndex } | undefined;

/**
 * A value's `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep in a larger
 * document printed the same way. The value is wrapped in `depth` arrays and printed once, natively,
 * then the wrapping is cut off: no second pass over the text (a replace over a long two-byte string is slow).
 */
export function indentedJson(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  // `[\n  [\n    ` before (2 + 2k characters for the k-th level) and `\n  ]\n]` after.
  let head = 0;
  let tail = 0;
  for (let k = 1; k <= depth; k++) {
    head += 2 + 2 * k;
    tail += 2 + 2 * (k - 1);
  }
  return json.slice(head - 2 * depth, json.length - tail);
}

/** Pieces of a JSON array printed with two-space indentation, as `JSON.stringify(array, null, 2)` prints it. */
export function jsonArray(pieces: readonly string[]): string {
  const items = pieces.filter((p) => p !== '');
  return items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n]`;
}

/** A diagnostic as LSP shapes it, except that `severity` is a word. */
export interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Severity;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: JsonDiagnostic['range'] }; message: string }[];
  /** For a file converted from Word, a web page or PDF: the place in the source (`range` is in the converted text). */
  sourceLocation?: SourceLocation & { place: string };
}

export function toJsonFiles(files: readonly CheckedFile[], locale: Locale): { file: string; diagnostics: JsonDiagnostic[] }[] {
  const otherFile = otherFileIndexes();
  return files.map((checked) => jsonEntry(checked, locale, otherFile));
}

/** The `{ file, diagnostics }` object of one checked file. */
export function jsonEntry(checked: CheckedFile, locale: Locale, otherFile: OtherFile): { file: string; diagnostics: JsonDiagnostic[] } {
  const { file, text, findings } = checked;
  const index = new LineIndex(text);
  const place = sourcePlaces(checked);
  return {
    file,
    diagnostics: findings.map((finding): JsonDiagnostic => {
      const { range, code, source, message, relatedInformation } = toDiagnostic(finding, { index, uri: file, locale, otherFile });
      const diagnostic: JsonDiagnostic = { range, severity: finding.severity, code: String(code), source: source ?? '', message };
      if (relatedInformation) diagnostic.relatedInformation = relatedInformation;
      const at = place?.(finding.span.start);
      if (at) diagnostic.sourceLocation = { ...at.location, place: localize(at.text, locale) };
      return diagnostic;
    }),
  };
}

/** The JSON output's piece of one file: its entry, indented as an element of the array. */
export function jsonPiece(checked: CheckedFile, locale: Locale, otherFile: OtherFile): string {
  return indentedJson(jsonEntry(checked, locale, otherFile), 1);
}

/** The JSON output's piece of a file that could not be read. */
export function jsonFailedPiece(failed: FailedFile, locale: Locale): string {
  return indentedJson({ file: failed.file, diagnostics: [], notification: localize(failed.reason, locale) }, 1);
}

/** One JSON array with one `{ file, diagnostics }` object per checked file, then `{ file, diagnostics: [], notification }` per file that could not be read. */
export function formatJson(files: readonly CheckedFile[], locale: Locale, failed: readonly FailedFile[] = []): string {
  const otherFile = otherFileIndexes();
  return jsonArray([...files.map((f) => jsonPiece(f, locale, otherFile)), ...failed.map((f) => jsonFailedPiece(f, locale))]) + '\n';
}
