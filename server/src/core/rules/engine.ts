// Runs every enabled rule over one parsed report. A rule that throws is a fault: it is recorded (the
// adapters log it, tests fail on it) and the other rules still run.
import type { Severity } from '../base/types';
import type { CheckOptions, Finding, Fix, OtherReport, Report, Rule, RuleContext, RuleSetting } from './types';
import type { ReportModel } from '../model/model';
import { allRules, compareRuleIds } from '.';
import { forgetProse } from '../analysis/prose/quantities';
import { forgetTableQuantities } from '../analysis/prose/tableQuantities';
import { unsuppressed } from './directives';

/** A rule that failed on a text: a bug to fix, never shown as a finding. */
export interface Fault {
  ruleId: string;
  error: string;
}

export interface RuleRun {
  findings: Finding[];
  faults: Fault[];
}

/** The severity a rule runs at under the given options, or undefined when it is off. */
export function effectiveSeverity(rule: Rule, options: CheckOptions): Severity | undefined {
  return severityUnder(rule, options.rules);
}

/**
 * The severity under the run's rule settings. Handed the settings, not the options: the CLI's cross
 * pass hands options of another shape (with a workspace), which deoptimised this per process.
 */
function severityUnder(rule: Rule, settings: Record<string, RuleSetting> | undefined): Severity | undefined {
  const setting = settings?.[rule.meta.id] ?? settings?.[rule.meta.name];
  if (setting === false) return undefined;
  if (setting === undefined || setting === true) return rule.meta.defaultSeverity;
  return setting;
}

/**
 * The context every rule of a run is handed: one object for the run, the rule and its severity set
 * before each check (no object and closure per rule and report).
 */
class RunContext implements RuleContext<unknown> {
  readonly findings: Finding[] = [];
  ruleId = '';
  severity: Severity = 'error';
  constructor(
    readonly text: string,
    readonly model: ReportModel,
    readonly workspace: readonly OtherReport[],
    private readonly withFixes: boolean,
  ) {}
  emit(report: Report<unknown>): void {
    this.findings.push({
      ruleId: this.ruleId,
      severity: this.severity,
      span: report.span,
      message: report.message,
      related: report.related ?? [],
      fixes: this.withFixes ? fixesOf(report) : [],
      data: report.data,
    } as Finding);
  }
}

function fixesOf(report: Report<unknown>): Fix[] {
  if (report.fixes === undefined) return [];
  return typeof report.fixes === 'function' ? report.fixes() : report.fixes;
}

/** The order findings are reported in: by position, then by rule id. */
export const compareFindings = (a: Finding, b: Finding): number => a.span.start - b.span.start || compareRuleIds(a.ruleId, b.ruleId);

export function runRules(model: ReportModel, options: CheckOptions = {}, rules: readonly Rule[] = allRules): RuleRun {
  const faults: Fault[] = [];
  const ctx = new RunContext(model.text, model, options.workspace ?? [], options.fixes !== false);
  const findings = ctx.findings;
  const settings = options.rules;
  for (const rule of rules) {
    const severity = severityUnder(rule, settings);
    if (!severity) continue;
    const ruleId = rule.meta.id;
    ctx.ruleId = ruleId;
    ctx.severity = severity;
    try {
      rule.check(ctx);
    } catch (error) {
      faults.push({ ruleId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  findings.sort(compareFindings);
  // What the rules worked out together is not kept with the model the caller holds on to.
  forgetProse(model);
  forgetTableQuantities(model);
  // Suppression comments in the text (`<!-- gkreport-disable-next-line GK209 -->`) have the last word.
  return { findings: unsuppressed(model, findings), faults };
}
