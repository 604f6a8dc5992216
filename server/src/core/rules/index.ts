// The rule registry: every rule module of all.ts, in catalogue order. Adding a rule is its module
// (gkNNN-name.ts, `export default defineRule({…})`) and one line in all.ts; docs, settings schema,
// SARIF rules and tests read this list.
import type { Rule } from './types';
import * as modules from './all';
import { registerRules, ruleOfToken } from './directives';

/**
 * Rule ids are `GK` and three digits: comparing code units orders them as localeCompare would,
 * without loading ICU's collator (14 ms of every process).
 */
export function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const allRules: readonly Rule[] = Object.values(modules).sort((a, b) => compareRuleIds(a.meta.id, b.meta.id));
registerRules(allRules);

/** The rule an id (any case) or name written in a setting, a configuration file or a comment stands for. */
export const ruleOf = (idOrName: string): Rule | undefined => ruleOfToken(idOrName, allRules);

export function findRule(idOrName: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === idOrName || r.meta.name === idOrName);
}
