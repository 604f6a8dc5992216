// The built language server (dist/server.js) over stdio, spoken to as an editor would.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

const root = resolve(__dirname, '..', '..');
const serverPath = join(root, 'dist', 'server.js');

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
}

/** A minimal LSP client: Content-Length framing over the server's stdin/stdout. */
class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly received: Message[] = [];

  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (this.buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
        this.buffer = this.buffer.subarray(headerEnd + 4 + length);
        this.received.push(message);
        this.waiters = this.waiters.filter((w) => (w.match(message) ? (w.resolve(message), false) : true));
      }
    });
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  wait(match: (m: Message) => boolean, what: string, ms = 15_000): Promise<Message> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolvePromise(m);
        },
      });
    });
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.wait((m) => m.id === id && m.method === undefined, `the answer to ${method}`);
  }

  diagnosticsFor(uri: string, version?: number): Promise<Message> {
    return this.wait(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      `diagnostics for ${uri}`,
    );
  }
}

let client: Client;

before(async () => {
  assert.ok(existsSync(serverPath), `${serverPath} is missing: run npm run build first`);
  client = new Client(spawn(process.execPath, [serverPath, '--stdio']));
  const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'zh-cn' });
  assert.equal(init.result.serverInfo.name, 'gkreport');
  client.send({ method: 'initialized', params: {} });
});

after(async () => {
  const exited = new Promise((done) => client.proc.once('exit', done));
  await client.request('shutdown', null);
  client.send({ method: 'exit' });
  const timer = setTimeout(() => client.proc.kill(), 5_000); // never leave the server running
  await exited;
  clearTimeout(timer);
});

test('publishes GK201 errors for seed 004 with code, source and a range on the heading', async () => {
  const file = join(root, 'test', 'fixtures', 'seeds', '004_726ada126d26dda0.txt');
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text } } });
  const { params } = await client.diagnosticsFor(uri);
  const gk201 = params.diagnostics.filter((d: any) => d.code === 'GK201');
  assert.equal(gk201.length, 3);
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of gk201) {
    assert.equal(d.severity, 1, 'Error');
    assert.equal(d.source, 'gkreport');
    assert.match(d.message, /缺少/);
    assert.match(lines[d.range.start.line], /^[二三四]、/);
  }
});

test('re-checks after an edit, and clears on close', async () => {
  const uri = 'file:///tmp/gkreport-lsp-test.gkreport';
  const seed = readFileSync(join(root, 'test', 'fixtures', 'seeds', '000_62a988e64cb0ac5c.txt'), 'utf8');
  client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'gkreport', version: 1, text: seed } } });
  const first = await client.diagnosticsFor(uri, 1);
  assert.ok(!first.params.diagnostics.some((d: any) => d.severity === 1), 'the clean seed has no error');

  const broken = seed.replace('| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
  assert.notEqual(broken, seed);
  client.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] } });
  const second = await client.diagnosticsFor(uri, 2);
  assert.ok(second.params.diagnostics.some((d: any) => d.code === 'GK301' && d.severity === 1), 'a wrong row total is reported');

  client.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
  const cleared = await client.wait(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === undefined && m.params.diagnostics.length === 0,
    'cleared diagnostics',
  );
  assert.deepEqual(cleared.params.diagnostics, []);
});

test('a plain-text file that is not a report gets no diagnostics', async () => {
  const uri = 'file:///tmp/notes.txt';
  client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: '购物清单\n一、牛奶\n' } } });
  const { params } = await client.diagnosticsFor(uri);
  assert.deepEqual(params.diagnostics, []);
});
