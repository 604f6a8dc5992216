// The preview's page (client/src/preview.ts): a strict Content-Security-Policy with a nonce, nothing
// remote, the document's style plus the theme's colours for faults by severity and high contrast.
import '../client/useFakeVscode';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { previewPage } from '../../client/src/preview';

describe('the preview page', () => {
  const page = previewPage('vscode-webview://csp-source', 'N0nce');

  it('allows only its own nonce\'d style and script; no remote resource, no inline handler', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1];
    assert.equal(csp, "default-src 'none'; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'; img-src vscode-webview://csp-source data:; font-src vscode-webview://csp-source");
    assert.doesNotMatch(page, /unsafe-inline|unsafe-eval|https?:\/\/|\son\w+=|\ssrc=/);
    assert.equal((page.match(/<style nonce="N0nce">/g) ?? []).length, 1);
    assert.equal((page.match(/<script nonce="N0nce">/g) ?? []).length, 1);
    assert.equal((page.match(/<script/g) ?? []).length, 1);
  });

  it('follows the theme: VS Code colours for text, faults by severity, the cursor, high contrast', () => {
    for (const variable of ['--vscode-editor-foreground', '--vscode-editor-background', '--vscode-editorError-foreground', '--vscode-editorWarning-foreground',
      '--vscode-editorInfo-foreground', '--vscode-focusBorder', '--vscode-contrastActiveBorder']) assert.ok(page.includes(`var(${variable})`), variable);
    assert.match(page, /body\.vscode-high-contrast/);
    assert.match(page, /"仿宋_GB2312", "仿宋", FangSong/, 'the document\'s own faces, as exported');
  });
});
