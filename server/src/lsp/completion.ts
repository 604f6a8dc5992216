// textDocument/completion: canonical row labels inside a table, part headings at line start.
import { CompletionItemKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { completionsAt, localize } from '../core';
import { toRange } from './convert';
import { guard, type ServerContext } from './context';
import { anything, onDocument, optional, position } from './params';

export const COMPLETION_PARAMS = onDocument({ position, context: optional(anything) });

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onRequest(
    'textDocument/completion',
    guard(ctx, 'textDocument/completion', COMPLETION_PARAMS, async (params: CompletionParams): Promise<CompletionItem[]> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      if (!analysis.isReport) return [];
      return completionsAt(analysis.model, analysis.index.offsetAt(params.position)).map((entry) => ({
        label: entry.label,
        kind: entry.kind === 'row' ? CompletionItemKind.Field : CompletionItemKind.Module,
        detail: localize(entry.detail, analysis.locale),
        sortText: entry.sortText,
        // The filter text is the label, so typing any part of it (e.g. 国家秘密) finds the row.
        filterText: entry.label,
        textEdit: { range: toRange(analysis.index, entry.replace), newText: entry.insertText },
      }));
    }),
  );
}
