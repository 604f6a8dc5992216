// The VS Code side: starts the language server and wires detection, commands, the status bar and the preview.
// All checking lives in the server.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerReportDetection } from './detect';
import { createLanguageClient } from './languageClient';
import type { ReportStatus, ServerChannel } from '../../server/src/contract/protocol';
import { ReportStatusBar } from './statusBar';
import { registerPreview, type ReportPreviews } from './preview';

let client: LanguageClient | undefined;

/** What activate returns, for tests and other extensions. */
export interface ReportExtensionApi {
  client: LanguageClient;
  /** Fires after the server has checked a version of a document, with its counts. */
  onDidReportStatus: vscode.Event<ReportStatus>;
  /** The reports' previews (their onDidRender tells what each shows). */
  previews: ReportPreviews;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReportExtensionApi> {
  client = createLanguageClient(context);
  const server: ServerChannel = client;
  registerReportDetection(context);
  registerCommands(context, server);
  const statusBar = new ReportStatusBar(server);
  context.subscriptions.push(statusBar);
  const previews = registerPreview(context, server, statusBar.onDidUpdate);
  await client.start();
  return { client, onDidReportStatus: statusBar.onDidUpdate, previews };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
