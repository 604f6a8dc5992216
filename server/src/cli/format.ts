// Output formats of the command-line checker: text (one line per finding) and JSON (LSP diagnostics).
import { LineIndex, localize, type Finding, type Locale, type Severity } from '../core';
import { toDiagnostic } from '../lsp/convert';
import { summary, type Counts } from './messages';
import { otherFileIndexes } from '../host/files';

/** One checked file: the path as given or found while walking, its text and its findings. */
export interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
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

/** `file:line:col severity code message` per finding, then the summary line. */
export function formatText(files: readonly CheckedFile[], locale: Locale): string {
  const lines: string[] = [];
  for (const { file, text, findings } of files) {
    const index = new LineIndex(text);
    for (const f of findings) {
      lines.push(`${location(file, index, f.span.start)} ${f.severity} ${f.ruleId} ${oneLine(localize(f.message, locale))}`);
    }
  }
  lines.push(summary(countFindings(files), locale));
  return lines.join('\n') + '\n';
}

/** A diagnostic as LSP shapes it, except that `severity` is a word. */
export interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Severity;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: JsonDiagnostic['range'] }; message: string }[];
}

export function toJsonFiles(files: readonly CheckedFile[], locale: Locale): { file: string; diagnostics: JsonDiagnostic[] }[] {
  const otherFile = otherFileIndexes();
  return files.map(({ file, text, findings }) => {
    const index = new LineIndex(text);
    return {
      file,
      diagnostics: findings.map((finding): JsonDiagnostic => {
        const { range, code, source, message, relatedInformation } = toDiagnostic(finding, { index, uri: file, locale, otherFile });
        const diagnostic: JsonDiagnostic = { range, severity: finding.severity, code: String(code), source: source ?? '', message };
        if (relatedInformation) diagnostic.relatedInformation = relatedInformation;
        return diagnostic;
      }),
    };
  });
}

/** One JSON array with one `{ file, diagnostics }` object per input file. */
export function formatJson(files: readonly CheckedFile[], locale: Locale): string {
  return JSON.stringify(toJsonFiles(files, locale), null, 2) + '\n';
}
