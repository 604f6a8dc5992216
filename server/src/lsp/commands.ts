// Server-side commands and custom requests of the client contract (../protocol.ts):
//   workspace/executeCommand gkreport.server.recomputeTotals [uri] → { changed }
//   workspace/executeCommand gkreport.server.insertTable [uri, position, "二"|"三"|"四", layout?]
//   gkreport/templates {} → Template[]
//   gkreport/checkFiles { uris } → { files, errors, warnings, infos }
import { readReportAsync } from '../host/files';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError, type ExecuteCommandParams, type Position } from 'vscode-languageserver/node';
import { getLayout, layoutForYear, TABLE_BY_NUMERAL, eolOf, localize, msg, parseReport, recomputeTotals, skeletonText, standardTemplates, tableText, writable, type TableKind } from '../core';
import { CHECK_FILES_REQUEST, SERVER_INSERT_TABLE, SERVER_RECOMPUTE_TOTALS, TEMPLATES_REQUEST } from '../contract/protocol';
import { isReportDocument } from './analysis';
import { guard, type ServerContext } from './context';
import { countSeverities, type DiagnosticsScheduler } from './diagnostics';
import { toLspEdits } from './codeActions';

export const COMMANDS = [SERVER_RECOMPUTE_TOTALS, SERVER_INSERT_TABLE];

const badParams = (message: string) => new ResponseError(ErrorCodes.InvalidParams, `gkreport: ${message}`);

async function recompute(ctx: ServerContext, uri: unknown): Promise<{ changed: number }> {
  const analysis = await ctx.analyze(ctx.document(uri));
  const result = recomputeTotals(analysis.text);
  if (result.changed === 0) return { changed: 0 };
  const applied = await ctx.connection.workspace.applyEdit({
    label: localize(msg('重新计算所有合计', 'Recompute all totals'), ctx.locale()),
    edit: { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: toLspEdits(analysis, result.edits) }] },
  });
  return { changed: applied.applied ? result.changed : 0 };
}

function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

/** What `insertTable` inserts: a table by its numeral (二/三/四) or a template by its id (`table-三`, `skeleton`). */
function templateKind(what: unknown): TableKind | 'skeleton' | undefined {
  if (typeof what !== 'string') return undefined;
  if (what === 'skeleton') return 'skeleton';
  return TABLE_BY_NUMERAL[what.startsWith('table-') ? what.slice('table-'.length) : what];
}

/** Inserts a blank standard table (or the report skeleton) on lines of its own, in the document's table syntax. */
async function insertTable(ctx: ServerContext, args: unknown[]): Promise<{ applied: boolean }> {
  const [uri, position, what, layoutArg] = args;
  const kind = templateKind(what);
  if (!isPosition(position) || !kind || (layoutArg !== undefined && (typeof layoutArg !== 'string' || !getLayout(layoutArg)))) {
    throw badParams('insertTable expects [uri, position, "二"|"三"|"四" or a template id, layout id (e.g. "2021")?]');
  }
  const document = ctx.document(uri);
  const analysis = await ctx.analyze(document);
  // Without a layout, the one the report's year calls for.
  const year = analysis.model.meta.reportYear;
  const layout = (layoutArg as string | undefined) ?? layoutForYear(year).id;
  const eol = eolOf(analysis.text);
  const syntax = writable(analysis.model.tables[0]?.syntax ?? 'markdown');
  const line = analysis.model.lines[Math.min(position.line, analysis.model.lines.length - 1)];
  // On an empty line the table goes there; otherwise on the lines after it.
  const empty = line.text.trim() === '';
  const text = kind === 'skeleton' ? skeletonText(year ?? new Date().getFullYear() - 1, layout, syntax).split('\n').join(eol) : tableText(kind, layout, syntax, eol);
  const edit = empty ? { span: { start: line.start, end: line.end }, newText: text.slice(0, -eol.length) } : { span: { start: line.end, end: line.end }, newText: eol + text.slice(0, -eol.length) };
  const applied = await ctx.connection.workspace.applyEdit({
    label: localize(msg('插入标准表格', 'Insert a standard table'), ctx.locale()),
    edit: { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: toLspEdits(analysis, [edit]) }] },
  });
  return { applied: applied.applied };
}

async function checkFiles(ctx: ServerContext, scheduler: DiagnosticsScheduler, uris: unknown) {
  if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) throw badParams('checkFiles expects { uris: string[] }');
  const settings = await ctx.settings.get();
  const locale = ctx.locale(settings);
  const totals = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const uri of uris as string[]) {
    const open = ctx.documents.get(uri);
    let text: string;
    try {
      text = open ? open.getText() : (await readReportAsync(fileURLToPath(uri))).text;
    } catch (error) {
      ctx.logError(`reading ${uri}`, error);
      continue;
    }
    if (!isReportDocument(open?.languageId ?? '', uri, text, settings.detectReports)) continue;
    totals.files++;
    const diagnostics = open ? (await ctx.analyze(open)).diagnostics : ctx.cache.analyze(uri, 0, text, parseReport(text), settings, locale).diagnostics;
    if (!open) scheduler.publishFor(uri, diagnostics);
    const counts = countSeverities(diagnostics);
    totals.errors += counts.errors;
    totals.warnings += counts.warnings;
    totals.infos += counts.infos;
  }
  return totals;
}

export function registerCommands(ctx: ServerContext, scheduler: DiagnosticsScheduler): void {
  const { connection } = ctx;
  connection.onExecuteCommand(
    guard(ctx, 'workspace/executeCommand', async (params: ExecuteCommandParams) => {
      const args = params.arguments ?? [];
      if (params.command === SERVER_RECOMPUTE_TOTALS) return recompute(ctx, args[0]);
      if (params.command === SERVER_INSERT_TABLE) return insertTable(ctx, args);
      throw badParams(`unknown command ${params.command}`);
    }),
  );
  connection.onRequest(
    TEMPLATES_REQUEST,
    guard(ctx, TEMPLATES_REQUEST, () => standardTemplates(ctx.locale(), new Date().getFullYear() - 1)),
  );
  connection.onRequest(
    CHECK_FILES_REQUEST,
    guard(ctx, CHECK_FILES_REQUEST, (params: { uris?: unknown }) => checkFiles(ctx, scheduler, params?.uris)),
  );
}
