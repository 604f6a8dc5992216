// Every fix the core offers becomes a code action, matched to its diagnostic by code, range and
// data; over the seeds and the real reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { codeActionsFor } from '../../server/src/lsp/codeActions';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { root } from '../../scripts/lsp-client';

const files = ['seeds', 'real'].flatMap((dir) =>
  readdirSync(join(root, 'test', 'fixtures', dir))
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .map((f) => join(root, 'test', 'fixtures', dir, f)),
);

describe('code actions for every fix', () => {
  for (const file of files) {
    it(file.split('/').slice(-2).join('/'), () => {
      const document = TextDocument.create(pathToFileURL(file).href, 'plaintext', 1, readFileSync(file, 'utf8'));
      const analysis = new AnalysisCache(() => document).get(document, DEFAULT_SETTINGS, 'en', 0);
      assert.ok(analysis.isReport);
      let offered = 0;
      analysis.diagnostics.forEach((diagnostic, i) => {
        const finding = analysis.findings[i];
        const actions = codeActionsFor(analysis, { textDocument: { uri: document.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } }, { includeTotals: false, resolveEdits: false });
        assert.deepEqual(actions.map((a) => a.title), finding.fixes.map((f) => f.title.en), `${diagnostic.code} at line ${diagnostic.range.start.line + 1}`);
        assert.deepEqual(actions.map((a) => a.isPreferred), finding.fixes.map((f) => f.preferred === true));
        offered += actions.length;
      });
      // A diagnostic whose data differs (another version's) is not matched: no action from message text.
      const first = analysis.diagnostics.find((_diagnostic, i) => analysis.findings[i].fixes.length > 0);
      if (first) {
        const stale = { ...first, data: { other: true }, message: first.message };
        const none = codeActionsFor(analysis, { textDocument: { uri: document.uri }, range: first.range, context: { diagnostics: [stale], only: ['quickfix'] } }, { includeTotals: false, resolveEdits: false });
        assert.deepEqual(none, []);
      }
      assert.equal(offered, analysis.findings.reduce((n, f) => n + f.fixes.length, 0));
    });
  }
});
