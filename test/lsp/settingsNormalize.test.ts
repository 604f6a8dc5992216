// The settings section as clients send it, normalised: tolerant of missing and ill-typed values.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, localeOf, normalizeSettings } from '../../server/src/lsp/settings';

describe('settings', () => {
  it('defaults for nothing or garbage', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ run: 'sometimes', debounce: 'fast', locale: 'fr', rules: 'all' }), DEFAULT_SETTINGS);
  });

  it('rule settings by id (any case) or name; "off" is false; unknown values are dropped', () => {
    const s = normalizeSettings({ rules: { gk301: 'off', 'cell-empty': 'hint', GK209: true, GK201: 'loud' } });
    assert.deepEqual(s.rules, { GK301: false, 'cell-empty': 'hint', GK209: true });
  });

  it('run, debounce (clamped), fixAll.includeTotals, locale, detectReports', () => {
    const s = normalizeSettings({ run: 'onSave', debounce: -5, fixAll: { includeTotals: true }, locale: 'en', detectReports: false });
    assert.deepEqual(s, { rules: {}, run: 'onSave', debounce: 0, fixAllIncludeTotals: true, locale: 'en', detectReports: false });
    assert.equal(normalizeSettings({ debounce: 1e9 }).debounce, 10_000);
  });

  it('locale "auto" follows the editor, zh-cn when it says nothing', () => {
    assert.equal(localeOf(DEFAULT_SETTINGS, 'en-US'), 'en');
    assert.equal(localeOf(DEFAULT_SETTINGS, 'zh-tw'), 'zh-cn');
    assert.equal(localeOf(DEFAULT_SETTINGS, undefined), 'zh-cn');
    assert.equal(localeOf({ ...DEFAULT_SETTINGS, locale: 'zh-cn' }, 'en'), 'zh-cn');
  });
});
