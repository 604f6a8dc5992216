// The language server: a thin adapter from LSP documents to the core checker.
// Run by the VS Code client over IPC, or by any editor with `node dist/server.js --stdio`.
import { looksLikeReport } from './core/detect';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from './core/engine';
import { pickLocale } from './core/i18n';
import { LineIndex } from './core/lineIndex';
import type { Locale } from './core/types';
import { toDiagnostic } from './convert';
import { TOOL_NAME, VERSION } from './version';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let locale: Locale = 'zh-cn';

/** Delay after the last keystroke before a document is checked again. */
const DEBOUNCE_MS = 200;
const pending = new Map<string, ReturnType<typeof setTimeout>>();
/** Documents checked at least once; the first check (on open) runs at once. */
const seen = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  // zh-cn unless the editor says it runs in another language.
  locale = params.locale ? pickLocale(params.locale) : 'zh-cn';
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: TOOL_NAME, version: VERSION },
  };
});

/**
 * `.gkreport` documents are always checked; plain text and Markdown only when they look like a
 * disclosure report, so that unrelated notes get no diagnostics.
 */
function isReport(document: TextDocument): boolean {
  if (document.languageId === 'gkreport') return true;
  return looksLikeReport(document.getText());
}

function validate(document: TextDocument): void {
  try {
    if (!isReport(document)) {
      connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    const text = document.getText();
    const { findings } = check(text);
    const index = new LineIndex(text);
    const diagnostics = findings.map((finding) =>
      toDiagnostic(finding, {
        index,
        uri: document.uri,
        locale,
        includeData: true,
        otherFile: (file) => {
          const uri = file.includes('://') ? file : pathToFileURL(file).href;
          const other = documents.get(uri);
          return other ? { uri, index: new LineIndex(other.getText()) } : undefined;
        },
      }),
    );
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    connection.console.error(`gkreport: checking ${document.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

function schedule(document: TextDocument): void {
  if (!seen.has(document.uri)) {
    seen.add(document.uri);
    validate(document);
    return;
  }
  const previous = pending.get(document.uri);
  if (previous) clearTimeout(previous);
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) validate(current);
    }, DEBOUNCE_MS),
  );
}

// TextDocuments reports an opened document as a content change too.
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  seen.delete(event.document.uri);
  const timer = pending.get(event.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
