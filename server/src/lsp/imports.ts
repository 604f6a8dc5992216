// gkreport/import: a Word file, web page or PDF of the workspace becomes report text, which the client
// writes as a .gkreport file beside the source and opens. The server keeps the source map of what it
// converted, so the diagnostics of that document can name their place in the source ("原文件第4页").
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver/node';
import { localize, LineIndex, msg, type Locale, type ReportModel } from '../core';
import { importReportFile } from '../host/import';
import { InputError } from '../host/errors';
import { sourcePlace, type ImportedSource } from '../import/common/place';
import { IMPORT_REQUEST, type ImportParams, type ImportResult } from '../contract/protocol';
import { guard, type ServerContext } from './context';
import { object, string } from './params';

const IMPORT_PARAMS = object({ uri: string });

interface Converted {
  /** The source file's URI. */
  source: string;
  imported: ImportedSource;
  /** Lines of the text as converted: places are looked up by line, so edits elsewhere move them little. */
  index: LineIndex;
}

/**
 * The place in the source of a diagnostic of a converted document, as related information pointing at
 * the source file (at its line for a web page, at its start for Word and PDF).
 */
function sourceInformation(converted: Converted, model: ReportModel, diagnostic: Diagnostic, locale: Locale): Diagnostic {
  const line = diagnostic.range.start.line;
  if (line >= converted.index.lineCount) return diagnostic;
  const offset = converted.index.offsetAt({ line, character: diagnostic.range.start.character });
  const place = sourcePlace(converted.imported, model, offset);
  if (!place) return diagnostic;
  const at = place.location.format === 'html' ? Math.max(0, place.location.line - 1) : 0;
  const related = {
    location: { uri: converted.source, range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } } },
    message: localize(msg(`在原文件${place.text['zh-cn']}`, `in the source file: ${place.text.en}`), locale),
  };
  return { ...diagnostic, relatedInformation: [...(diagnostic.relatedInformation ?? []), related] };
}

export function registerImports(ctx: ServerContext): void {
  const converted = new Map<string, Converted>();
  ctx.cache.decorate = (uri, model, diagnostics, locale) => {
    const known = converted.get(uri);
    // The source map belongs to the converted text's model: the places stay right while the lines stay where they were.
    return known ? diagnostics.map((d) => sourceInformation(known, model, d, locale)) : diagnostics;
  };
  ctx.connection.onRequest(
    IMPORT_REQUEST,
    guard(ctx, IMPORT_REQUEST, IMPORT_PARAMS, async (params: ImportParams): Promise<ImportResult> => {
      if (!params.uri.startsWith('file:')) throw new ResponseError(ErrorCodes.InvalidParams, 'gkreport: gkreport/import expects { uri: a file: URI }');
      const file = fileURLToPath(params.uri);
      const locale = ctx.locale();
      try {
        const imported = await importReportFile(file);
        const target = pathToFileURL(path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.gkreport`)).href;
        converted.set(target, { source: params.uri, imported: { format: imported.format, map: imported.map }, index: new LineIndex(imported.text) });
        return { text: imported.text, target, notes: imported.notes.map((n) => localize(n, locale)) };
      } catch (error) {
        if (error instanceof InputError) throw new ResponseError(ErrorCodes.InvalidParams, localize(error.reason, locale));
        throw error;
      }
    }),
  );
}
