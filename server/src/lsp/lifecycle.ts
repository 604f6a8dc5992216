// The LSP lifecycle, enforced on every incoming message before the connection dispatches it (so it
// holds for every method, unknown ones and those vscode-languageserver answers itself included):
//   before initialize   a request gets ServerNotInitialized (-32002); a notification is dropped, except exit
//   initialize          once; again, InvalidRequest; with malformed params, InvalidParams (and it may be sent again)
//   after shutdown      a request gets InvalidRequest (-32600); a notification is dropped, except exit
//   exit                ends the process: code 0 after shutdown, 1 without (vscode-languageserver does it)
// The params of the methods vscode-languageserver handles itself are checked here too: it would
// answer them with a JavaScript error text, or throw ($/cancelRequest is read before any handler).
import { ErrorCodes, type DataCallback, type Disposable, type Event, type Message, type MessageReader, type PartialMessageInfo, type ResponseMessage } from 'vscode-languageserver/node';
import { anything, array, as, expectsMessage, integer, isObject, literal, nullable, object, oneOf, optional, string, type Schema } from './params';

/** LSP's ServerNotInitialized (not in vscode-jsonrpc's ErrorCodes). */
export const SERVER_NOT_INITIALIZED = -32002;

export const INITIALIZE_PARAMS = object({
  processId: optional(nullable(integer)),
  capabilities: as('{ … }', object({})),
  initializationOptions: optional(anything),
  locale: optional(string),
  workspaceFolders: optional(nullable(array(object({ uri: string, name: string })))),
  trace: optional(literal('off', 'messages', 'verbose', 'compact')),
});

/** Messages vscode-languageserver (or vscode-jsonrpc) handles itself, and what their params must be. */
const LIBRARY_PARAMS: Record<string, Schema> = {
  initialize: INITIALIZE_PARAMS,
  '$/cancelRequest': object({ id: oneOf(integer, string) }),
  '$/setTrace': object({ value: literal('off', 'messages', 'verbose', 'compact') }),
};

type Phase = 'new' | 'initializing' | 'running' | 'shutdown';

interface Incoming {
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

const isId = (id: unknown): id is number | string => typeof id === 'number' || typeof id === 'string';

export class Lifecycle {
  private phase: Phase = 'new';

  /** `send` writes a message to the client (the answers the gate gives itself); `warn` logs. */
  constructor(
    private readonly send: (message: ResponseMessage) => void,
    private readonly warn: (text: string) => void = () => {},
  ) {}

  get shutdownReceived(): boolean {
    return this.phase === 'shutdown';
  }

  /** The server answered initialize with its capabilities. */
  initialized(): void {
    if (this.phase === 'initializing') this.phase = 'running';
  }

  /** The server refused initialize: the client may send it again. */
  initializeFailed(): void {
    if (this.phase === 'initializing') this.phase = 'new';
  }

  /** A reader that lets through only what the lifecycle allows (answering the rest itself). */
  gate(reader: MessageReader): MessageReader {
    return {
      listen: (callback: DataCallback): Disposable =>
        reader.listen((message: Message) => {
          if (this.admit(message as Incoming)) callback(message);
        }),
      dispose: () => reader.dispose(),
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage as Event<PartialMessageInfo>,
    };
  }

  /** Whether the connection may see `message`; if not, a request has been answered. */
  admit(message: Incoming): boolean {
    if (!isObject(message) || typeof message.method !== 'string') return true; // responses, and junk the connection reports
    const method = message.method;
    const request = isId(message.id);
    const refuse = (code: number, text: string) => {
      if (request) this.send({ jsonrpc: '2.0', id: message.id as number | string, error: { code, message: text } });
      return false;
    };
    if (!request && message.id !== undefined) return true; // an id that is neither number nor string: the connection reports it
    if (method === 'exit' && !request) return true;
    if (this.phase === 'shutdown') {
      return refuse(ErrorCodes.InvalidRequest, `gkreport: ${method} after shutdown: the server only takes exit now`);
    }
    if (method === 'initialize' && request && this.phase !== 'new') {
      return refuse(ErrorCodes.InvalidRequest, 'gkreport: initialize was already received');
    }
    if (this.phase === 'new' && method !== 'initialize') {
      return refuse(SERVER_NOT_INITIALIZED, `gkreport: ${method} before initialize`);
    }
    const expects = LIBRARY_PARAMS[method];
    const problem = expects?.problem(message.params, '');
    if (expects && problem !== undefined) {
      const text = expectsMessage(method, expects, problem);
      if (!request) this.warn(`${text}: ignored`);
      return refuse(ErrorCodes.InvalidParams, text);
    }
    if (!request) return true;
    if (method === 'initialize') this.phase = 'initializing';
    if (method === 'shutdown') this.phase = 'shutdown';
    return true;
  }
}
