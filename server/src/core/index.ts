// The core's facade: everything the language server, the CLI, the importers, the host layer and the
// client use of the core, and nothing else. Text in; a report model, findings and edits (plain data) out.
// Layers below (base → spec → model → parse → analysis → rules → fixes → service) are the core's own.

// ── plain data ──
export type { Locale, Localized, Severity, Span, TextEdit } from './base/types';
export type { ReportModel, Table, TableRow, Cell, DocumentMeta, Directive, IssuerKind } from './model/model';
export type { CheckOptions, CellTarget, Finding, FindingData, FindingOf, Fix, OtherReport, RelatedInfo, Rule, RuleGroup, RuleId, RuleMeta, RuleSetting } from './rules/types';
export type { TableKind, TableDef, LayoutDef, ColumnDef, RowDef } from './spec/layout/types';

// ── language, positions, text ──
export { localize, msg, pickLocale } from './base/i18n';
export { LineIndex, type Position } from './base/lineIndex';
export { eolOf } from './base/text';

// ── checking ──
export { check, type CheckResult } from './service/check';
export { parseReport } from './parse/report';
export { looksLikeReport, looksMisdecoded } from './parse/detect';
export { compareFindings, runRules, type Fault, type RuleRun } from './rules/engine';
export { sameFindingData } from './rules/data';
export { defineRule, isFindingOf } from './rules/types';
export { allRules, findRule, ruleOf } from './rules';
export { isDirectiveLine } from './parse/directives';
export { deadlineCheck, type DeadlineCheck } from './model/meta';
export { cellOf } from './model/cells';
export { formatDateEn } from './base/calendar';
export { toString as decimalText, type Decimal } from './base/decimal';
export { isPreviousYear, pairingYear, previousReport, previousYearReports, sameAgency, type ReportIdentity } from './analysis/cross/previous';
export { getLayout, layoutForYear, layouts, tableDef } from './spec/layout';

// ── fixing ──
export { applyEdits } from './fixes/apply';
export { chosenFix, conflicting, selectFixes, type FixPolicy, type Selection } from './fixes/select';
export { DEFAULT_FIX_POLICY, fixText, MAX_PASSES, type CheckFn, type FixOutcome } from './fixes/fixText';
export { lineEdits, recomputeTotals, type RecomputeResult } from './fixes/recompute';

// ── the editor's services ──
export { hoverAt, type HoverContent } from './service/hover';
export { placeAt, tableShortName, type Place } from './service/place';
export { foldingRanges, outline, type OutlineKind, type OutlineNode } from './service/symbols';
export { displayWidth, formatTables, tabTableToPipe } from './service/format';
export { completionsAt, type CompletionEntry } from './service/complete';
export {
  publish,
  type CellRole,
  type ColumnRole,
  type Marks,
  type ParagraphRole,
  type PublishedBlock,
  type PublishedCell,
  type PublishedColumn,
  type PublishedDocument,
  type PublishedMessage,
  type PublishedParagraph,
  type PublishedRow,
  type PublishedRun,
  type PublishedSection,
  type PublishedTable,
  type RowRole,
  type RunStyle,
} from './service/publish';
export { standardTemplates, skeletonBlocks, skeletonText, tableText, TABLE_BY_NUMERAL, type SkeletonWriter, type Template } from './service/templateList';
export { renderTable, type WritableSyntax } from './spec/templates';
export { writable } from './model/edits';
export { feeSentence } from './spec/parts';
export { toChineseNumeral } from './base/numerals';
