// textDocument/hover: Markdown from core/hover over the cached check of the document.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../core';
import { toRange } from './convert';
import { guard, type ServerContext } from './context';
import { onDocument, position } from './params';

export const HOVER_PARAMS = onDocument({ position });

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onRequest(
    'textDocument/hover',
    guard(ctx, 'textDocument/hover', HOVER_PARAMS, async (params: HoverParams): Promise<Hover | null> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      if (!analysis.isReport) return null;
      const found = hoverAt(analysis.model, analysis.index.offsetAt(params.position), analysis.locale);
      if (!found) return null;
      return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(analysis.index, found.span) };
    }),
  );
}
