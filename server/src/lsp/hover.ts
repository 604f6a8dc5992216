// textDocument/hover: Markdown from core/hover over the cached check of the document.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../core';
import { toRange } from './convert';
import { guard, type ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    guard(ctx, 'textDocument/hover', async (params: HoverParams): Promise<Hover | null> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      if (!analysis.isReport) return null;
      const found = hoverAt(analysis.model, analysis.index.offsetAt(params.position), analysis.locale);
      if (!found) return null;
      return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(analysis.index, found.span) };
    }),
  );
}
