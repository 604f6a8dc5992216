// The configuration file the CLI and the language server share, found as markdownlint-cli2 finds its
// own: `.gkreport.jsonc` or `gkreport.config.json` (JSON with comments), in the report's folder or the
// nearest folder above it, up to the root of the file system. The nearest file is the whole
// configuration (files further up are not merged in); two in one folder: `.gkreport.jsonc` is used.
//
//   {
//     "rules": { "GK209": "off", "narrative-number": "error" },   // by id or name, as gkreport.rules
//     "ignores": ["drafts/**", "**/*-old.txt"],                  // globs, relative to this file's folder
//     "locale": "en"
//   }
//
// A value that makes no sense (an unknown rule, a severity that is none, a key that is none) is a
// problem: one sentence naming the file, line and column. The CLI stops on it (exit 2); the editor shows
// it on the report and applies the rest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { LineIndex, msg, ruleOf, type Locale, type Localized, type RuleSetting, type Severity } from '../core';
import { describeFsError } from './errors';

/** Names of the configuration file, in the order they are looked for in one folder. */
export const CONFIG_FILES = ['.gkreport.jsonc', 'gkreport.config.json'] as const;

/** Values a rule takes, in a configuration file, the `gkreport.rules` setting and `--rule`. */
export const RULE_VALUES = ['error', 'warning', 'info', 'hint', 'off', 'on', true, false] as const;
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint'];
const LOCALES: readonly string[] = ['zh-cn', 'en'];
const KEYS = ['rules', 'ignores', 'locale', '$schema'];

/** A rule value as users write it: off/false, on/true (default severity), or a severity; undefined when it is none. */
export function ruleSettingOf(value: unknown): RuleSetting | undefined {
  if (value === true || value === false) return value;
  if (value === 'off') return false;
  if (value === 'on') return true;
  return typeof value === 'string' && SEVERITIES.includes(value) ? (value as Severity) : undefined;
}

const valuesText = RULE_VALUES.map(String);

/** Problems with rule settings, worded the same wherever they are written. */
export const ruleProblems = {
  unknownRule: (where: string, rule: string) =>
    msg(`${where}未知规则“${rule}”（规则编号如 GK209，名称如 header-label）`, `${where}unknown rule "${rule}" (an id is like GK209, a name like header-label)`),
  badValue: (where: string, rule: string, value: string) =>
    msg(
      `${where}规则 ${rule} 的取值“${value}”无效，可选：${valuesText.join('、')}`,
      `${where}invalid value "${value}" for rule ${rule}; expected one of: ${valuesText.join(', ')}`,
    ),
};

/**
 * Rule settings keyed by id from settings keyed by id or name: what is unknown or invalid becomes a
 * problem (`where` prefixes it, e.g. the file and line) and is left out.
 */
export function resolveRuleSettings(entries: Iterable<[string, unknown, string?]>): { rules: Record<string, RuleSetting>; problems: Localized[] } {
  const rules: Record<string, RuleSetting> = {};
  const problems: Localized[] = [];
  for (const [key, value, where = ''] of entries) {
    const rule = ruleOf(key);
    if (!rule) {
      problems.push(ruleProblems.unknownRule(where, key));
      continue;
    }
    const setting = ruleSettingOf(value);
    if (setting === undefined) problems.push(ruleProblems.badValue(where, key, typeof value === 'string' ? value : JSON.stringify(value)));
    else rules[rule.meta.id] = setting;
  }
  return { rules, problems };
}

/** A configuration file, read. */
export interface ReportConfig {
  file: string;
  /** The folder the file is in: `ignores` are relative to it. */
  dir: string;
  /** Rule settings by rule id. */
  rules: Record<string, RuleSetting>;
  ignores: string[];
  locale?: Locale;
  /** What is wrong in the file (those entries are left out); empty when all is well. */
  problems: Localized[];
  /** Whether the file (an absolute path) matches one of `ignores`. */
  ignored(file: string): boolean;
}

/** A path relative to a folder with forward slashes, as globs are written; undefined outside the folder. */
export function relativeSlashed(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** A matcher of paths below `dir` against globs (picomatch; `dot` files match like others). */
export function globMatcher(dir: string, globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch(globs as string[], { dot: true });
  return (file) => {
    const rel = relativeSlashed(dir, path.resolve(file));
    return rel !== undefined && match(rel);
  };
}

/** Parses the text of a configuration file. Never throws: what is wrong is in `problems`. */
export function parseConfig(text: string, file: string): ReportConfig {
  const index = new LineIndex(text);
  const at = (offset: number) => {
    const { line, character } = index.positionAt(offset);
    return `${file}:${line + 1}:${character + 1}: `;
  };
  const problems: Localized[] = [];
  const errors: ParseError[] = [];
  const root: Node | undefined = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors.slice(0, 1)) {
    problems.push(msg(`${at(e.offset)}JSON 语法错误（${printParseErrorCode(e.error)}）`, `${at(e.offset)}JSON syntax error (${printParseErrorCode(e.error)})`));
  }
  const dir = path.dirname(path.resolve(file));
  const config: ReportConfig = { file, dir, rules: {}, ignores: [], problems, ignored: () => false };
  if (errors.length > 0) return config;
  if (!root || root.type !== 'object') {
    problems.push(msg(`${at(root?.offset ?? 0)}配置应为一个 JSON 对象`, `${at(root?.offset ?? 0)}the configuration must be a JSON object`));
    return config;
  }
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!KEYS.includes(key)) {
      problems.push(msg(`${at(keyNode.offset)}未知的配置项“${key}”，可用：rules、ignores、locale`, `${at(keyNode.offset)}unknown key "${key}"; expected rules, ignores or locale`));
    } else if (key === 'rules') {
      if (valueNode.type !== 'object') {
        problems.push(msg(`${at(valueNode.offset)}rules 应为对象，如 { "GK209": "off" }`, `${at(valueNode.offset)}rules must be an object such as { "GK209": "off" }`));
        continue;
      }
      const entries = (valueNode.children ?? []).flatMap((p): [string, unknown, string][] => {
        const [k, v] = p.children ?? [];
        return k && v ? [[String(k.value), v.type === 'object' || v.type === 'array' ? text.slice(v.offset, v.offset + v.length) : v.value, at(k.offset)]] : [];
      });
      const resolved = resolveRuleSettings(entries);
      config.rules = resolved.rules;
      problems.push(...resolved.problems);
    } else if (key === 'ignores') {
      const globs = valueNode.type === 'array' ? (valueNode.children ?? []) : undefined;
      const bad = globs === undefined ? valueNode : globs.find((g) => g.type !== 'string' || g.value === '');
      if (bad) {
        problems.push(msg(`${at(bad.offset)}ignores 应为非空字符串（glob）的数组`, `${at(bad.offset)}ignores must be an array of non-empty strings (globs)`));
        continue;
      }
      config.ignores = globs!.map((g) => String(g.value));
    } else if (key === 'locale') {
      if (typeof valueNode.value === 'string' && LOCALES.includes(valueNode.value)) config.locale = valueNode.value as Locale;
      else problems.push(msg(`${at(valueNode.offset)}locale 的取值无效，可选：zh-cn、en`, `${at(valueNode.offset)}invalid locale; expected zh-cn or en`));
    }
  }
  config.ignored = globMatcher(dir, config.ignores);
  return config;
}

/** Reads and parses a configuration file; an unreadable one is a configuration with that one problem. */
export function loadConfig(file: string): ReportConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const config = parseConfig('{}', file);
    config.problems.push(describeFsError(error, file));
    return config;
  }
  return parseConfig(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}

/** The configuration that governs a file, and a second file in the same folder that was passed over. */
export interface Governing {
  config?: ReportConfig;
  /** A `gkreport.config.json` beside the `.gkreport.jsonc` that is used. */
  shadowed?: string;
}

interface Found {
  file: string;
  shadowed?: string;
  stamp: string;
}

function stampOf(file: string): string | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? `${stat.size}:${stat.mtimeMs}` : undefined;
}

/**
 * Finds the configuration of each file: the nearest configuration file from the file's folder up to
 * the root, or one fixed file for every file (`--config`). `fresh`: look again on every call (the
 * editor: files come and go and change), else each folder's answer is kept (a CLI run).
 */
export class ConfigResolver {
  private readonly folders = new Map<string, Found | null>();
  private readonly parsed = new Map<string, { stamp: string; config: ReportConfig }>();

  constructor(private readonly options: { fixed?: string; fresh?: boolean } = {}) {}

  /** The configuration of a file (absolute or relative to the working folder). */
  forFile(file: string): Governing {
    return this.forFolder(path.dirname(path.resolve(file)));
  }

  /** The configuration of the files in a folder. */
  forFolder(folder: string): Governing {
    if (this.options.fixed !== undefined) return { config: this.read(this.options.fixed, stampOf(this.options.fixed) ?? 'missing') };
    const found = this.find(path.resolve(folder));
    return found ? { config: this.read(found.file, found.stamp), ...(found.shadowed ? { shadowed: found.shadowed } : {}) } : {};
  }

  private find(start: string): Found | undefined {
    const visited: string[] = [];
    let found: Found | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      const known = this.options.fresh ? undefined : this.folders.get(dir);
      if (known !== undefined) {
        found = known ?? undefined;
        break;
      }
      visited.push(dir);
      const here = CONFIG_FILES.map((name) => path.join(dir, name)).flatMap((file) => {
        const stamp = stampOf(file);
        return stamp ? [{ file, stamp }] : [];
      });
      if (here.length > 0) {
        found = { ...here[0], ...(here.length > 1 ? { shadowed: here[1].file } : {}) };
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    if (!this.options.fresh) for (const dir of visited) this.folders.set(dir, found ?? null);
    return found;
  }

  private read(file: string, stamp: string): ReportConfig {
    const cached = this.parsed.get(file);
    if (cached && cached.stamp === stamp) return cached.config;
    const config = loadConfig(file);
    this.parsed.set(file, { stamp, config });
    return config;
  }
}
