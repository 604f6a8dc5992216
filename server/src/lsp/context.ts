// What every capability module shares: the connection, the open documents, settings and the check cache.
import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core';
import { AnalysisCache, type Analysis } from './analysis';
import { expectsMessage, type Schema } from './params';
import { localeOf, type Settings, type SettingsStore } from './settings';

export class ServerContext {
  readonly cache: AnalysisCache;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsStore,
    /** The editor's UI language from initialize (for locale "auto"). */
    readonly editorLocale: string | undefined,
  ) {
    this.cache = new AnalysisCache((uri) => documents.get(uri));
    this.cache.onFault = (uri, fault) => this.logError(`rule ${fault.ruleId} on ${uri}`, fault.error);
  }

  locale(settings: Settings = this.settings.peek()): Locale {
    return localeOf(settings, this.editorLocale);
  }

  /** The check of the document's current version with the current settings (cached). */
  async analyze(document: TextDocument): Promise<Analysis> {
    const settings = await this.settings.get();
    return this.cache.get(document, settings, this.locale(settings), this.settings.generation);
  }

  /** The open document, or an error response naming it. */
  document(uri: unknown): TextDocument {
    const document = typeof uri === 'string' ? this.documents.get(uri) : undefined;
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `gkreport: document not open: ${String(uri)}`);
    return document;
  }

  /** Logs a handler's failure; the server keeps serving. */
  logError(what: string, error: unknown): void {
    this.connection.console.error(`gkreport: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** The cancellation token vscode-jsonrpc passes in place of absent params (JSON cannot hold a function). */
function isToken(value: unknown): value is CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as CancellationToken).onCancellationRequested === 'function';
}

/**
 * A notification refused for what it says, not for a bug (a change older than the stored version):
 * logged as a warning, without a stack.
 */
export class Refusal extends Error {}

/**
 * Wraps a request handler: params that do not fit `expects` are answered InvalidParams with what the
 * method expects; an exception is logged and answered with an error response, never fatal. Errors
 * that are already responses (bad parameters found later) pass through as they are.
 */
export function guard<P, R>(ctx: ServerContext, method: string, expects: Schema, handler: (params: P) => R | Promise<R>) {
  // Registered by method name (never by request type, whose own check of missing params answers in its
  // own words), a handler is called with the params and a cancellation token, or the token alone.
  return async (first?: P | CancellationToken): Promise<R | ResponseError<never>> => {
    const params = (isToken(first) ? undefined : first) as P;
    const problem = expects.problem(params, '');
    if (problem !== undefined) return new ResponseError<never>(ErrorCodes.InvalidParams, expectsMessage(method, expects, problem));
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<never>;
      ctx.logError(method, error);
      return new ResponseError<never>(ErrorCodes.InternalError, `gkreport: ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/**
 * Wraps a notification handler: params that do not fit `expects` are logged and ignored before the
 * handler runs; a refusal is logged as a warning; an exception is logged, never fatal.
 */
export function guardNotification<P>(ctx: ServerContext, method: string, expects: Schema, handler: (params: P) => void | Promise<void>) {
  return async (params: P): Promise<void> => {
    const problem = expects.problem(params, '');
    if (problem !== undefined) {
      ctx.connection.console.warn(`${expectsMessage(method, expects, problem)}: ignored`);
      return;
    }
    try {
      await handler(params);
    } catch (error) {
      if (error instanceof Refusal) ctx.connection.console.warn(error.message);
      else ctx.logError(method, error);
    }
  };
}
