// Document symbols (outline, breadcrumbs) and folding ranges, both from core/symbols.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import { foldingRanges, localize, outline, type OutlineKind, type OutlineNode } from '../core';
import { toRange } from './convert';
import type { Analysis } from './analysis';
import { guard, type ServerContext } from './context';
import { onDocument } from './params';

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  part: SymbolKind.Module,
  heading: SymbolKind.Namespace,
  table: SymbolKind.Struct,
};

function toSymbol(analysis: Analysis, node: OutlineNode): DocumentSymbol {
  return {
    name: node.name || '—',
    detail: node.detail && localize(node.detail, analysis.locale),
    kind: SYMBOL_KIND[node.kind],
    range: toRange(analysis.index, node.span),
    selectionRange: toRange(analysis.index, node.selection),
    children: node.children.map((child) => toSymbol(analysis, child)),
  };
}

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onRequest(
    'textDocument/documentSymbol',
    guard(ctx, 'textDocument/documentSymbol', onDocument(), async (params: { textDocument: { uri: string } }): Promise<DocumentSymbol[]> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      return analysis.isReport ? outline(analysis.model).map((node) => toSymbol(analysis, node)) : [];
    }),
  );
  ctx.connection.onRequest(
    'textDocument/foldingRange',
    guard(ctx, 'textDocument/foldingRange', onDocument(), async (params: { textDocument: { uri: string } }): Promise<FoldingRange[]> => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      if (!analysis.isReport) return [];
      return foldingRanges(analysis.model).map((r) => ({
        startLine: r.first,
        endLine: r.last,
        kind: r.kind === 'table' ? FoldingRangeKind.Region : undefined,
      }));
    }),
  );
}
