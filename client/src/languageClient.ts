// Starts the language server (dist/server.js) and tells it the settings and the editor's language.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { REPORT_LANGUAGE } from './detect';

export const SETTINGS_SECTION = 'gkreport';

/** The `gkreport` settings as one plain object, the shape `workspace/configuration` returns. */
function currentSettings(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION)));
}

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // --expose-gc: the server collects on purpose when a big document closes (server/src/lsp/memory.ts).
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc', '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Markdown too: the server checks those that look like reports. Plain text is not synced: a .txt
    // report is switched to the report language as it opens (detect.ts), and syncing the plain-text
    // document first made the client skip the diagnostics pull of the report document that replaces it
    // (its pull for the closed plain-text document was still running; found by the real-editor tests).
    documentSelector: [
      { scheme: 'file', language: REPORT_LANGUAGE },
      { scheme: 'untitled', language: REPORT_LANGUAGE },
      { scheme: 'file', language: 'markdown' },
    ],
    initializationOptions: { settings: currentSettings(), locale: vscode.env.language },
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  return new LanguageClient('gkreport', vscode.l10n.t('Disclosure report checker'), serverOptions, clientOptions);
}
