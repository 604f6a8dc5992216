// textDocument/formatting: align pipe tables by display width (core/format).
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { formatTables } from '../core';
import { guard, type ServerContext } from './context';
import { toLspEdits } from './codeActions';

export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentFormatting(
    guard(ctx, 'textDocument/formatting', async (params: DocumentFormattingParams): Promise<TextEdit[]> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      return analysis.isReport ? toLspEdits(analysis, formatTables(analysis.model)) : [];
    }),
  );
}
