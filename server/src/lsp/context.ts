// What every capability module shares: the connection, the open documents, settings and the check cache.
import { ErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core';
import { AnalysisCache, type Analysis } from './analysis';
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

/**
 * Wraps a request handler: an exception is logged and answered with an error response, never fatal.
 * Errors that are already responses (bad parameters) pass through as they are.
 */
export function guard<P, R>(ctx: ServerContext, name: string, handler: (params: P) => R | Promise<R>) {
  return async (params: P): Promise<R | ResponseError<never>> => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<never>;
      ctx.logError(name, error);
      return new ResponseError<never>(ErrorCodes.InternalError, `gkreport: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Wraps a notification handler: an exception is logged, never fatal. */
export function guardNotification<P>(ctx: ServerContext, name: string, handler: (params: P) => void | Promise<void>) {
  return async (params: P): Promise<void> => {
    try {
      await handler(params);
    } catch (error) {
      ctx.logError(name, error);
    }
  };
}
