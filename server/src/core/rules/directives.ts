// What suppression comments do: which rules their ids name, and which findings they silence.
// `<!-- gkreport-disable-next-line GK209 -->` silences the rules it names (none named: every rule) on
// the next line that is not itself a comment; `<!-- gkreport-disable … -->` … `<!-- gkreport-enable … -->`
// silences them on the lines between. A finding is on the line where its span starts.
// The registry (index.ts) hands its rule list here, so the rules (GK108) can ask without importing it.
import type { Directive, ReportModel } from '../model/model';
import type { Finding, Rule } from './types';

let registered: readonly Rule[] = [];

/** Called once by the registry with every rule. */
export function registerRules(rules: readonly Rule[]): void {
  registered = rules;
}

/** The rule an id (any case: gk209 = GK209) or name written by a user stands for, or undefined. */
export function ruleOfToken(token: string, rules: readonly Rule[] = registered): Rule | undefined {
  const id = token.length > 2 && (token[0] === 'g' || token[0] === 'G') && (token[1] === 'k' || token[1] === 'K') ? 'GK' + token.slice(2) : token;
  return rules.find((r) => r.meta.id === id || r.meta.name === token);
}

/** Which rules a state of the comments silences: every rule but some, or some. */
interface Silenced {
  all: boolean;
  /** With `all`: the rules enabled again; without: the rules disabled. */
  except: Set<string>;
}

const silences = (s: Silenced, ruleId: string) => (s.all ? !s.except.has(ruleId) : s.except.has(ruleId));

/** The rule ids a directive names (unknown words left out: GK108 reports them); undefined for every rule. */
function namedRules(directive: Directive): string[] | undefined {
  if (directive.rules.length === 0) return undefined;
  return directive.rules.flatMap((t) => {
    const rule = ruleOfToken(t.text);
    return rule ? [rule.meta.id] : [];
  });
}

function apply(state: Silenced, directive: Directive): Silenced {
  const ids = namedRules(directive);
  if (ids === undefined) return { all: directive.kind === 'disable', except: new Set() };
  const except = new Set(state.except);
  // disable X: silenced unless excepted (all) / add it (some); enable X: the other way round.
  const add = (directive.kind === 'disable') !== state.all;
  for (const id of ids) {
    if (add) except.add(id);
    else except.delete(id);
  }
  return { all: state.all, except };
}

/** Index of the line holding an offset (lines in order, by their start). */
function lineAt(model: ReportModel, offset: number): number {
  const { lines } = model;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The last of some changes (in line order) at or before a line. */
function lastAtOrBefore<T extends { line: number }>(changes: readonly T[], line: number): T | undefined {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? changes[lo - 1] : undefined;
}

/**
 * The findings the model's suppression comments leave standing, in the same order: one pass
 * over the comments, then two binary searches per finding (its line, the block state there).
 */
export function unsuppressed(model: ReportModel, findings: Finding[]): Finding[] {
  const directives = model.directives;
  if (!directives || directives.length === 0 || findings.length === 0) return findings;
  // Per line where something changes: the block state from that line on, and the next-line silences.
  const blockChanges: { line: number; state: Silenced }[] = [];
  const nextLine = new Map<number, Silenced[]>();
  const isDirectiveLine = new Set(directives.map((d) => d.line));
  let state: Silenced = { all: false, except: new Set() };
  for (const d of directives) {
    if (d.kind === 'disable' || d.kind === 'enable') {
      state = apply(state, d);
      blockChanges.push({ line: d.line, state });
    } else if (d.kind === 'disable-next-line') {
      let target = d.line + 1;
      while (isDirectiveLine.has(target)) target++;
      const ids = namedRules(d);
      const silenced: Silenced = ids === undefined ? { all: true, except: new Set() } : { all: false, except: new Set(ids) };
      nextLine.set(target, [...(nextLine.get(target) ?? []), silenced]);
    }
  }
  return findings.filter((f) => {
    const line = lineAt(model, f.span.start);
    if (nextLine.get(line)?.some((s) => silences(s, f.ruleId))) return false;
    const current = lastAtOrBefore(blockChanges, line);
    return !(current && silences(current.state, f.ruleId));
  });
}
