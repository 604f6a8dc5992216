/// <reference types="mocha" />
// The extension-host entry point (`extensionTestsPath`), in the shape @vscode/test-electron runs:
// `run()` drives mocha inside the real extension host and rejects when a test fails.
// Results are also written as JSON (E2E_RESULTS_FILE) for drivers that cannot read the host's console.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';
import { defineExtensionTests } from './extension.e2e';

interface Results {
  passed: { title: string; ms: number }[];
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The tests are bundled with this file: give them mocha's globals, then let them declare themselves.
  mocha.suite.emit('pre-require', globalThis, 'extension.e2e', mocha);
  defineExtensionTests();
  const results: Results = { passed: [], failed: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.E2E_RESULTS_FILE;
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(results, null, 2));
      }
      console.log(`[e2e suite] ${results.passed.length} passed, ${results.failed.length} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push({ title: test.fullTitle(), ms: test.duration ?? 0 }));
    runner.on('fail', (test, error: Error) => results.failed.push({ title: test.fullTitle(), error: String(error?.stack ?? error) }));
  });
}
