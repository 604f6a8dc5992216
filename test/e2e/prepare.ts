// What both real-editor runners prepare: the extension-host suite bundle, the scratch workspaces,
// a quiet user profile and the zh-cn display language. Runners: driver.ts (code-server + Chromium,
// offline) and desktop.ts (@vscode/test-electron, where VS Code can be downloaded).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(__dirname, '..', '..');
/** The bundled suite: inside the extension folder, so `require('vscode')` knows whose it is. */
export const SUITE = join(ROOT, 'out', 'e2e', 'index.js');
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
export const WRONG_TOTAL_FILE = '安宁市2022年报-合计有误.txt';

export async function buildSuite(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'suite', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    charset: 'utf8',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/**
 * Makes zh-cn the display language. No Chinese language pack can be installed offline, so the
 * language-pack index that VS Code (server and desktop) reads from the user-data folder (languagepacks.json, 1.100 format)
 * names zh-cn with an empty translation file: VS Code's own strings stay English, while the workbench,
 * the extension host and `vscode.env.language` are zh-cn, so the extension's manifest, l10n bundle
 * and server messages are read in Chinese, as with a real language pack.
 */
export function useChineseDisplayLanguage(userData: string): void {
  const translations = join(ROOT, 'test', 'e2e', 'zh-cn.i18n.json');
  const index = {
    'zh-cn': {
      hash: 'gkreport-e2e-zh-cn-1',
      extensions: [{ extensionIdentifier: { id: 'gkreport-tests.zh-cn' }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    },
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(index, null, 2));
}

/** A published PDF the import command is tried on (洪泽 2023: two wrong totals in table 四, on page 4). */
export const PDF_REPORT = 'huaian-hongze-district-2023.pdf';

/** Phase 1's workspace: copies of the seeds (the tests edit them), and a published PDF. */
export function seedWorkspace(folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(SEEDS)) if (name.endsWith('.txt')) copyFileSync(join(SEEDS, name), join(folder, name));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'native', 'pdf', PDF_REPORT), join(folder, PDF_REPORT));
}

/** Phase 2's workspace: 安宁 2022 with one wrong total. */
export function uiWorkspace(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const lines = readFileSync(join(SEEDS, '002_5d8db5c6007b71c2.txt'), 'utf8').split('\n');
  lines[28] = lines[28].replace('| 20 |', '| 21 |'); // 一、本年新收 …: 17 + 3 = 20
  writeFileSync(join(folder, WRONG_TOTAL_FILE), lines.join('\n'));
}

export function userSettings(userData: string): void {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.colorTheme': 'Default Light Modern',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'files.autoSave': 'off', // the tests edit copies and must not write them
        'editor.minimap.enabled': false,
        'editor.fontSize': 15,
      },
      null,
      2,
    ),
  );
}

