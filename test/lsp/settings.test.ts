// Settings over the protocol: workspace/configuration, initializationOptions fallback, changes
// re-check open documents, locale, onSave mode, fix-all with totals; and pull diagnostics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyLspEdits, seedText, seedUri, startServer } from '../../scripts/lsp-client';

const QILIN = '004_726ada126d26dda0.txt';
const KUNMING = '000_62a988e64cb0ac5c.txt';

describe('settings', () => {
  test('pulled with workspace/configuration: rule off and severity change; didChangeConfiguration re-checks', async () => {
    let settings: object = { rules: { GK201: 'warning', 'header-label': 'off' } };
    const client = await startServer({ capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }, settings: () => settings });
    try {
      const registration = await client.wait((m) => m.method === 'client/registerCapability', 'registration for configuration changes');
      assert.equal(registration.params.registrations[0].method, 'workspace/didChangeConfiguration');
      const uri = seedUri(QILIN);
      client.open(uri, seedText(QILIN));
      const first = await client.diagnostics(uri, 1);
      const codes = first.params.diagnostics.map((d: any) => d.code);
      assert.ok(!codes.includes('GK209'), 'GK209 is off by name');
      const gk201 = first.params.diagnostics.filter((d: any) => d.code === 'GK201');
      assert.equal(gk201.length, 3);
      assert.ok(gk201.every((d: any) => d.severity === 2), 'GK201 as a warning');

      settings = { rules: { 'table-missing': false } };
      const count = client.received.length;
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const second = await client.diagnostics(uri, undefined, count);
      assert.ok(!second.params.diagnostics.some((d: any) => d.code === 'GK201'), 'GK201 switched off');
    } finally {
      await client.shutdown();
    }
  });

  test('initializationOptions.settings when the client cannot be asked; English messages with locale "en"', async () => {
    const client = await startServer({ initializationOptions: { settings: { rules: { gk201: 'error' }, locale: 'en' } } });
    try {
      const uri = seedUri(QILIN);
      client.open(uri, seedText(QILIN));
      const { params } = await client.diagnostics(uri, 1);
      const gk201 = params.diagnostics.find((d: any) => d.code === 'GK201');
      assert.match(gk201.message, /^Part 2 has no/);
      const actions = await client.call('textDocument/codeAction', { textDocument: { uri }, range: gk201.range, context: { diagnostics: [gk201] } });
      assert.ok(actions.some((a: any) => /^Insert a blank/.test(a.title)), 'English titles');
      const hover = await client.call('textDocument/hover', { textDocument: { uri }, position: gk201.range.start });
      assert.match(hover.contents.value, /Table 2/);
      const status = await client.wait((m) => m.method === 'gkreport/status' && m.params.uri === uri, 'status');
      assert.deepEqual([status.params.isReport, status.params.errors], [true, 3]);
    } finally {
      await client.shutdown();
    }
  });

  test('detectReports false: a .txt report is left alone, a .gkreport file is still checked', async () => {
    const client = await startServer({ initializationOptions: { settings: { detectReports: false } } });
    try {
      const text = seedText(QILIN);
      client.open(seedUri(QILIN), text);
      assert.deepEqual((await client.diagnostics(seedUri(QILIN), 1)).params.diagnostics, []);
      const status = await client.wait((m) => m.method === 'gkreport/status' && m.params.uri === seedUri(QILIN), 'status');
      assert.equal(status.params.isReport, false);
      client.open('file:///tmp/qilin.gkreport', text, 'gkreport');
      const checked = await client.diagnostics('file:///tmp/qilin.gkreport', 1);
      assert.equal(checked.params.diagnostics.filter((d: any) => d.code === 'GK201').length, 3);
    } finally {
      await client.shutdown();
    }
  });

  test('run "onSave": edits are checked only when saved; fix-all includes totals when allowed', async () => {
    const client = await startServer({ initializationOptions: { settings: { run: 'onSave', debounce: 0, fixAll: { includeTotals: true } } } });
    try {
      const uri = 'file:///tmp/gkreport-onsave.gkreport';
      const seed = seedText(KUNMING);
      client.open(uri, seed, 'gkreport');
      await client.diagnostics(uri, 1);
      const broken = seed.replace('| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
      client.change(uri, 2, broken);
      // A round trip: the server has handled the change before it answers.
      await client.call('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(!client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2), 'not checked before saving');
      client.notify('textDocument/didSave', { textDocument: { uri } });
      const saved = await client.diagnostics(uri, 2);
      assert.ok(saved.params.diagnostics.some((d: any) => d.code === 'GK301'));
      const actions = await client.call('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(actions.length, 1);
      assert.match(applyLspEdits(broken, actions[0].edit.changes[uri]), /\| 1 \| 10 \| 1 \| 1093 \|/, 'the total is fixed too');
    } finally {
      await client.shutdown();
    }
  });
});

describe('a client with pull diagnostics and lazy code action edits', () => {
  test('it pulls diagnostics (nothing is pushed); recompute-all gets its edit on codeAction/resolve', async () => {
    const client = await startServer({
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { resolveSupport: { properties: ['edit'] } } } },
    });
    try {
      const init = client.received.find((m) => m.result?.capabilities);
      assert.ok(init?.result.capabilities.diagnosticProvider, 'diagnosticProvider advertised');
      const uri = seedUri(QILIN);
      client.open(uri, seedText(QILIN));
      const report = await client.call('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(report.items.filter((d: any) => d.severity === 1).map((d: any) => d.code), ['GK201', 'GK201', 'GK201']);
      const status = await client.wait((m) => m.method === 'gkreport/status' && m.params.uri === uri, 'status');
      assert.equal(status.params.errors, 3);
      assert.ok(!client.received.some((m) => m.method === 'textDocument/publishDiagnostics'), 'no push in pull mode');
      const closed = await client.call('textDocument/diagnostic', { textDocument: { uri: 'file:///tmp/never-opened.txt' } });
      assert.deepEqual(closed, { kind: 'full', items: [] }, 'a document that is not open has nothing to report (an error would stop the client pulling it)');

      const other = 'file:///tmp/gkreport-lazy.gkreport';
      const broken = seedText(KUNMING).replace('| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
      client.open(other, broken, 'gkreport');
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const [lazy] = await client.call('textDocument/codeAction', { textDocument: { uri: other }, range, context: { diagnostics: [], only: ['source.recomputeTotals'] } });
      assert.equal(lazy.edit, undefined, 'no edit computed for the lightbulb');
      const resolved = await client.call('codeAction/resolve', lazy);
      assert.equal(applyLspEdits(broken, resolved.edit.changes[other]), seedText(KUNMING));
    } finally {
      await client.shutdown();
    }
  });
});
