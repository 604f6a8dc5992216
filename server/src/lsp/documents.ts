// The open documents. Every document notification is checked before TextDocuments sees it: a
// malformed one is logged and ignored, whole — never half-applied, and never a document whose text
// is not a string, which would break every later check that looks at the other open reports. A
// change that is not newer than the stored version is a stale or repeated one: applying it would
// put the store out of step with the editor, so it is refused (and logged).
import { CancellationToken, type Disposable, type TextDocumentContentChangeEvent, type TextDocuments, type TextDocumentsConfiguration, type WillSaveTextDocumentParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guard, guardNotification, Refusal, type ServerContext } from './context';
import { array, byKey, integer, object, onDocument, optional, range, string, uinteger } from './params';

export const DID_OPEN_PARAMS = object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) });
const rangedChange = object({ range, rangeLength: optional(uinteger), text: string });
export const DID_CHANGE_PARAMS = object({
  textDocument: object({ uri: string, version: integer }),
  contentChanges: array(byKey('range', rangedChange, object({ text: string }))),
});
export const DID_CLOSE_PARAMS = onDocument();
export const DID_SAVE_PARAMS = onDocument({ text: optional(string) });
export const WILL_SAVE_PARAMS = onDocument({ reason: integer });

export const checkedTextDocuments: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, content) {
    return TextDocument.create(uri, languageId, version, content);
  },
  update(document, changes: TextDocumentContentChangeEvent[], version) {
    if (version <= document.version) {
      throw new Refusal(`gkreport: ignored textDocument/didChange for ${document.uri}: version ${version} is not newer than the stored version ${document.version}`);
    }
    return TextDocument.update(document, changes, version);
  },
};

/** Lets `documents` follow the client's document notifications, each checked first (see above). */
export function listenChecked(ctx: ServerContext, documents: TextDocuments<TextDocument>): Disposable {
  const { connection } = ctx;
  return documents.listen({
    onDidOpenTextDocument: (handler) =>
      connection.onNotification('textDocument/didOpen', guardNotification(ctx, 'textDocument/didOpen', DID_OPEN_PARAMS, handler)),
    onDidChangeTextDocument: (handler) =>
      connection.onNotification('textDocument/didChange', guardNotification(ctx, 'textDocument/didChange', DID_CHANGE_PARAMS, handler)),
    onDidCloseTextDocument: (handler) =>
      connection.onNotification('textDocument/didClose', guardNotification(ctx, 'textDocument/didClose', DID_CLOSE_PARAMS, handler)),
    onDidSaveTextDocument: (handler) =>
      connection.onNotification('textDocument/didSave', guardNotification(ctx, 'textDocument/didSave', DID_SAVE_PARAMS, handler)),
    // Not advertised (no willSave in the capabilities), but TextDocuments listens for them: checked all the same.
    onWillSaveTextDocument: (handler) =>
      connection.onNotification('textDocument/willSave', guardNotification(ctx, 'textDocument/willSave', WILL_SAVE_PARAMS, handler)),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onRequest('textDocument/willSaveWaitUntil', guard(ctx, 'textDocument/willSaveWaitUntil', WILL_SAVE_PARAMS, async (params: WillSaveTextDocumentParams) => await handler(params, CancellationToken.None))),
  });
}
