// textDocument/formatting: align pipe tables by display width (core/format).
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { formatTables } from '../core';
import { guard, type ServerContext } from './context';
import { toLspEdits } from './codeActions';
import { anything, onDocument, optional } from './params';

/** The formatting options are not read: tables are aligned by display width whatever they say. */
export const FORMATTING_PARAMS = onDocument({ options: optional(anything) });

export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onRequest(
    'textDocument/formatting',
    guard(ctx, 'textDocument/formatting', FORMATTING_PARAMS, async (params: DocumentFormattingParams): Promise<TextEdit[]> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      return analysis.isReport ? toLspEdits(analysis, formatTables(analysis.model)) : [];
    }),
  );
}
