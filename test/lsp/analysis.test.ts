// The per-version check cache and the workspace seam for cross-report rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, openReports } from '../../server/src/lsp/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import type { OtherReport } from '../../server/src/core/rules/types';
import { seedText } from '../../scripts/lsp-client';

const doc = (uri: string, text: string, version = 1, languageId = 'plaintext') => TextDocument.create(uri, languageId, version, text);

describe('analysis cache', () => {
  it('one check per version, settings generation and locale', () => {
    const a = doc('file:///a.txt', seedText('000_62a988e64cb0ac5c.txt'));
    const cache = new AnalysisCache(() => a);
    const first = cache.get(a, DEFAULT_SETTINGS, 'zh-cn', 0);
    assert.equal(cache.get(a, DEFAULT_SETTINGS, 'zh-cn', 0), first, 'the same result object: nothing re-parsed');
    assert.notEqual(cache.get(a, DEFAULT_SETTINGS, 'zh-cn', 1), first, 'new settings, new check');
    assert.equal(cache.get(a, DEFAULT_SETTINGS, 'en', 1).model, first.model, 'the parse is shared across checks of a version');
    const b = TextDocument.update(a, [{ text: seedText('004_726ada126d26dda0.txt') }], 2);
    assert.ok(cache.get(b, DEFAULT_SETTINGS, 'en', 1).diagnostics.some((d) => d.code === 'GK201'));
  });

  it('other text files are not parsed and get nothing', () => {
    const notes = doc('file:///notes.md', '# 购物清单\n一、牛奶 | 2 |\n');
    const analysis = new AnalysisCache(() => notes).get(notes, DEFAULT_SETTINGS, 'zh-cn', 0);
    assert.equal(analysis.isReport, false);
    assert.deepEqual(analysis.diagnostics, []);
    assert.equal(analysis.model.tables.length, 0);
  });

  it('the workspace seam: the provider is asked for each document, and by default gives the other open reports', () => {
    const a = doc('file:///a.txt', seedText('000_62a988e64cb0ac5c.txt'));
    const b = doc('file:///b.txt', seedText('003_5e8b3a9a41b72c94.txt'));
    const notes = doc('file:///notes.txt', '购物清单');
    const open = [a, b, notes];
    const cache = new AnalysisCache((uri) => open.find((d) => d.uri === uri));
    const asked: string[] = [];
    let given: OtherReport[] = [];
    const byDefault = openReports(cache, () => open);
    cache.workspace = (uri, model) => {
      asked.push(uri);
      given = byDefault(uri, model);
      return given;
    };
    cache.get(a, DEFAULT_SETTINGS, 'zh-cn', 0);
    assert.deepEqual(asked, ['file:///a.txt']);
    assert.deepEqual(given.map((r) => r.file), ['file:///b.txt'], 'the other report, not the notes');
    assert.equal(given[0].model.meta.reportYear, 2023);
  });
});
