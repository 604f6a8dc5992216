// The built language server (dist/server.js over stdio) under bad and heavy input: it answers or
// errors cleanly and keeps serving. Spoken to through the protocol only, never its internals.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { check } from '../../server/src/core/service/check';
import { generateReport } from '../../scripts/gen-report';
import { type LspClient, startServer } from '../../scripts/lsp-client';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '000_62a988e64cb0ac5c.txt'), 'utf8');
let client: LspClient;
let opened = 0;

/** Opens a fresh copy of the seed and waits for its diagnostics: proof that the server still serves. */
async function stillServing(server = client): Promise<void> {
  const client = server;
  const uri = `file:///robustness/alive-${++opened}.gkreport`;
  const from = client.received.length;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gkreport', version: 1, text: seed } });
  const published = await client.diagnostics(uri, 1, from);
  assert.ok(published.params.diagnostics.length > 0, 'the seed has its usual infos');
  client.notify('textDocument/didClose', { textDocument: { uri } });
}

const NO_DEBOUNCE = { settings: { debounce: 0 } };

before(async () => {
  client = await startServer({ initializationOptions: NO_DEBOUNCE });
  assert.ok(client.initializeResult.capabilities, 'initialize answers with capabilities');
});

after(async () => {
  await client.shutdown();
});

describe('malformed and unexpected messages', () => {
  test('a body that is not JSON: the server goes on serving', async () => {
    const body = Buffer.from('{"jsonrpc":"2.0","id":99,"method":', 'utf8');
    client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    await stillServing();
  });

  test('JSON that is not a JSON-RPC message, and a batch array: the server goes on serving', async () => {
    for (const text of ['{"hello":"world"}', '[1,2,3]', '"just a string"', 'null']) {
      const body = Buffer.from(text, 'utf8');
      client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    }
    await stillServing();
  });

  test('an unknown request gets MethodNotFound; an unknown notification is ignored', async () => {
    const answer = await client.request('gkreport/noSuchMethod', { x: 1 });
    assert.equal(answer.error?.code, -32601);
    client.notify('gkreport/noSuchNotification', {});
    client.notify('$/noSuchThing', {});
    await stillServing();
  });

  test('notifications with missing or wrongly typed params do not bring the server down', async () => {
    client.notify('textDocument/didOpen', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///robustness/bad.txt', languageId: 'plaintext', version: 'one', text: 42 } });
    client.notify('textDocument/didChange', { textDocument: null, contentChanges: 'all of it' });
    client.notify('textDocument/didClose', { textDocument: { uri: 42 } });
    client.notify('workspace/didChangeConfiguration', { settings: 'not an object' });
    await stillServing();
  });
});

describe('documents that are not open', () => {
  const uri = 'file:///robustness/never-opened.gkreport';

  test('changes and closes of a document never opened are ignored', async () => {
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: seed }] });
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await stillServing();
  });

  test('requests about a closed document are answered (a result or an error), never left hanging', async () => {
    const closed = 'file:///robustness/closed.gkreport';
    client.notify('textDocument/didOpen', { textDocument: { uri: closed, languageId: 'gkreport', version: 1, text: seed } });
    client.notify('textDocument/didClose', { textDocument: { uri: closed } });
    const position = { line: 3, character: 2 };
    const range = { start: position, end: position };
    const requests: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: closed }, position }],
      ['textDocument/codeAction', { textDocument: { uri: closed }, range, context: { diagnostics: [] } }],
      ['textDocument/completion', { textDocument: { uri: closed }, position }],
      ['workspace/executeCommand', { command: 'gkreport.server.recomputeTotals', arguments: [closed] }],
      ['workspace/executeCommand', { command: 'gkreport.server.insertTable', arguments: [closed, position, '三'] }],
    ];
    for (const [method, params] of requests) {
      const answer = await client.request(method, params);
      assert.ok('result' in answer || answer.error !== undefined, `${method} is answered`);
    }
    await stillServing();
  });
});

describe('heavy use', () => {
  test('a burst of 500 edits: the last diagnostics are those of the last version', async () => {
    const uri = 'file:///robustness/burst.gkreport';
    let text = seed;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gkreport', version: 1, text } });
    const cell = '| 2446 |';
    const at = text.indexOf(cell) + 2;
    assert.ok(at > 1, 'the seed has the cell edited');
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1);
    for (let version = 2; version <= 501; version++) {
      const value = String(1000 + (version % 9000)).padStart(4, '0');
      const range = { start: { line, character }, end: { line, character: character + 4 } };
      text = text.slice(0, at) + value + text.slice(at + 4);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: value }] });
    }
    const last = await client.diagnostics(uri, 501, 0, 60_000);
    const expected = check(text).findings;
    assert.equal(last.params.diagnostics.length, expected.length, 'the diagnostics are those of the final text');
    assert.deepEqual(
      last.params.diagnostics.map((d: { code: string }) => d.code).sort(),
      expected.map((f) => f.ruleId).sort(),
    );
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await stillServing();
  });

  test('closing a document while it is being checked: its diagnostics end empty, the server still serves', async () => {
    const uri = 'file:///robustness/closed-while-checking.gkreport';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gkreport', version: 1, text: generateReport(2 * 1024 * 1024, 9) } });
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await stillServing();
    const published = client.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    assert.ok(published.length > 0, 'the close is answered with empty diagnostics');
    assert.deepEqual(published[published.length - 1].params.diagnostics, [], 'nothing stale is left after the close');
  });

  test('a 10 MB document is checked, the server still serves, and its memory returns promptly after it closes', async () => {
    // As the VS Code client runs it: with --expose-gc, the server collects once a big document closes.
    const server = await startServer({ initializationOptions: NO_DEBOUNCE, execArgv: ['--expose-gc'] });
    try {
      await stillServing(server);
      const base = server.memory().rss;
      const uri = 'file:///robustness/ten-megabytes.gkreport';
      const from = server.received.length;
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gkreport', version: 1, text: generateReport(10 * 1024 * 1024, 13) } });
      const published = await server.diagnostics(uri, 1, from, 120_000);
      assert.ok(Array.isArray(published.params.diagnostics));
      const loaded = server.memory().rss;
      server.notify('textDocument/didClose', { textDocument: { uri } });
      // Round trips, not sleeps: each one lets the collection (a later tick) and the sweepers run.
      const target = base + (loaded - base) / 2;
      const deadline = Date.now() + 30_000;
      let now = server.memory().rss;
      while (now > target && Date.now() < deadline) {
        await stillServing(server);
        now = server.memory().rss;
      }
      const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
      assert.ok(now <= target, `RSS ${mb(now)} after closing; ${mb(base)} before opening, ${mb(loaded)} with the document open`);
    } finally {
      await server.shutdown();
    }
  });

  test('without --expose-gc, closing a big document leaves the server serving (V8 frees in its own time)', async () => {
    const uri = 'file:///robustness/two-megabytes.gkreport';
    const from = client.received.length;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gkreport', version: 1, text: generateReport(2 * 1024 * 1024, 13) } });
    const published = await client.diagnostics(uri, 1, from, 60_000);
    assert.ok(published.params.diagnostics.length > 0, 'the big document is checked');
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await stillServing();
  });
});
