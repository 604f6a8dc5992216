// The built language server (dist/server.js) over stdio, spoken to as an editor would: diagnostics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { check } from '../../server/src/core/service/check';
import { type LspClient, applyLspEdits, positionOf, seedText, seedUri, startServer } from '../../scripts/lsp-client';

const SEEDS = ['000_62a988e64cb0ac5c.txt', '001_592af5ca0dea8887.txt', '002_5d8db5c6007b71c2.txt', '003_5e8b3a9a41b72c94.txt', '004_726ada126d26dda0.txt'];
/** Errors and warnings each seed must produce (test/fixtures/seeds/README.md), as code@line (1-based). */
const SERIOUS: Record<string, string[]> = {
  '000_62a988e64cb0ac5c.txt': [],
  '001_592af5ca0dea8887.txt': ['GK203@46', 'GK204@51'],
  '002_5d8db5c6007b71c2.txt': [],
  '003_5e8b3a9a41b72c94.txt': [],
  '004_726ada126d26dda0.txt': ['GK201@31', 'GK201@33', 'GK201@35'],
};

let client: LspClient;
before(async () => {
  client = await startServer();
});
after(() => client.shutdown());

describe('diagnostics over stdio', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: the expected diagnostics, the same as the core's, with code, source and rule page`, async () => {
      const text = seedText(seed);
      const uri = seedUri(seed);
      client.open(uri, text);
      const { params } = await client.diagnostics(uri, 1);
      const serious = params.diagnostics.filter((d: any) => d.severity <= 2).map((d: any) => `${d.code}@${d.range.start.line + 1}`);
      assert.deepEqual(serious, SERIOUS[seed]);
      assert.deepEqual(
        params.diagnostics.map((d: any) => d.code),
        check(text).findings.map((f) => f.ruleId),
        'the server reports what the core finds',
      );
      for (const d of params.diagnostics) {
        assert.equal(d.source, 'gkreport');
        assert.match(d.codeDescription.href, new RegExp(`^file://.*/docs/rules/${d.code}\\.md$`));
      }
      const status = await client.wait((m) => m.method === 'gkreport/status' && m.params.uri === uri, 'status');
      assert.equal(status.params.isReport, true);
      assert.equal(status.params.errors, params.diagnostics.filter((d: any) => d.severity === 1).length);
      client.close(uri);
    });
  }

  test('status names year and layout', async () => {
    const status = await client.wait((m) => m.method === 'gkreport/status' && m.params.uri === seedUri(SEEDS[0]), 'status of 000');
    assert.deepEqual({ year: status.params.year, layout: status.params.layout, errors: status.params.errors }, { year: 2023, layout: '2021', errors: 0 });
  });

  test('an incremental edit of a cell → GK301 on that cell; its quick fix clears it and changes nothing else; close clears', async () => {
    const uri = 'file:///tmp/gkreport-lsp-edit.gkreport';
    const seed = seedText(SEEDS[0]);
    client.open(uri, seed, 'gkreport');
    const first = await client.diagnostics(uri, 1);
    // Rewrite `1093` (the 予以公开 total) as `1039` with a ranged, incremental change.
    const at = positionOf(seed, '| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | '.length);
    const range = { start: at, end: { line: at.line, character: at.character + 4 } };
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '1039' }] });
    const second = await client.diagnostics(uri, 2);
    const total = second.params.diagnostics.find((d: any) => d.code === 'GK301');
    assert.ok(total, 'a wrong row total is reported');
    assert.deepEqual(total.range, range, 'on the edited cell');
    assert.equal(total.severity, 1);

    const actions = await client.call('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [total], only: ['quickfix'] } });
    const preferred = actions.find((a: any) => a.isPreferred);
    assert.ok(preferred, 'a preferred quick fix');
    assert.equal(preferred.kind, 'quickfix');
    assert.match(preferred.title, /1093/);
    const edits = preferred.edit.changes[uri];
    const broken = applyLspEdits(seed, [{ range, newText: '1039' }]);
    const fixed = applyLspEdits(broken, edits);
    assert.equal(fixed, seed, 'the fix restores exactly the original text');
    client.change(uri, 3, fixed);
    const third = await client.diagnostics(uri, 3);
    assert.deepEqual(third.params.diagnostics, first.params.diagnostics, 'nothing else changed');

    client.close(uri);
    const cleared = await client.wait(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === undefined,
      'cleared diagnostics',
    );
    assert.deepEqual(cleared.params.diagnostics, []);
  });

  test('stale versions are dropped: after a burst of edits only the last version is published', async () => {
    const uri = 'file:///tmp/gkreport-lsp-burst.gkreport';
    const seed = seedText(SEEDS[0]);
    client.open(uri, seed, 'gkreport');
    await client.diagnostics(uri, 1);
    for (let v = 2; v <= 20; v++) client.change(uri, v, seed.replace('| 1093 |', `| ${1000 + v} |`));
    const last = await client.diagnostics(uri, 20);
    assert.ok(last.params.diagnostics.some((d: any) => d.code === 'GK301'));
    const published = client.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).map((m) => m.params.version);
    assert.ok(published.length < 10, `debounced: ${published.join(',')}`);
    assert.deepEqual(published, [...published].sort((a, b) => a - b), 'never an older version after a newer one');
    client.close(uri);
  });

  test('a plain-text file that is not a report gets no diagnostics', async () => {
    const uri = 'file:///tmp/notes.txt';
    client.open(uri, '购物清单\n一、牛奶\n');
    const { params } = await client.diagnostics(uri);
    assert.deepEqual(params.diagnostics, []);
  });

  test('a malformed request gets an error response and the server keeps serving', async () => {
    const bad = await client.request('textDocument/hover', {});
    assert.ok(bad.error, 'an error response');
    const unknown = await client.request('gkreport/noSuchRequest', {});
    assert.equal(unknown.error?.code, -32601);
    const closed = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///never/opened.txt' } });
    assert.ok(closed.error, 'a request on a closed document is an error');
    client.send({ id: 'x', method: 'textDocument/codeAction', params: { textDocument: { uri: 42 } } });
    const answered = await client.wait((m) => m.id === 'x' && m.method === undefined, 'the answer to a malformed code action');
    assert.ok(answered.error);
    const uri = seedUri(SEEDS[0]);
    client.open(uri, seedText(SEEDS[0]), 'plaintext', 7);
    await client.diagnostics(uri, 7);
    const symbols = await client.call('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'still serving');
    client.close(uri);
  });
});
