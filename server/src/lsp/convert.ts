// Core findings → LSP diagnostics, shared by the language server and the CLI's JSON output.
// Type-only imports from the LSP packages, so the CLI bundle does not pull them in.
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import { localize, type Finding, type LineIndex, type Locale, type Severity, type Span } from '../core';

/** LSP `DiagnosticSeverity` numbers (Error = 1 … Hint = 4). */
export const lspSeverity: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

export const SOURCE = 'gkreport';

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export interface ConvertContext {
  /** The line index of the checked text. */
  index: LineIndex;
  /** The URI (or path) that related information in the same document points at. */
  uri: string;
  locale: Locale;
  /** For related information in another file: its URI and line index, or undefined to drop it. */
  otherFile?: (file: string) => { uri: string; index: LineIndex } | undefined;
  /** Copy `Finding.data` to `Diagnostic.data` (the server wants it for code actions; the CLI does not). */
  includeData?: boolean;
  /** Where the documentation page of a rule is (`codeDescription.href`); omitted when absent. */
  ruleDocUri?: (ruleId: string) => string;
}

export function toDiagnostic(finding: Finding, ctx: ConvertContext): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(ctx.index, finding.span),
    severity: lspSeverity[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: localize(finding.message, ctx.locale),
  };
  if (ctx.ruleDocUri) diagnostic.codeDescription = { href: ctx.ruleDocUri(finding.ruleId) };
  const related: DiagnosticRelatedInformation[] = [];
  for (const info of finding.related) {
    const target = info.file === undefined ? { uri: ctx.uri, index: ctx.index } : ctx.otherFile?.(info.file);
    if (!target) continue;
    related.push({
      location: { uri: target.uri, range: toRange(target.index, info.span) },
      message: localize(info.message, ctx.locale),
    });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  if (ctx.includeData && finding.data !== undefined && isJsonSafe(finding.data)) diagnostic.data = finding.data;
  return diagnostic;
}

/** JSON-RPC cannot carry BigInt, functions or cycles: such data is left off rather than crash the send. */
function isJsonSafe(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}
