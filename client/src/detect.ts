// Opens plain-text reports in the report language, so the seeds need no renaming.
// Markdown reports stay Markdown (preview, tables as Markdown); the server checks them as they are.
import * as vscode from 'vscode';
import { looksLikeReport } from '../../server/src/core/client';

export const REPORT_LANGUAGE = 'gkreport';

/** More than looksLikeReport reads, so typing into a long untitled note stays cheap. */
const PREFIX = 10_000;

/** Documents from disk or new ones; not diffs, git views or output channels. */
const SCHEMES = new Set(['file', 'untitled']);

export interface DocumentFacts {
  languageId: string;
  scheme: string;
  text: string;
}

/** Whether a document should switch to the report language: plain text that names 政府信息公开 near its start. */
export function shouldOpenAsReport(doc: DocumentFacts, detectReports: boolean): boolean {
  return detectReports && doc.languageId === 'plaintext' && SCHEMES.has(doc.scheme) && looksLikeReport(doc.text);
}

function detectionEnabled(): boolean {
  return vscode.workspace.getConfiguration('gkreport').get<boolean>('detectReports', true);
}

/**
 * Switches plain-text reports to the report language when they open (and untitled ones when a
 * report is pasted). A document the user turns back into plain text stays plain text this session.
 */
export function registerReportDetection(context: vscode.ExtensionContext): void {
  const switched = new Set<string>();
  const consider = async (doc: vscode.TextDocument): Promise<void> => {
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    if (!shouldOpenAsReport({ languageId: doc.languageId, scheme: doc.uri.scheme, text: doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(PREFIX))) }, detectionEnabled())) return;
    switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
    } catch {
      // The document closed meanwhile: nothing to switch.
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.isUntitled && event.contentChanges.length > 0) void consider(event.document);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('gkreport.detectReports')) vscode.workspace.textDocuments.forEach(consider);
    }),
  );
  vscode.workspace.textDocuments.forEach(consider);
}
