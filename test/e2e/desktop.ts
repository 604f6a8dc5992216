// The same extension-host suite in desktop VS Code through @vscode/test-electron, for machines that
// can download VS Code (this one cannot: its network reaches only the npm and Debian registries,
// so `npm test` runs the suite through driver.ts instead).
//   npm run test:e2e:desktop          VS Code 1.100.3 (E2E_VSCODE_VERSION to change it)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, ROOT, seedWorkspace, SUITE, useChineseDisplayLanguage, userSettings } from './prepare';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'gkreport-e2e-desktop-'));
  const workspace = join(scratch, 'seeds');
  const userData = join(scratch, 'user-data');
  seedWorkspace(workspace);
  userSettings(userData);
  useChineseDisplayLanguage(userData);
  await buildSuite();
  try {
    await runTests({
      version: process.env.E2E_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', join(scratch, 'extensions'), '--locale', 'zh-cn',
        '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { E2E_RESULTS_FILE: join(ROOT, 'test-results', 'e2e-desktop-results.json') },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`e2e (desktop): ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
