// Picking a language for user-facing strings.
import type { Locale, Localized } from './types';

export function localize(text: Localized, locale: Locale): string {
  return text[locale];
}

/** zh-cn for any Chinese UI language, English otherwise. */
export function pickLocale(language: string | undefined): Locale {
  return language && language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function msg(zh: string, en: string): Localized {
  return { 'zh-cn': zh, en };
}
