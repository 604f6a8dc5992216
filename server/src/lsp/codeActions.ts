// Code actions: every fix the core offers for a diagnostic (matched by code, range and data — never
// by message), recompute all totals, fix all safe problems (source.fixAll.gkreport), and turning a
// TAB table into a pipe table.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { localize, msg, recomputeTotals, sameFindingData, selectFixes, tabTableToPipe, type Finding, type TextEdit } from '../core';
import { SOURCE, toRange } from './convert';
import type { Analysis } from './analysis';
import { guard, type ServerContext } from './context';
import { anything, array, as, isObject, object, onDocument, optional, range, refine, string, textDocument } from './params';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gkreport`;
export const RECOMPUTE_KIND = `${CodeActionKind.Source}.recomputeTotals.gkreport`;

export function toLspEdits(analysis: Analysis, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(analysis.index, e.span), newText: e.newText }));
}

/** The finding a diagnostic of this version stands for: same rule, same range, same data (field by field). */
export function findingOf(analysis: Analysis, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const index = analysis.diagnostics.findIndex(
    (d, i) =>
      d.code === diagnostic.code &&
      d.range.start.line === diagnostic.range.start.line &&
      d.range.start.character === diagnostic.range.start.character &&
      d.range.end.line === diagnostic.range.end.line &&
      d.range.end.character === diagnostic.range.end.character &&
      sameFindingData(analysis.findings[i].data, diagnostic.data),
  );
  return index < 0 ? undefined : analysis.findings[index];
}

/** Whether an action of `kind` is wanted by the request's `only` filter (hierarchical kinds). */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** How code actions are answered: fix-all with totals or not; recompute deferred to codeAction/resolve. */
export interface ActionOptions {
  includeTotals: boolean;
  /** The client resolves `edit` lazily: the costly recompute runs only when the action is picked. */
  resolveEdits: boolean;
}

interface RecomputeData {
  recompute: { uri: string };
}

const diagnostic = as('Diagnostic', object({ range, message: string }));
export const CODE_ACTION_PARAMS = onDocument({ range, context: object({ diagnostics: array(diagnostic), only: optional(array(string)) }) });
/** A code action as this server offered it: recompute-all carries the document it is for. */
export const RESOLVE_PARAMS = as(
  '{ title: string, data?: { recompute?: { uri: string } } }',
  refine(object({ title: string, data: optional(anything) }), (action: { data?: unknown }) =>
    isObject(action.data) && action.data.recompute !== undefined ? textDocument.problem(action.data.recompute, 'data.recompute') : undefined,
  ),
);

function recomputeAction(analysis: Analysis): CodeAction | undefined {
  const result = recomputeTotals(analysis.text);
  if (result.changed === 0) return undefined;
  return {
    title: localize(msg(`重新计算所有合计（${result.changed} 处）`, `Recompute all totals (${result.changed} cells)`), analysis.locale),
    kind: RECOMPUTE_KIND,
    edit: { changes: { [analysis.uri]: toLspEdits(analysis, result.edits) } },
  };
}

export function codeActionsFor(analysis: Analysis, params: CodeActionParams, options: ActionOptions): CodeAction[] {
  const { locale } = analysis;
  const uri = analysis.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const action = (title: string, kind: string, edits: readonly TextEdit[], extra: Partial<CodeAction> = {}): CodeAction => ({
    title,
    kind,
    edit: { changes: { [uri]: toLspEdits(analysis, edits) } },
    ...extra,
  });
  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingOf(analysis, diagnostic);
      for (const fix of finding?.fixes ?? []) {
        actions.push(action(localize(fix.title, locale), CodeActionKind.QuickFix, fix.edits, { diagnostics: [diagnostic], isPreferred: fix.preferred === true }));
      }
    }
  }
  if (!analysis.isReport) return actions;
  if (wanted(only, FIX_ALL_KIND) && only) {
    // Only on request (on save, or the Fix All command): computing it for every lightbulb is wasted work.
    const { edits } = selectFixes(analysis.findings, { includeTotals: options.includeTotals });
    if (edits.length > 0) actions.push(action(localize(msg('修复所有可安全修复的问题', 'Fix all safe problems'), locale), FIX_ALL_KIND, edits));
  }
  // Recomputing re-checks the text, so only when some total is wrong in this version.
  const totalWrong = analysis.findings.some((f) => f.fixes.some((fix) => fix.total && fix.safe));
  if (wanted(only, RECOMPUTE_KIND) && totalWrong) {
    const data: RecomputeData = { recompute: { uri } };
    const recompute = options.resolveEdits ? { title: localize(msg('重新计算所有合计', 'Recompute all totals'), locale), kind: RECOMPUTE_KIND, data } : recomputeAction(analysis);
    if (recompute) actions.push(recompute);
  }
  if (wanted(only, CodeActionKind.RefactorRewrite)) {
    const start = analysis.index.offsetAt(params.range.start);
    const table = analysis.model.tables.find((t) => t.syntax === 'tab' && start >= t.span.start && start <= t.span.end);
    const edits = table ? tabTableToPipe(analysis.model, table) : [];
    if (edits.length > 0) actions.push(action(localize(msg('将 TAB 表格转为竖线表格', 'Convert the TAB table to a pipe table'), locale), CodeActionKind.RefactorRewrite, edits));
  }
  return actions;
}

export function registerCodeActions(ctx: ServerContext, resolveEdits: boolean): void {
  ctx.connection.onRequest(
    'textDocument/codeAction',
    guard(ctx, 'textDocument/codeAction', CODE_ACTION_PARAMS, async (params: CodeActionParams) => {
      const analysis = await ctx.analyze(ctx.document(params.textDocument.uri));
      const settings = await ctx.settings.get();
      return codeActionsFor(analysis, params, { includeTotals: settings.fixAllIncludeTotals, resolveEdits });
    }),
  );
  ctx.connection.onRequest(
    'codeAction/resolve',
    guard(ctx, 'codeAction/resolve', RESOLVE_PARAMS, async (action: CodeAction): Promise<CodeAction> => {
      const target = (action.data as Partial<RecomputeData> | undefined)?.recompute;
      if (!target) return action;
      const analysis = await ctx.analyze(ctx.document(target.uri));
      // The document changed since the action was offered: recompute the version the user sees now.
      return { ...action, edit: recomputeAction(analysis)?.edit ?? { changes: {} } };
    }),
  );
}
