// The one LSP client over stdio for the built server (dist/server.js), shared by the protocol tests
// and the benchmark (a script: it must run without the test runner, hence here and not under test/).
// Content-Length framing, requests and notifications, raw bytes (for malformed input), answers to the
// server's own requests, waits with a timeout (never a fixed sleep), arrival times, and the server's
// resident memory read from /proc without asking the server anything.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(__dirname, '..');
export const SERVER_PATH = join(root, 'dist', 'server.js');
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

interface Waiter {
  match: (m: Message) => boolean;
  resolve: (m: Message) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export interface SpawnOptions {
  /** Another server bundle (default dist/server.js). */
  serverPath?: string;
  /** Extra node flags for the server process, e.g. ['--expose-gc'] or ['--max-old-space-size=100']. */
  execArgv?: string[];
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  /** When each message arrived (performance.now()), same index as `received`. */
  readonly arrivals: number[] = [];
  /** The result of initialize, once startServer has had it. */
  initializeResult: any;
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: Waiter[] = [];
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private exitCode: number | null | undefined;
  private closed = false;

  constructor({ serverPath = SERVER_PATH, execArgv = [] }: SpawnOptions = {}) {
    this.proc = spawn(process.execPath, [...execArgv, serverPath, '--stdio']);
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.proc.stdin.on('error', () => undefined); // writing to a server that died is reported by `exited`
    this.proc.on('close', () => (this.closed = true));
    this.proc.on('exit', (code) => {
      this.exitCode = code;
      for (const w of this.waiters) {
        clearTimeout(w.timer);
        w.reject(new Error(`the server exited (code ${code}) ${this.stderr.slice(-500)}`));
      }
      this.waiters = [];
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  /**
   * The exit code once the server has exited and all it wrote has been read (the process's `close`),
   * failing after `ms` (the server is then killed: never an orphan).
   */
  exitCodeWithin(ms: number): Promise<number | null> {
    if (this.closed) return Promise.resolve(this.exitCode ?? null);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.proc.kill();
        reject(new Error(`the server did not exit within ${ms} ms`));
      }, ms);
      this.proc.once('close', (code) => {
        clearTimeout(timer);
        resolvePromise(code);
      });
    });
  }

  /** Whether the server process still exists (signal 0 asks the system without touching it). */
  get running(): boolean {
    try {
      process.kill(this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** Resolves once the server's stderr matches `pattern` (stderr and stdout are separate pipes: either may come first). */
  stderrMatching(pattern: RegExp, ms = DEFAULT_TIMEOUT_MS): Promise<string> {
    if (pattern.test(this.stderr)) return Promise.resolve(this.stderr);
    return new Promise((resolvePromise, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.proc.stderr.off('data', onData);
      };
      // After the constructor's listener has appended the chunk.
      const onData = () =>
        setImmediate(() => {
          if (!pattern.test(this.stderr)) return;
          done();
          resolvePromise(this.stderr);
        });
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for stderr to match ${pattern}: ${this.stderr.slice(-300)}`));
      }, ms);
      this.proc.stderr.on('data', onData);
    });
  }

  /** The texts of the window/logMessage notifications received so far. */
  logs(): string[] {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params?.message));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (configuration, applyEdit, registerCapability…): always answer, so it never waits.
      const handler = this.handlers.get(message.method);
      void Promise.resolve(handler ? handler(message.params) : null).then((result) => this.send({ id: message.id, result: result ?? null }));
    }
    this.received.push(message);
    this.arrivals.push(performance.now());
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(message)) return true;
      clearTimeout(w.timer);
      w.resolve(message);
      return false;
    });
  }

  /** Answers the server's requests of `method` (the others are answered with null). */
  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** Bytes as they are: for malformed frames and bodies. */
  writeRaw(data: string | Buffer): void {
    this.proc.stdin.write(data);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The first message (already received from index `from` on, or still to come) that matches. */
  wait(match: (m: Message) => boolean, what: string, ms = DEFAULT_TIMEOUT_MS, from = 0): Promise<Message> {
    for (let i = from; i < this.received.length; i++) if (match(this.received[i])) return Promise.resolve(this.received[i]);
    return this.next(match, what, ms);
  }

  /** The next message to come that matches (ignores those already received). */
  next(match: (m: Message) => boolean, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<Message> {
    if (this.exited) return Promise.reject(new Error(`the server has exited; waiting for ${what}`));
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      this.waiters.push({ match, resolve: resolvePromise, reject, timer });
    });
  }

  /** Sends a request; resolves with the whole response (result or error). */
  request(method: string, params: unknown, ms?: number): Promise<Message> {
    const id = this.nextId++;
    const answer = this.next((m) => m.id === id && m.method === undefined, `the answer to ${method}`, ms);
    this.send({ id, method, params });
    return answer;
  }

  /** Sends a request and returns its result, failing on an error response. */
  async call(method: string, params: unknown): Promise<any> {
    const response = await this.request(method, params);
    assert.equal(response.error, undefined, `${method} failed: ${response.error?.message}`);
    return response.result;
  }

  /** Diagnostics for `uri` (of `version`, when given) received from message index `from` on. */
  diagnostics(uri: string, version?: number, from = 0, ms?: number): Promise<Message> {
    return this.wait(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && (version === undefined || m.params.version === version),
      `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`,
      ms,
      from,
    );
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full change). */
  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident memory of the server process now and at its peak, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** shutdown + exit, killing the server if it does not leave within 5 s. */
  async shutdown(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((done) => this.proc.once('exit', done));
    await this.request('shutdown', null, 5_000).catch(() => undefined);
    this.notify('exit', null);
    const timer = setTimeout(() => this.proc.kill(), 5_000); // never leave the server running
    await gone;
    clearTimeout(timer);
  }
}

export interface StartOptions extends SpawnOptions {
  capabilities?: object;
  initializationOptions?: object;
  locale?: string;
  /** Answers workspace/configuration (section gkreport) when the client advertises configuration. */
  settings?: () => object;
  workspaceFolders?: { uri: string; name: string }[];
}

/** Spawns the server, initializes it (checking that it is gkreport) and sends initialized. */
export async function startServer(options: StartOptions = {}): Promise<LspClient> {
  const serverPath = options.serverPath ?? SERVER_PATH;
  assert.ok(existsSync(serverPath), `${serverPath} is missing: run npm run build first`);
  const client = new LspClient(options);
  const { settings } = options;
  if (settings) client.onRequest('workspace/configuration', (params) => params.items.map(() => settings()));
  const init = await client.call('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
    locale: options.locale ?? 'zh-cn',
  });
  assert.equal(init.serverInfo.name, 'gkreport');
  client.initializeResult = init;
  client.notify('initialized', {});
  return client;
}

interface Pos {
  line: number;
  character: number;
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

/** The LSP position of the first occurrence of `needle` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0): Pos {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length - 1;
  return { line, character: at + shift - (before.lastIndexOf('\n') + 1) };
}
