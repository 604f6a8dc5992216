// A minimal LSP client for protocol tests: spawns the BUILT dist/server.js over stdio, frames
// JSON-RPC with Content-Length, answers the server's own requests, and waits for messages with a
// timeout (never a fixed sleep).
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(__dirname, '..', '..');
export const serverPath = join(root, 'dist', 'server.js');
export const seedPath = (name: string) => join(root, 'test', 'fixtures', 'seeds', name);
export const seedText = (name: string) => readFileSync(seedPath(name), 'utf8');
export const seedUri = (name: string) => pathToFileURL(seedPath(name)).href;

export interface Message {
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

type ServerRequestHandler = (params: any) => unknown;

const DEFAULT_TIMEOUT_MS = 15_000;

export class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private readonly handlers = new Map<string, ServerRequestHandler>();
  readonly received: Message[] = [];
  stderr = '';

  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (this.buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
        this.buffer = this.buffer.subarray(headerEnd + 4 + length);
        this.dispatch(message);
      }
    });
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (configuration, applyEdit, registerCapability…).
      const handler = this.handlers.get(message.method);
      Promise.resolve(handler ? handler(message.params) : null).then((result) => this.send({ id: message.id, result: result ?? null }));
    }
    this.received.push(message);
    this.waiters = this.waiters.filter((w) => (w.match(message) ? (w.resolve(message), false) : true));
  }

  /** Answers the server's requests of `method`. */
  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The first message (already received or still to come) that matches. */
  wait(match: (m: Message) => boolean, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<Message> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return this.next(match, what, ms);
  }

  /** The next message to come that matches (ignores those already received). */
  next(match: (m: Message) => boolean, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<Message> {
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

  /** Sends a request; resolves with the whole response (result or error). */
  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    const answer = this.next((m) => m.id === id && m.method === undefined, `the answer to ${method}`);
    this.send({ id, method, params });
    return answer;
  }

  /** Sends a request and returns its result, failing on an error response. */
  async call(method: string, params: unknown): Promise<any> {
    const response = await this.request(method, params);
    assert.equal(response.error, undefined, `${method} failed: ${response.error?.message}`);
    return response.result;
  }

  diagnostics(uri: string, version?: number): Promise<Message> {
    return this.wait(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`,
    );
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full change); returns the new version's diagnostics. */
  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async shutdown(): Promise<void> {
    const exited = new Promise((done) => this.proc.once('exit', done));
    await this.request('shutdown', null);
    this.notify('exit', null);
    const timer = setTimeout(() => this.proc.kill(), 5_000); // never leave the server running
    await exited;
    clearTimeout(timer);
  }
}

export interface StartOptions {
  capabilities?: object;
  initializationOptions?: object;
  locale?: string;
  /** Answers workspace/configuration (section gkreport) when the client advertises configuration. */
  settings?: () => object;
  workspaceFolders?: { uri: string; name: string }[];
}

export async function startServer(options: StartOptions = {}): Promise<LspClient> {
  assert.ok(existsSync(serverPath), `${serverPath} is missing: run npm run build first`);
  const client = new LspClient(spawn(process.execPath, [serverPath, '--stdio']));
  if (options.settings) client.onRequest('workspace/configuration', (params) => params.items.map(() => options.settings!()));
  const init = await client.call('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
    locale: options.locale ?? 'zh-cn',
  });
  assert.equal(init.serverInfo.name, 'gkreport');
  client.notify('initialized', {});
  return client;
}

/** Applies LSP text edits (ranges in the original text) to a text. */
export function applyLspEdits(text: string, edits: { range: { start: Pos; end: Pos }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Pos) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

interface Pos {
  line: number;
  character: number;
}

/** The LSP position of the first occurrence of `needle` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0): Pos {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length - 1;
  return { line, character: at + shift - (before.lastIndexOf('\n') + 1) };
}
