// A minimal LSP client over stdio for the built server (dist/server.js): Content-Length framing,
// requests, notifications, raw bytes (for malformed input), and the server's resident memory read
// from /proc without asking the server anything. Used by the benchmark and the protocol robustness tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SERVER_PATH = join(resolve(__dirname, '..'), 'dist', 'server.js');

export interface Message {
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

interface Waiter {
  match: (m: Message) => boolean;
  resolve: (m: Message) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  /** When each message arrived (performance.now()), same index as `received`. */
  readonly arrivals: number[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: Waiter[] = [];
  private exitCode: number | null | undefined;

  constructor(serverPath = SERVER_PATH) {
    this.proc = spawn(process.execPath, [serverPath, '--stdio']);
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.proc.stdin.on('error', () => undefined); // writing to a server that died is reported by `exited`
    this.proc.on('exit', (code) => {
      this.exitCode = code;
      for (const w of this.waiters) w.reject(new Error(`the server exited (code ${code}) ${this.stderr.slice(-500)}`));
      this.waiters = [];
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
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
      this.received.push(message);
      this.arrivals.push(performance.now());
      // Requests from the server (configuration, registrations, progress): answer so it never waits.
      if (message.method !== undefined && message.id !== undefined) this.send({ id: message.id, result: null });
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        clearTimeout(w.timer);
        w.resolve(message);
        return false;
      });
    }
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

  /** The first message (already received from `from` on, or still to come) that matches. */
  wait(match: (m: Message) => boolean, what: string, ms = 20_000, from = 0): Promise<Message> {
    for (let i = from; i < this.received.length; i++) if (match(this.received[i])) return Promise.resolve(this.received[i]);
    if (this.exited) return Promise.reject(new Error(`the server has exited; waiting for ${what}`));
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      this.waiters.push({ match, resolve: resolvePromise, reject, timer });
    });
  }

  request(method: string, params: unknown, ms?: number): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.wait((m) => m.id === id && m.method === undefined, `the answer to ${method}`, ms);
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

  async initialize(settings: object = { debounce: 0 }): Promise<Message> {
    const init = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      locale: 'zh-cn',
      initializationOptions: { settings },
    });
    this.notify('initialized', {});
    return init;
  }

  /** Resident memory of the server process now and at its peak, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** shutdown + exit, killing the server if it does not leave within 5 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((done) => this.proc.once('exit', done));
    await this.request('shutdown', null, 5_000).catch(() => undefined);
    this.notify('exit', null);
    const timer = setTimeout(() => this.proc.kill(), 5_000);
    await gone;
    clearTimeout(timer);
  }
}
