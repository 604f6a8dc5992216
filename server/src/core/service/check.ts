// Checking a text: parse it into the report model, then run every enabled rule over it.
import type { CheckOptions, Finding } from '../rules/types';
import type { ReportModel } from '../model/model';
import { parseReport } from '../parse/report';
import { runRules, type Fault } from '../rules/engine';

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
  /** Rules that failed on this text (bugs): logged by the adapters, never shown as findings. */
  faults: Fault[];
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const model = parseReport(text);
  return { model, ...runRules(model, options) };
}
