// What rules are and what they report: plain data shared by the rules, the fixes, the facade and its callers.
import type { Localized, Severity, Span, TextEdit } from '../base/types';
import type { ReportModel } from '../model/model';

export interface Fix {
  /** Stable id of the kind of fix, e.g. `set-total`, `fill-zero-row`. */
  id: string;
  title: Localized;
  edits: TextEdit[];
  /** Safe fixes may be applied without review (CLI --fix, fix-all). */
  safe: boolean;
  /** The obvious fix for the finding (LSP `isPreferred`). */
  preferred?: boolean;
  /** The fix rewrites a derived cell (a total); fix-all applies it only when the user allows. */
  setsTotal?: boolean;
}

export interface RelatedInfo {
  span: Span;
  message: Localized;
  /** Another file (cross-report rules); absent means the same document. */
  file?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  span: Span;
  message: Localized;
  related: RelatedInfo[];
  fixes: Fix[];
  /** Whatever a code action needs without re-parsing (never the message text). */
  data?: Record<string, unknown>;
}

export type RuleGroup = 'S' | 'T' | 'N' | 'P' | 'D' | 'C' | 'L' | 'X';

export interface RuleMeta {
  id: string;
  name: string;
  group: RuleGroup;
  defaultSeverity: Severity;
  /** One line saying what the rule checks. */
  description: Localized;
}

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  span: Span;
  message: Localized;
  related?: RelatedInfo[];
  fixes?: Fix[];
  data?: Record<string, unknown>;
}

/** Another report of the workspace, for rules that compare reports (group X). */
export interface OtherReport {
  /** Path or URI, used in related information. */
  file: string;
  model: ReportModel;
}

export interface RuleContext {
  readonly text: string;
  readonly model: ReportModel;
  /** The other reports the caller knows of (open documents, the CLI's inputs); empty when checking one file. */
  readonly workspace: readonly OtherReport[];
  emit(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Per-rule setting, as in markdownlint: off, on at default severity, or a severity. */
export type RuleSetting = boolean | Severity;

export interface CheckOptions {
  rules?: Record<string, RuleSetting>;
  workspace?: readonly OtherReport[];
}
