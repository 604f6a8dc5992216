// The `gkreport` settings section: pulled with workspace/configuration when the client supports it,
// else taken from initializationOptions.settings or didChangeConfiguration (same shape).
import type { Connection } from 'vscode-languageserver/node';
import { pickLocale, type Locale, type Localized, type RuleSetting } from '../core';
import { resolveRuleSettings, ruleSettingOf } from '../host/config';

export interface Settings {
  /** Rule id or name → severity, on (default severity) or off. */
  rules: Record<string, RuleSetting>;
  run: 'onType' | 'onSave';
  /** Milliseconds after the last edit before checking; 0 checks at once. */
  debounce: number;
  fixAllIncludeTotals: boolean;
  locale: 'auto' | Locale;
  detectReports: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  run: 'onType',
  debounce: 250,
  fixAllIncludeTotals: false,
  locale: 'auto',
  detectReports: true,
};

/** A debounce longer than this is a typo, not a wish. */
const MAX_DEBOUNCE_MS = 10_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong in the settings a client sent (unknown rules, invalid values), kept beside the normalised settings. */
const problemsOf = new WeakMap<Settings, Localized[]>();

/** The problems of settings made by normalizeSettings: each report shows them as a diagnostic. */
export function settingsProblems(settings: Settings): Localized[] {
  return problemsOf.get(settings) ?? [];
}

/** Settings from whatever the client sent; unknown or ill-typed values fall back to the defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const s = isObject(raw) ? raw : {};
  const rules: Record<string, RuleSetting> = {};
  let problems: Localized[] = [];
  if (isObject(s.rules)) {
    problems = resolveRuleSettings(Object.entries(s.rules).map(([key, value]) => [key, value, 'gkreport.rules: '])).problems;
    for (const [key, value] of Object.entries(s.rules)) {
      const setting = ruleSettingOf(value);
      // Rule ids are case-insensitive for users (gk301 = GK301).
      if (setting !== undefined) rules[/^gk\d+$/i.test(key) ? key.toUpperCase() : key] = setting;
    }
  }
  const fixAll = isObject(s.fixAll) ? s.fixAll : {};
  const debounce = typeof s.debounce === 'number' && Number.isFinite(s.debounce) ? Math.min(Math.max(0, s.debounce), MAX_DEBOUNCE_MS) : DEFAULT_SETTINGS.debounce;
  const settings: Settings = {
    rules,
    run: s.run === 'onSave' ? 'onSave' : 'onType',
    debounce,
    fixAllIncludeTotals: fixAll.includeTotals === true || s['fixAll.includeTotals'] === true,
    locale: s.locale === 'zh-cn' || s.locale === 'en' ? s.locale : 'auto',
    detectReports: s.detectReports !== false,
  };
  if (problems.length > 0) problemsOf.set(settings, problems);
  return settings;
}

/** The language of messages: the setting, or the editor's UI language for "auto". */
export function localeOf(settings: Settings, editorLocale: string | undefined): Locale {
  return settings.locale === 'auto' ? (editorLocale ? pickLocale(editorLocale) : 'zh-cn') : settings.locale;
}

/** Holds the current settings; `generation` changes whenever they may have changed. */
export class SettingsStore {
  private current: Settings | undefined;
  private fallback: Settings;
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions: unknown,
  ) {
    this.fallback = normalizeSettings(isObject(initializationOptions) ? initializationOptions.settings : undefined);
  }

  async get(): Promise<Settings> {
    if (this.current) return this.current;
    if (!this.canPull) return this.fallback;
    const generation = this.generation;
    try {
      const [section] = await this.connection.workspace.getConfiguration([{ section: 'gkreport' }]);
      const settings = normalizeSettings(section);
      if (generation === this.generation) this.current = settings;
      return settings;
    } catch (error) {
      this.connection.console.warn(`gkreport: could not read settings: ${String(error)}`);
      return this.fallback;
    }
  }

  /** The last settings read, without waiting (handlers that must answer at once). */
  peek(): Settings {
    return this.current ?? this.fallback;
  }

  /** didChangeConfiguration: clients without workspace/configuration push the section here. */
  changed(pushed: unknown): void {
    if (!this.canPull && isObject(pushed) && pushed.gkreport !== undefined) this.fallback = normalizeSettings(pushed.gkreport);
    this.current = undefined;
    this.generation++;
  }
}
