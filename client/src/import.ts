// “导入年报（Word、网页、PDF）”: the server converts the file; the report text is written as a
// .gkreport file beside it and opened, checked like any other report. Its diagnostics name their
// place in the source file.
import * as vscode from 'vscode';
import { IMPORT_REQUEST, type ImportParams, type ImportResult, type ServerChannel } from '../../server/src/contract/protocol';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The file to import: the one the command was run on (explorer), else one the user picks. */
async function chooseSource(uri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (uri) return uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Word, web pages and PDF')]: ['docx', 'html', 'htm', 'pdf'] },
  });
  return picked?.[0];
}

/**
 * Imports a Word file, web page or PDF; returns the .gkreport file it wrote and opened. An existing
 * .gkreport of the same name is replaced only when the user says so (else a new name is chosen).
 */
export async function importReport(server: ServerChannel, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = await chooseSource(uri);
  if (!source) return undefined;
  let result: ImportResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}', source.path.split('/').pop() ?? '') },
      () => server.sendRequest<ImportResult>(IMPORT_REQUEST, { uri: source.toString() } satisfies ImportParams),
    );
  } catch (error) {
    // The server's message says why the file cannot be read and what to do.
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  let target = vscode.Uri.parse(result.target);
  if (await exists(target)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists already. Replace it?', target.path.split('/').pop() ?? ''), { modal: true }, replace, vscode.l10n.t('Save as…'));
    if (answer === undefined) return undefined;
    if (answer !== replace) {
      const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { gkreport: ['gkreport'] } });
      if (!chosen) return undefined;
      target = chosen;
    }
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  if (result.notes.length > 0) void vscode.window.showInformationMessage(result.notes.join(' '));
  return target;
}
