// The LSP lifecycle of the built server (server/src/lsp/lifecycle.ts): nothing before initialize but
// exit, initialize once, nothing after shutdown but exit, and the exit codes — over stdio, and over
// IPC as the VS Code client starts it.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { LspClient, SERVER_PATH, seedText, startServer, type Message } from '../../scripts/lsp-client';

const BOUND_MS = 5_000;
const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
const INIT = { processId: null, rootUri: null, capabilities: {} };
const URI = 'file:///lifecycle/report.gkreport';
const position = { line: 0, character: 0 };

const servers: LspClient[] = [];
function spawnServer(): LspClient {
  const client = new LspClient();
  servers.push(client);
  return client;
}
after(async () => {
  await Promise.all(servers.map((s) => s.shutdown()));
  for (const s of servers) assert.equal(s.running, false, `server ${s.pid} is not left running`);
});

describe('before initialize', () => {
  test('every request gets ServerNotInitialized, notifications are dropped; then initialize works', async () => {
    const client = spawnServer();
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: URI }, position }],
      ['gkreport/templates', {}],
      ['gkreport/noSuchMethod', {}],
      ['shutdown', null],
    ] as const) {
      const answer = await client.request(method, params, BOUND_MS);
      assert.equal(answer.error?.code, SERVER_NOT_INITIALIZED, method);
      assert.match(answer.error!.message, new RegExp(`^gkreport: ${method} before initialize$`));
    }
    client.open(URI, seedText('000_62a988e64cb0ac5c.txt'), 'gkreport');
    const init = await client.request('initialize', INIT, BOUND_MS);
    assert.equal(init.result.serverInfo.name, 'gkreport');
    client.notify('initialized', {});
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } }, BOUND_MS);
    assert.equal(symbols.error?.code, INVALID_PARAMS, 'the didOpen before initialize was dropped: the document is not open');
    assert.match(symbols.error!.message, /document not open/);
  });

  test('exit before initialize ends the process with code 1', async () => {
    const client = spawnServer();
    client.notify('exit', null);
    assert.equal(await client.exitCodeWithin(BOUND_MS), 1);
  });

  test('initialize with malformed params gets InvalidParams and may be sent again', async () => {
    const client = spawnServer();
    for (const params of [null, {}, { processId: 'me', capabilities: {} }, { processId: null, capabilities: [] }, { processId: null, capabilities: {}, workspaceFolders: 'here' }]) {
      const answer = await client.request('initialize', params, BOUND_MS);
      assert.equal(answer.error?.code, INVALID_PARAMS, JSON.stringify(params));
      assert.match(answer.error!.message, /^gkreport: initialize expects \{ processId\?: integer \| null, capabilities: \{ … \}/);
    }
    const init = await client.request('initialize', INIT, BOUND_MS);
    assert.ok(init.result.capabilities.hoverProvider);
  });
});

describe('initialize, running, shutdown, exit', () => {
  test('initialize twice: InvalidRequest, and the server goes on', async () => {
    const client = await startServer();
    servers.push(client);
    const again = await client.request('initialize', INIT, BOUND_MS);
    assert.equal(again.error?.code, INVALID_REQUEST);
    assert.match(again.error!.message, /^gkreport: initialize was already received$/);
    assert.ok((await client.call('gkreport/templates', {})).length > 0);
  });

  test('malformed $/cancelRequest and $/setTrace are logged and ignored; the server goes on', async () => {
    const client = await startServer();
    servers.push(client);
    client.notify('$/cancelRequest', null);
    client.notify('$/cancelRequest', { id: { not: 'an id' } });
    client.notify('$/setTrace', { value: 'loud' });
    assert.ok((await client.call('gkreport/templates', {})).length > 0);
    await client.wait((m) => m.method === 'window/logMessage' && /^gkreport: \$\/setTrace expects/.test(m.params.message), 'the log of $/setTrace', BOUND_MS);
    assert.equal(client.stderr.includes('uncaught'), false);
  });

  test('after shutdown: every request gets InvalidRequest, notifications are ignored, exit ends with code 0', async () => {
    const client = await startServer({ initializationOptions: { settings: { debounce: 0 } } });
    servers.push(client);
    const shutdown = await client.request('shutdown', null, BOUND_MS);
    assert.equal(shutdown.error, undefined);
    assert.equal(shutdown.result, null);
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: URI }, position }],
      ['gkreport/templates', {}],
      ['gkreport/noSuchMethod', {}],
      ['initialize', INIT],
      ['shutdown', null],
    ] as const) {
      const answer = await client.request(method, params, BOUND_MS);
      assert.equal(answer.error?.code, INVALID_REQUEST, method);
      assert.match(answer.error!.message, new RegExp(`^gkreport: ${method} after shutdown`));
    }
    client.open(URI, seedText('000_62a988e64cb0ac5c.txt'), 'gkreport');
    const answer = await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } }, BOUND_MS);
    assert.equal(answer.error?.code, INVALID_REQUEST);
    client.notify('exit', null);
    assert.equal(await client.exitCodeWithin(BOUND_MS), 0);
    assert.equal(
      client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI),
      false,
      'the didOpen after shutdown was ignored (everything the server wrote has been read)',
    );
  });

  test('exit without shutdown ends the process with code 1', async () => {
    const client = await startServer();
    servers.push(client);
    client.notify('exit', null);
    assert.equal(await client.exitCodeWithin(BOUND_MS), 1);
  });

  test('the input closing without shutdown ends the process with code 1', async () => {
    const client = await startServer();
    servers.push(client);
    client.proc.stdin.end();
    assert.equal(await client.exitCodeWithin(BOUND_MS), 1);
  });
});

describe('over IPC, as the VS Code client starts the server', () => {
  test('the lifecycle and the checks of params hold there too; shutdown and exit end with code 0', async () => {
    const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const killer = setTimeout(() => child.kill(), 20_000);
    try {
      let nextId = 1;
      const received: Message[] = [];
      const waiting = new Map<number, (m: Message) => void>();
      child.on('message', (m: Message) => {
        received.push(m);
        if (typeof m.id === 'number' && m.method === undefined) waiting.get(m.id)?.(m);
        else if (m.method !== undefined && m.id !== undefined) child.send({ jsonrpc: '2.0', id: m.id, result: null });
      });
      const request = (method: string, params: unknown) =>
        new Promise<Message>((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          child.send({ jsonrpc: '2.0', id, method, params });
        });
      assert.equal((await request('gkreport/templates', {})).error?.code, SERVER_NOT_INITIALIZED);
      const init = await request('initialize', INIT);
      assert.equal(init.result.serverInfo.name, 'gkreport');
      child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const hover = await request('textDocument/hover', { textDocument: { uri: URI }, position: { line: -1, character: 0 } });
      assert.equal(hover.error?.code, INVALID_PARAMS);
      assert.match(hover.error!.message, /^gkreport: textDocument\/hover expects/);
      assert.ok((await request('gkreport/templates', {})).result.length > 0);
      assert.equal((await request('shutdown', null)).error, undefined);
      assert.equal((await request('gkreport/templates', {})).error?.code, INVALID_REQUEST);
      child.send({ jsonrpc: '2.0', method: 'exit', params: null });
      assert.equal(await exited, 0);
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) child.kill();
    }
  });
});
