// What rules are and what they report: plain data shared by the rules, the fixes, the facade and its callers.
import type { Localized, Severity, Span, TextEdit } from '../base/types';
import type { OtherReport, ReportModel } from '../model/model';

export type { OtherReport };
import type { Relation, TableKind } from '../spec/layout/types';

/** A cell of one of the report's tables, by its table, row and column ids. */
export interface CellTarget {
  table: TableKind;
  row: string;
  col: string;
}

export interface Fix {
  /** Stable id of the kind of fix, e.g. `set-total`, `fill-zero-row`. */
  id: string;
  title: Localized;
  edits: TextEdit[];
  /** Safe fixes may be applied without review (CLI --fix, fix-all). */
  safe: boolean;
  /** The obvious fix for the finding (LSP `isPreferred`). */
  preferred?: boolean;
  /**
   * The derived cell (a total) the fix rewrites: fix-all applies such a fix only when the user allows,
   * and recompute-all settles totals inner to outer by it.
   */
  total?: CellTarget;
}

export interface RelatedInfo {
  span: Span;
  message: Localized;
  /** Another file (cross-report rules); absent means the same document. */
  file?: string;
}

/**
 * What each rule's findings carry for code actions (never the message text), keyed by rule id. Every
 * rule module adds its own entry: `declare module './types' { interface RuleData { GK301: {…} } }`.
 */
export interface RuleData {}

export type RuleId = keyof RuleData & string;

/** The data of a finding of any rule. */
export type FindingData = RuleData[RuleId];

interface FindingBase {
  severity: Severity;
  span: Span;
  message: Localized;
  related: RelatedInfo[];
  fixes: Fix[];
}

/** A finding of one rule, with that rule's data. */
export type FindingOf<K extends RuleId> = FindingBase & { ruleId: K; data: RuleData[K] };

/** A finding of any rule: `ruleId` tells which, and with it the type of `data` (a discriminated union). */
export type Finding = { [K in RuleId]: FindingOf<K> }[RuleId];

/** Narrows a finding to one rule's, data included. */
export function isFindingOf<K extends RuleId>(finding: Finding, ruleId: K): finding is Extract<Finding, { ruleId: K }> {
  return finding.ruleId === ruleId;
}

/** An edit of a sample text: replace the first `from` with `to`, or append lines. */
export type SampleEdit = { from: string; to: string } | { append: string };

export type RuleGroup = 'S' | 'T' | 'N' | 'P' | 'D' | 'C' | 'L' | 'X';

export interface RuleMeta<K extends RuleId = RuleId> {
  id: K;
  name: string;
  group: RuleGroup;
  defaultSeverity: Severity;
  /** One line saying what the rule checks. */
  description: Localized;
  /**
   * How the documentation shows the rule firing, when no sample report does by itself: an edit of the
   * documentation's clean sample (test/fixtures/seeds/002…) — replace the first `from`, or append lines.
   */
  example?: SampleEdit;
  /** The role of the layouts' sums or balances this rule checks (totals rules), so hovers can name the rule of a formula. */
  relation?: Relation['role'];
}

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report<D> {
  span: Span;
  message: Localized;
  related?: RelatedInfo[];
  /** Or a function building them, for fixes that cost something to build: called only when the caller wants fixes. */
  fixes?: Fix[] | (() => Fix[]);
  data: D;
}

export interface RuleContext<D = unknown> {
  readonly text: string;
  readonly model: ReportModel;
  /** The other reports the caller knows of (open documents, the CLI's inputs); empty when checking one file. */
  readonly workspace: readonly OtherReport[];
  emit(report: Report<D>): void;
}

export interface Rule<K extends RuleId = RuleId> {
  meta: RuleMeta<K>;
  check(ctx: RuleContext<RuleData[K]>): void;
}

/** Declares a rule: its id names its data type in RuleData. The one way to write a rule (rules/README in CONTRIBUTING.md). */
export function defineRule<K extends RuleId>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** Per-rule setting, as in markdownlint: off, on at default severity, or a severity. */
export type RuleSetting = boolean | Severity;

export interface CheckOptions {
  rules?: Record<string, RuleSetting>;
  workspace?: readonly OtherReport[];
  /** false: the findings carry no fixes, and the rules do not build those they can leave out (the CLI shows none). */
  fixes?: boolean;
}
