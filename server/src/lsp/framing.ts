// Reading LSP messages from a byte stream (stdio) so that one badly framed message never silences the
// server. vscode-jsonrpc's StreamMessageReader, given one bad frame, reads the next message's bytes as
// the rest of a body or a body as headers, and from then on makes sense of nothing — without a word.
//
// A frame is a header block — `Content-Length: N` and any other `Name: value` lines, each ended by
// CR LF, then an empty line — and N bytes of JSON. After a fault this reader skips to the next
// well-formed header block, and that is reliable: a `Content-Length: <digits>` line ended by a line
// break cannot occur inside a JSON body (JSON strings hold no raw line breaks, and outside strings
// such text is not JSON). So the bytes between the fault and the next header are exactly what the
// client meant as one message, or junk; the reader judges them (`verdict`):
//
//   fault                                       what the reader does
//   bytes before a header (garbage, a stray     skips them (whitespace silently) and reads on
//     line break)
//   no Content-Length, or one that is not a     skips to the next well-formed header; the skipped message
//     number                                      is judged as below
//   header lines ended by LF without CR         skips the header and the Content-Length bytes after it;
//                                                 the skipped message is judged as below
//   Content-Length too long                     a well-formed header inside the body (seen as the bytes
//                                                 arrive, without waiting for the full length) ends it
//   Content-Length too short                    the body is not JSON: it runs on to the next header
//   a body that is not JSON                     skips it; answered Parse error (id null, JSON-RPC 2.0)
//
//   the skipped message                         and then
//   a request (it has an id and a method)       answered with a Parse error carrying its id; reads on
//   $/cancelRequest, $/setTrace, didSave and    reads on (nothing the server keeps depends on it)
//     other notifications
//   didOpen, didChange, didClose, settings or   the server's copy of the editor's documents or settings
//     file changes, initialized, exit             may be wrong from now on, and a wrong copy means wrong
//   (or unreadable bytes that name one)           diagnostics and edits that corrupt the user's text:
//                                                 logs, exits with code 1 — the client restarts the
//                                                 server, which gets every open document again
//   a response to a request of the server       that request would wait for ever (a settings read blocks
//                                                 every check): logs, exits with code 1
//   more than MAX_FRAME_BYTES without a frame   logs, exits with code 1 (it cannot be held)
//
// Every fault is logged on stderr and as window/logMessage. IPC (the VS Code client) has no framing.
import { AbstractMessageReader, Disposable, ErrorCodes, type DataCallback, type Message, type ResponseMessage } from 'vscode-languageserver/node';

/** The most bytes the reader holds for one message, or while looking for the next header. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;
/** A header block is a few dozen bytes; one this long is junk. */
const MAX_HEADER_BYTES = 8 * 1024;
const CR = 0x0d;
const LF = 0x0a;

// ── the bytes received and not yet read ─────────────────────────────────────

/** A growable byte queue: one contiguous buffer, so that searching it never copies. */
class ByteQueue {
  private data = Buffer.alloc(0);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(chunk: Buffer): void {
    if (this.end + chunk.length > this.data.length) {
      const live = this.length;
      const size = live + chunk.length;
      const target = size <= this.data.length ? this.data : Buffer.allocUnsafe(Math.max(size, this.data.length * 2, 4096));
      this.data.copy(target, 0, this.start, this.end); // copy() handles the overlap when target is data
      this.data = target;
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.data, this.end);
    this.end += chunk.length;
  }

  /** The bytes not yet read (a view, valid until the next append). */
  view(): Buffer {
    return this.data.subarray(this.start, this.end);
  }

  consume(count: number): void {
    this.start += count;
    if (this.start < this.end) return;
    this.start = this.end = 0;
    // A big message has gone through: give its memory back rather than keep it for the next one.
    if (this.data.length > 1024 * 1024) this.data = Buffer.alloc(0);
  }
}

// ── header blocks ───────────────────────────────────────────────────────────

type Header =
  | { kind: 'incomplete' }
  | { kind: 'bad'; why: string }
  /** `end`: where the body starts; `lfOnly`: some header line ends in LF without CR. */
  | { kind: 'ok'; length: number; end: number; lfOnly: boolean };

const INCOMPLETE: Header = { kind: 'incomplete' };
const STRAY_LINE = 'an empty line where a header was expected';

/** Bytes as a message may quote them: printable ASCII, at most 40 characters. */
function quote(bytes: Buffer, from: number, to: number): string {
  let text = '';
  for (let i = from; i < Math.min(to, from + 40); i++) text += bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : '.';
  return JSON.stringify(to - from > 40 ? `${text}…` : text);
}

function isTokenByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x5f;
}

/** The header block that starts at `at`, if one does. */
function readHeader(v: Buffer, at: number): Header {
  let pos = at;
  let length: number | undefined;
  let lfOnly = false;
  for (;;) {
    const lf = v.subarray(0, Math.min(v.length, at + MAX_HEADER_BYTES + 1)).indexOf(LF, pos);
    if (lf < 0) return v.length - at > MAX_HEADER_BYTES ? { kind: 'bad', why: 'a header block of more than 8 KiB' } : INCOMPLETE;
    if (lf - at > MAX_HEADER_BYTES) return { kind: 'bad', why: 'a header block of more than 8 KiB' };
    const cr = lf > pos && v[lf - 1] === CR;
    if (!cr) lfOnly = true;
    const lineEnd = cr ? lf - 1 : lf;
    if (lineEnd === pos) {
      if (pos === at) return { kind: 'bad', why: STRAY_LINE };
      if (length === undefined) return { kind: 'bad', why: 'no Content-Length header' };
      return { kind: 'ok', length, end: lf + 1, lfOnly };
    }
    let colon = pos;
    while (colon < lineEnd && isTokenByte(v[colon])) colon++;
    if (colon === pos || colon === lineEnd || v[colon] !== 0x3a) return { kind: 'bad', why: `${quote(v, pos, lineEnd)} is not a header line` };
    for (let i = colon + 1; i < lineEnd; i++) {
      if ((v[i] < 0x20 && v[i] !== 0x09) || v[i] >= 0x7f) return { kind: 'bad', why: `${quote(v, pos, lineEnd)} is not a header line` };
    }
    if (v.toString('latin1', pos, colon).toLowerCase() === 'content-length') {
      const value = v.toString('latin1', colon + 1, lineEnd).trim();
      if (!/^\d{1,15}$/.test(value)) return { kind: 'bad', why: `Content-Length ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} is not a number of bytes` };
      if (length !== undefined && length !== Number(value)) return { kind: 'bad', why: 'two different Content-Length headers' };
      length = Number(value);
    }
    pos = lf + 1;
  }
}

/** Where the first "Content-" spelt with `word` ("ontent-" or "ONTENT-" after a C of either case) starts at or after `from`, or -1. */
function candidateFrom(v: Buffer, word: string, from: number): number {
  let i = v.indexOf(word, from + 1, 'latin1');
  while (i >= 0 && (v[i - 1] | 0x20) !== 0x63) i = v.indexOf(word, i + 1, 'latin1');
  return i < 0 ? -1 : i - 1;
}

const SPELLINGS = ['ontent-', 'ONTENT-'];

type Found = { kind: 'found'; at: number } | { kind: 'incomplete'; at: number } | { kind: 'none' };

/**
 * The first well-formed header block that starts in [from, before), or where one may start once more
 * bytes come. Linear: each spelling's search moves only forward, each candidate is read at most 8 KiB.
 */
function findHeader(v: Buffer, from: number, before = v.length): Found {
  const next = SPELLINGS.map((word) => candidateFrom(v, word, from));
  for (;;) {
    let k = -1;
    for (let i = 0; i < next.length; i++) if (next[i] >= 0 && (k < 0 || next[i] < next[k])) k = i;
    if (k < 0 || next[k] >= before) return { kind: 'none' };
    const at = next[k];
    const header = readHeader(v, at);
    if (header.kind === 'ok') return { kind: 'found', at };
    if (header.kind === 'incomplete') return { kind: 'incomplete', at };
    next[k] = candidateFrom(v, SPELLINGS[k], at + 1);
  }
}

// ── the parser ──────────────────────────────────────────────────────────────

export type FrameEvent =
  | { kind: 'message'; message: unknown }
  /** Bytes skipped after a fault: `bytes` is what the client probably meant as one message. */
  | { kind: 'dropped'; fault: string; bytes: Buffer }
  /** More than MAX_FRAME_BYTES of one message or of junk: the stream cannot be followed. */
  | { kind: 'overflow'; fault: string };

type State =
  | { mode: 'header' }
  | { mode: 'body'; length: number; start: number; lfOnly: boolean; scanned: number }
  /** Skipping to the next header from `from`; the skipped bytes start at `start` (a body at `body`, of `length`). */
  | { mode: 'resync'; fault: string; start: number; from: number; body?: { length: number } }
  /** After an overflow: the stream cannot be followed any more, nothing more is read. */
  | { mode: 'dead' };

/** "Content-" is 8 bytes: a candidate cut by the end of the bytes so far is found again from here. */
const rescanFrom = (v: Buffer, floor: number) => Math.max(floor, v.length - 8);

function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

const isBlank = (bytes: Buffer) => bytes.every((b) => b === 0x20 || b === 0x09 || b === CR || b === LF);

/** Turns received bytes into messages and faults; never throws, whatever the bytes. */
export class FrameParser {
  private readonly queue = new ByteQueue();
  private state: State = { mode: 'header' };

  /** `max`: the most bytes held for one message or while looking for a header (smaller in tests). */
  constructor(private readonly max = MAX_FRAME_BYTES) {}

  push(chunk: Buffer): FrameEvent[] {
    if (this.state.mode === 'dead') return [];
    this.queue.append(chunk);
    return this.read();
  }

  /** The stream ended: whatever was being skipped is judged as it is. */
  end(): FrameEvent[] {
    if (this.state.mode === 'dead') return [];
    const v = this.queue.view();
    const events: FrameEvent[] = [];
    if (this.state.mode === 'resync') events.push(this.dropped(this.state, v.length));
    else if (v.length > 0 && !isBlank(v)) events.push({ kind: 'dropped', fault: 'the input ended inside a message', bytes: Buffer.from(v) });
    this.queue.consume(v.length);
    this.state = { mode: 'header' };
    return events;
  }

  private read(): FrameEvent[] {
    const events: FrameEvent[] = [];
    for (;;) {
      const v = this.queue.view();
      const state = this.state;
      if (state.mode === 'dead') return events;
      if (state.mode === 'header') {
        if (v.length === 0) return events;
        const header = readHeader(v, 0);
        if (header.kind === 'incomplete') return events;
        if (header.kind === 'bad') {
          this.state = { mode: 'resync', fault: header.why, start: 0, from: 1 };
          continue;
        }
        this.state = { mode: 'body', length: header.length, start: header.end, lfOnly: header.lfOnly, scanned: header.end };
        continue;
      }
      if (state.mode === 'body') {
        const { length, start } = state;
        if (v.length - start >= length) {
          const body = v.subarray(start, start + length);
          const json = state.lfOnly ? undefined : parseJson(body);
          if (json?.ok) {
            this.queue.consume(start + length);
            this.state = { mode: 'header' };
            events.push({ kind: 'message', message: json.value });
            continue;
          }
          // Not JSON, or LF-only headers: a header inside the body means its length was too long.
          const inside = findHeader(v, start, start + length);
          if (inside.kind === 'incomplete') return events;
          if (inside.kind === 'found') {
            const fault = state.lfOnly ? 'header lines end in LF without CR' : `Content-Length ${length}, but a header follows after ${inside.at - start} bytes`;
            events.push({ kind: 'dropped', fault, bytes: Buffer.from(v.subarray(start, inside.at)) });
            this.queue.consume(inside.at);
            this.state = { mode: 'header' };
            continue;
          }
          if (state.lfOnly) {
            events.push({ kind: 'dropped', fault: 'header lines end in LF without CR', bytes: Buffer.from(body) });
            this.queue.consume(start + length);
            this.state = { mode: 'header' };
            continue;
          }
          // Too short, or not JSON: the body and whatever follows it up to the next header are judged together.
          this.queue.consume(start);
          this.state = { mode: 'resync', fault: 'the body is not JSON', start: 0, from: length, body: { length } };
          continue;
        }
        // Waiting for the rest of the body: a header among the bytes so far means the length was too long.
        if (v.length - start > this.max) return this.overflow(events, `Content-Length ${length} is more than the ${this.max} bytes the server takes`);
        const inside = findHeader(v, state.scanned);
        if (inside.kind === 'found') {
          const fault = `Content-Length ${length}, but a header follows after ${inside.at - start} bytes`;
          events.push({ kind: 'dropped', fault, bytes: Buffer.from(v.subarray(start, inside.at)) });
          this.queue.consume(inside.at);
          this.state = { mode: 'header' };
          continue;
        }
        state.scanned = inside.kind === 'incomplete' ? inside.at : rescanFrom(v, start);
        return events;
      }
      // resync
      const found = findHeader(v, state.from);
      if (found.kind === 'found') {
        events.push(this.dropped(state, found.at));
        this.queue.consume(found.at);
        this.state = { mode: 'header' };
        continue;
      }
      if (v.length - state.start > this.max) return this.overflow(events, `no message header in ${this.max} bytes`);
      state.from = found.kind === 'incomplete' ? found.at : rescanFrom(v, state.from);
      return events;
    }
  }

  /** The bytes skipped from a resync's start to `to`, and what went wrong. */
  private dropped(state: Extract<State, { mode: 'resync' }>, to: number): FrameEvent {
    const bytes = Buffer.from(this.queue.view().subarray(state.start, to));
    if (!state.body) return { kind: 'dropped', fault: state.fault, bytes };
    const { length } = state.body;
    const rest = bytes.subarray(length);
    // The body and what follows it are one message: the length was too short.
    if (!isBlank(rest) && parseJson(bytes).ok) return { kind: 'dropped', fault: `Content-Length ${length}, but the message runs on for ${rest.length} more bytes`, bytes };
    return { kind: 'dropped', fault: isBlank(rest) ? state.fault : `${state.fault}, and ${rest.length} bytes after it are not a header`, bytes };
  }

  private overflow(events: FrameEvent[], fault: string): FrameEvent[] {
    this.queue.consume(this.queue.length);
    this.state = { mode: 'dead' };
    events.push({ kind: 'overflow', fault });
    return events;
  }
}

// ── judging what was skipped ────────────────────────────────────────────────

/** Notifications that change what the server keeps of the client's state: losing one puts it out of step. */
export const STATE_NOTIFICATIONS: readonly string[] = [
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWatchedFiles',
  'initialized',
  'exit',
];

export type Skipped =
  | { kind: 'nothing' }
  | { kind: 'request'; id: number | string; method: string }
  | { kind: 'notification'; method: string }
  | { kind: 'response'; id: unknown }
  /** Bytes that are no JSON-RPC message; `names` a state notification they mention, if any. */
  | { kind: 'unreadable'; bytes: number; names?: string };

/** What skipped bytes were: a message (its header, if any, before the first `{`), or junk. */
export function classify(bytes: Buffer): Skipped {
  if (isBlank(bytes)) return { kind: 'nothing' };
  const open = bytes.indexOf(0x7b); // {
  const json = open < 0 ? undefined : parseJson(bytes.subarray(open));
  const value = json?.ok ? json.value : undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const message = value as { id?: unknown; method?: unknown; result?: unknown; error?: unknown };
    const hasId = typeof message.id === 'number' || typeof message.id === 'string';
    if (typeof message.method === 'string') {
      return hasId ? { kind: 'request', id: message.id as number | string, method: message.method } : { kind: 'notification', method: message.method };
    }
    if (hasId && ('result' in message || 'error' in message)) return { kind: 'response', id: message.id };
  }
  // Unreadable: does it name a notification that changes state? (A message cut in two still names its method.)
  const text = bytes.toString('utf8');
  const names = STATE_NOTIFICATIONS.find((method) => text.includes(`"${method}"`));
  return { kind: 'unreadable', bytes: bytes.length, names };
}

export interface Verdict {
  /** One line for stderr and window/logMessage. */
  log: string;
  /** An answer to send, if the skipped bytes were a request or unreadable (JSON-RPC wants an answer then). */
  reply?: ResponseMessage;
  /** Exit with code 1 (after logging): the client restarts the server, which starts from the client's state again. */
  exit: boolean;
}

const RESTART = 'exiting with code 1 so that the client restarts the server';

/** What the server does about bytes skipped after a framing fault (the table at the top of this file). */
export function verdict(fault: string, skipped: Skipped): Verdict | undefined {
  const head = `gkreport: badly framed input (${fault})`;
  const parseError = (id: number | string | null, message: string): ResponseMessage => ({ jsonrpc: '2.0', id, error: { code: ErrorCodes.ParseError, message } });
  switch (skipped.kind) {
    case 'nothing':
      // Stray line breaks between messages are harmless; a header with nothing after it is worth a word.
      return fault === STRAY_LINE ? undefined : { log: `${head}: skipped a header without a message; reading on from the next header`, exit: false };
    case 'request':
      return {
        log: `${head}: skipped a ${skipped.method} request (id ${JSON.stringify(skipped.id)}) and answered it with an error; reading on from the next header`,
        reply: parseError(skipped.id, `gkreport: ${skipped.method} was badly framed (${fault}) and not processed`),
        exit: false,
      };
    case 'notification':
      if (STATE_NOTIFICATIONS.includes(skipped.method)) {
        return { log: `${head}: skipped a ${skipped.method} notification; the server's copy of the editor's state may be wrong from now on: ${RESTART}`, exit: true };
      }
      return { log: `${head}: skipped a ${skipped.method} notification; reading on from the next header`, exit: false };
    case 'response':
      return { log: `${head}: skipped the answer to request ${JSON.stringify(skipped.id)} of the server, which would wait for it for ever: ${RESTART}`, exit: true };
    case 'unreadable':
      if (skipped.names) {
        return { log: `${head}: skipped ${skipped.bytes} bytes that name ${skipped.names}; the server's copy of the editor's state may be wrong from now on: ${RESTART}`, exit: true };
      }
      return {
        log: `${head}: skipped ${skipped.bytes} bytes that are not a message; reading on from the next header`,
        reply: parseError(null, `gkreport: ${skipped.bytes} bytes of input were not a message (${fault})`),
        exit: false,
      };
  }
}

// ── the reader ──────────────────────────────────────────────────────────────

export interface FrameFaultHandler {
  /** A fault and what to do about it (log it, answer, exit). */
  fault(verdict: Verdict): void;
  /** The message handler threw (the connection's own bug): logged, reading goes on. */
  error(error: unknown): void;
}

/** A MessageReader over a byte stream (stdin) that survives bad frames: see the top of this file. */
export class FramedStreamReader extends AbstractMessageReader {
  private readonly parser = new FrameParser();
  private stopped = false;
  private ended = false;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly handler: FrameFaultHandler,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string) => this.deliver(callback, this.parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
    const onEnd = () => {
      if (this.ended) return;
      this.ended = true;
      this.deliver(callback, this.parser.end());
      this.fireClose();
    };
    const onError = (error: Error) => this.fireError(error);
    this.readable.on('data', onData);
    this.readable.on('end', onEnd);
    this.readable.on('close', onEnd);
    this.readable.on('error', onError);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('end', onEnd);
      this.readable.off('close', onEnd);
      this.readable.off('error', onError);
    });
  }

  private deliver(callback: DataCallback, events: FrameEvent[]): void {
    for (const event of events) {
      if (this.stopped) return;
      if (event.kind === 'message') {
        try {
          callback(event.message as Message);
        } catch (error) {
          this.handler.error(error);
        }
        continue;
      }
      const judged =
        event.kind === 'overflow'
          ? { log: `gkreport: badly framed input (${event.fault}): ${RESTART}`, exit: true }
          : verdict(event.fault, classify(event.bytes));
      if (!judged) continue;
      // Nothing after a fault that ends the server is read: it would be read by a server out of step.
      if (judged.exit) this.stopped = true;
      this.handler.fault(judged);
    }
  }
}
