// The open documents. Malformed didOpen/didChange notifications are refused before a document is
// stored: one document whose text is not a string would break every later check that looks at
// the other open reports. (A handler's exception is logged by the JSON-RPC layer, never fatal.)
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

function isChange(change: unknown): change is TextDocumentContentChangeEvent {
  return typeof change === 'object' && change !== null && typeof (change as { text?: unknown }).text === 'string';
}

export const checkedTextDocuments: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, content) {
    if (typeof uri !== 'string' || typeof version !== 'number' || typeof content !== 'string') {
      throw new Error(`gkreport: ignored a malformed didOpen for ${String(uri)}`);
    }
    return TextDocument.create(uri, String(languageId), version, content);
  },
  update(document, changes, version) {
    if (typeof version !== 'number' || !Array.isArray(changes) || !changes.every(isChange)) {
      throw new Error(`gkreport: ignored a malformed didChange for ${document.uri}`);
    }
    return TextDocument.update(document, changes, version);
  },
};
