// Server-side commands and custom requests of the client contract (../protocol.ts):
//   workspace/executeCommand gkreport.server.recomputeTotals [uri] → { changed }
//   workspace/executeCommand gkreport.server.insertTable [uri, position, "二"|"三"|"四", layout?]
//   gkreport/templates {} → Template[]
//   gkreport/checkFiles { uris } → { files, errors, warnings, infos }
import { readReportAsync } from '../host/files';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError, type ExecuteCommandParams, type Position, type WorkspaceEdit } from 'vscode-languageserver/node';
import { getLayout, layoutForYear, TABLE_BY_NUMERAL, eolOf, localize, msg, parseReport, recomputeTotals, skeletonText, standardTemplates, tableText, writable, type TableKind } from '../core';
import { CHECK_FILES_REQUEST, EXECUTE_COMMAND_REQUEST, SERVER_INSERT_TABLE, SERVER_RECOMPUTE_TOTALS, TEMPLATES_REQUEST } from '../contract/protocol';
import { isReportDocument, type Analysis } from './analysis';
import { guard, type ServerContext } from './context';
import { countSeverities, type DiagnosticsScheduler } from './diagnostics';
import { toLspEdits } from './codeActions';
import { accepts, anything, array, as, expectsMessage, literal, NO_PARAMS, object, optional, position, tuple, uri, type Schema } from './params';

export const COMMANDS = [SERVER_RECOMPUTE_TOTALS, SERVER_INSERT_TABLE];

export const EXECUTE_COMMAND_PARAMS = object({ command: literal(...COMMANDS), arguments: optional(array(anything)) });

/** What `insertTable` inserts: a table by its numeral (二/三/四) or a template by its id (`table-三`, `skeleton`). */
function templateKind(what: unknown): TableKind | 'skeleton' | undefined {
  if (typeof what !== 'string') return undefined;
  if (what === 'skeleton') return 'skeleton';
  return TABLE_BY_NUMERAL[what.startsWith('table-') ? what.slice('table-'.length) : what];
}

const template = accepts('"二" | "三" | "四" | template id', 'a table numeral or a template id (table-三, skeleton)', (v) => templateKind(v) !== undefined);
const layoutId = accepts('layout id', 'a layout id such as "2021"', (v) => typeof v === 'string' && getLayout(v) !== undefined);

/** The arguments of each server command. */
export const COMMAND_ARGUMENTS: Record<string, Schema> = {
  [SERVER_RECOMPUTE_TOTALS]: tuple([['uri', uri]]),
  [SERVER_INSERT_TABLE]: tuple([['uri', uri], ['position', position], ['table', template], ['layout', optional(layoutId)]]),
};

/** The edit recompute-all applies to the analysed version, or undefined when no total changes. */
export function recomputeEdit(analysis: Analysis): { edit: WorkspaceEdit; changed: number } | undefined {
  const result = recomputeTotals(analysis.text);
  if (result.changed === 0) return undefined;
  return {
    changed: result.changed,
    edit: { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: toLspEdits(analysis, result.edits) }] },
  };
}

async function recompute(ctx: ServerContext, [uri]: [string]): Promise<{ changed: number }> {
  const analysis = await ctx.analyze(ctx.document(uri));
  const recomputed = recomputeEdit(analysis);
  if (!recomputed) return { changed: 0 };
  const applied = await ctx.connection.workspace.applyEdit({ label: localize(msg('重新计算所有合计', 'Recompute all totals'), ctx.locale()), edit: recomputed.edit });
  return { changed: applied.applied ? recomputed.changed : 0 };
}

/** The edit that inserts a blank standard table (or the report skeleton) on lines of its own, in the document's table syntax. */
export function insertTableEdit(analysis: Analysis, position: Position, what: string, layoutArg?: string): WorkspaceEdit {
  const kind = templateKind(what)!;
  // Without a layout, the one the report's year calls for.
  const year = analysis.model.meta.reportYear;
  const layout = layoutArg ?? layoutForYear(year).id;
  const eol = eolOf(analysis.text);
  const syntax = writable(analysis.model.tables[0]?.syntax ?? 'markdown');
  const line = analysis.model.lines[Math.min(position.line, analysis.model.lines.length - 1)];
  // On an empty line the table goes there; otherwise on the lines after it.
  const empty = line.text.trim() === '';
  const text = kind === 'skeleton' ? skeletonText(year ?? new Date().getFullYear() - 1, layout, syntax).split('\n').join(eol) : tableText(kind, layout, syntax, eol);
  const edit = empty ? { span: { start: line.start, end: line.end }, newText: text.slice(0, -eol.length) } : { span: { start: line.end, end: line.end }, newText: eol + text.slice(0, -eol.length) };
  return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: toLspEdits(analysis, [edit]) }] };
}

async function insertTable(ctx: ServerContext, [uri, position, what, layout]: [string, Position, string, string?]): Promise<{ applied: boolean }> {
  const analysis = await ctx.analyze(ctx.document(uri));
  const applied = await ctx.connection.workspace.applyEdit({
    label: localize(msg('插入标准表格', 'Insert a standard table'), ctx.locale()),
    edit: insertTableEdit(analysis, position, what, layout),
  });
  return { applied: applied.applied };
}

export const CHECK_FILES_PARAMS = object({ uris: array(uri) });

async function checkFiles(ctx: ServerContext, scheduler: DiagnosticsScheduler, uris: string[]) {
  const settings = await ctx.settings.get();
  const locale = ctx.locale(settings);
  const totals = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const uri of uris) {
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
  connection.onRequest(
    EXECUTE_COMMAND_REQUEST,
    guard(ctx, EXECUTE_COMMAND_REQUEST, EXECUTE_COMMAND_PARAMS, async (params: ExecuteCommandParams) => {
      const args = params.arguments ?? [];
      const expects = COMMAND_ARGUMENTS[params.command];
      const problem = expects.problem(args, 'arguments');
      if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, expectsMessage(params.command, as(`arguments ${expects.text}`, expects), problem));
      if (params.command === SERVER_RECOMPUTE_TOTALS) return recompute(ctx, args as [string]);
      return insertTable(ctx, args as [string, Position, string, string?]);
    }),
  );
  connection.onRequest(
    TEMPLATES_REQUEST,
    guard(ctx, TEMPLATES_REQUEST, NO_PARAMS, () => standardTemplates(ctx.locale(), new Date().getFullYear() - 1)),
  );
  connection.onRequest(
    CHECK_FILES_REQUEST,
    guard(ctx, CHECK_FILES_REQUEST, CHECK_FILES_PARAMS, (params: { uris: string[] }) => checkFiles(ctx, scheduler, params.uris)),
  );
}
