// Import first: makes `import * as vscode from 'vscode'` in client modules load fakeVscode.ts.
import Module from 'node:module';

const fake = require.resolve('./fakeVscode');
const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fake : resolveFilename.call(this, request, ...rest);
};
