// Runs every enabled rule over one parsed report.
import type { Severity } from '../base/types';
import type { CheckOptions, Finding, Rule, RuleContext } from './types';
import type { ReportModel } from '../model/model';
import { parseReport } from '../parse/report';
import { allRules } from '.';

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

/** The severity a rule runs at under the given options, or undefined when it is off. */
export function effectiveSeverity(rule: Rule, options: CheckOptions): Severity | undefined {
  const setting = options.rules?.[rule.meta.id] ?? options.rules?.[rule.meta.name];
  if (setting === false) return undefined;
  if (setting === undefined || setting === true) return rule.meta.defaultSeverity;
  return setting;
}

export function runRules(model: ReportModel, options: CheckOptions = {}, rules: Rule[] = allRules): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, options);
    if (!severity) continue;
    const ctx: RuleContext = {
      text: model.text,
      model,
      workspace: options.workspace ?? [],
      emit(report) {
        findings.push({
          ruleId: rule.meta.id,
          severity,
          span: report.span,
          message: report.message,
          related: report.related ?? [],
          fixes: report.fixes ?? [],
          data: report.data,
        });
      },
    };
    rule.check(ctx);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return findings;
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const model = parseReport(text);
  return { model, findings: runRules(model, options) };
}
