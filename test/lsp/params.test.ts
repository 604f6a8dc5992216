// Malformed params, method by method (server/src/lsp/params.ts and each capability module): every
// request the server handles answers InvalidParams with `gkreport: <method> expects …` — never a
// JavaScript error text — and every notification is logged and ignored, whole, leaving the document
// store as it was. The methods come from the server's initialize result and from the client contract
// (server/src/contract/protocol.ts): a capability or a custom method without a row here fails the test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as protocol from '../../server/src/contract/protocol';
import { check, LineIndex } from '../../server/src/core';
import { type LspClient, applyLspEdits, positionOf, seedText, startServer } from '../../scripts/lsp-client';

const BOUND_MS = 5_000;
const INVALID_PARAMS = -32602;
const SEED = seedText('000_62a988e64cb0ac5c.txt');
const URI = 'file:///params/report.gkreport';
const OTHER = 'file:///params/other.gkreport';
const position = { line: 3, character: 2 };
const range = { start: position, end: { line: 3, character: 6 } };
const doc = { textDocument: { uri: URI } };

/** The methods behind each capability of the initialize result. */
const CAPABILITY_METHODS: Record<string, string[]> = {
  textDocumentSync: ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave'],
  diagnosticProvider: ['textDocument/diagnostic'],
  codeActionProvider: ['textDocument/codeAction', 'codeAction/resolve'],
  hoverProvider: ['textDocument/hover'],
  documentSymbolProvider: ['textDocument/documentSymbol'],
  foldingRangeProvider: ['textDocument/foldingRange'],
  documentFormattingProvider: ['textDocument/formatting'],
  completionProvider: ['textDocument/completion'],
  executeCommandProvider: ['workspace/executeCommand'],
};
/** Handled without a capability of their own. */
const ALSO_HANDLED = ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles'];
/** Contract names that are no method the client sends. */
const NOT_CLIENT_METHODS = new Set<string>([protocol.STATUS_NOTIFICATION, protocol.MIXED_LAYOUTS]);

/** Params that a text-document request refuses, beyond its own. */
const documentBad = (extra: object) => [
  undefined,
  'a string',
  42,
  [1, 2],
  {},
  { ...extra, textDocument: null },
  { ...extra, textDocument: { uri: 42 } },
  { ...extra, textDocument: {} },
];
const positionBad = (extra: object) => [
  ...documentBad({ ...extra, position }),
  { ...doc, ...extra },
  { ...doc, ...extra, position: { line: '3', character: 2 } },
  { ...doc, ...extra, position: { line: -1, character: 2 } },
  { ...doc, ...extra, position: { line: 3 } },
  { ...doc, ...extra, position: { line: 1.5, character: 0 } },
  { ...doc, ...extra, position: { line: 2 ** 40, character: 0 } },
  { ...doc, ...extra, position: [3, 2] },
];

interface Row {
  notification?: boolean;
  /** What the method refuses. */
  bad: unknown[];
  /** What it takes (to see it answer after all the refusals). */
  good?: unknown;
  /** The message names this instead of the method (the commands). */
  name?: string;
}

const context = { diagnostics: [] };
const TABLE: Record<string, Row> = {
  'textDocument/hover': { bad: positionBad({}), good: { ...doc, position } },
  'textDocument/completion': { bad: positionBad({}), good: { ...doc, position } },
  'textDocument/documentSymbol': { bad: documentBad({}), good: doc },
  'textDocument/foldingRange': { bad: documentBad({}), good: doc },
  'textDocument/formatting': { bad: documentBad({ options: { tabSize: 4, insertSpaces: true } }), good: { ...doc, options: { tabSize: 4, insertSpaces: true } } },
  'textDocument/diagnostic': { bad: documentBad({}), good: doc },
  'textDocument/codeAction': {
    bad: [
      ...documentBad({ range, context }),
      { ...doc, context },
      { ...doc, range: { start: { line: 4, character: 0 }, end: { line: 3, character: 9 } }, context },
      { ...doc, range: { start: { line: 3, character: 6 }, end: { line: 3, character: 2 } }, context },
      { ...doc, range: { start: position, end: { line: '3', character: 6 } }, context },
      { ...doc, range: { start: { line: -2, character: 0 }, end: position }, context },
      { ...doc, range },
      { ...doc, range, context: { diagnostics: 'all' } },
      { ...doc, range, context: { diagnostics: [{ message: 'no range' }] } },
      { ...doc, range, context: { diagnostics: [{ range: { start: position }, message: 'half a range' }] } },
      { ...doc, range, context: { diagnostics: [], only: 'quickfix' } },
      { ...doc, range, context: { diagnostics: [], only: [1] } },
    ],
    good: { ...doc, range, context },
  },
  'codeAction/resolve': {
    bad: [undefined, 'x', {}, { title: 42 }, { title: 'Recompute', data: { recompute: { uri: 42 } } }, { title: 'Recompute', data: { recompute: 'all' } }],
    good: { title: 'Recompute all totals', data: { recompute: { uri: URI } } },
  },
  'workspace/executeCommand': {
    bad: [undefined, 'x', {}, { command: 42 }, { command: 'gkreport.server.noSuchCommand' }, { command: protocol.SERVER_RECOMPUTE_TOTALS, arguments: 'x' }],
    good: { command: protocol.SERVER_RECOMPUTE_TOTALS, arguments: [URI] },
  },
  [protocol.SERVER_RECOMPUTE_TOTALS]: {
    name: protocol.SERVER_RECOMPUTE_TOTALS,
    bad: [[], [42], [null], [{ uri: URI }]],
  },
  [protocol.SERVER_INSERT_TABLE]: {
    name: protocol.SERVER_INSERT_TABLE,
    bad: [[], [URI], [URI, position], [42, position, '三'], [URI, { line: '1', character: 0 }, '三'], [URI, { line: -1, character: 0 }, '三'], [URI, position, '五'], [URI, position, 3], [URI, position, '三', '1999'], [URI, position, '三', 2021]],
  },
  [protocol.TEMPLATES_REQUEST]: { bad: ['x', 42, [1, 2], true], good: {} },
  [protocol.REPORT_FILES_REQUEST]: { bad: ['x', 42, [7]], good: {} },
  [protocol.PUBLISH_REQUEST]: { bad: [undefined, 'x', {}, { uri: URI }, { uri: 42, to: 'html' }, { uri: URI, to: 'pdf' }, { uri: URI, to: ['html'] }] },
  [protocol.IMPORT_REQUEST]: { bad: [undefined, 'x', {}, { uri: 42 }, { uri: ['file:///a.pdf'] }] },
  [protocol.CHECK_FILES_REQUEST]: { bad: [undefined, 'x', {}, { uris: 'file:///a.txt' }, { uris: [1] }, { uris: [URI, null] }], good: { uris: [] } },
  'textDocument/didOpen': {
    notification: true,
    bad: [
      undefined,
      'x',
      {},
      { textDocument: { uri: URI, languageId: 'gkreport', version: 9, text: 42 } },
      { textDocument: { uri: 42, languageId: 'gkreport', version: 9, text: '' } },
      { textDocument: { uri: URI, languageId: 'gkreport', version: 'nine', text: '' } },
      { textDocument: { uri: URI, version: 9, text: '' } },
    ],
  },
  'textDocument/didChange': {
    notification: true,
    bad: [
      undefined,
      'x',
      { contentChanges: [{ text: '' }] },
      { textDocument: { uri: URI }, contentChanges: [{ text: '' }] },
      { textDocument: { uri: URI, version: '9' }, contentChanges: [{ text: '' }] },
      { textDocument: { uri: 42, version: 9 }, contentChanges: [{ text: '' }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: 'all of it' },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ text: 42 }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ range, text: 'x' }, { text: 7 }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 2, character: 0 } }, text: '' }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ range: { start: { line: '1', character: 0 }, end: position }, text: '' }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: position }, text: '' }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ range: { start: position }, text: '' }] },
      { textDocument: { uri: URI, version: 9 }, contentChanges: [{ range, rangeLength: -4, text: '' }] },
    ],
  },
  'textDocument/didClose': { notification: true, bad: [undefined, 'x', {}, { textDocument: { uri: 42 } }, { textDocument: null }] },
  'textDocument/didSave': { notification: true, bad: [undefined, {}, { textDocument: { uri: 42 } }, { ...doc, text: 42 }] },
  'workspace/didChangeConfiguration': { notification: true, bad: ['x', 42, [1, 2]] },
  'workspace/didChangeWatchedFiles': {
    notification: true,
    bad: [undefined, {}, { changes: 'x' }, { changes: [{ uri: 1, type: 1 }] }, { changes: [{ uri: 'file:///a.txt', type: 9 }] }],
  },
};

let client: LspClient;
let text = SEED;
let version = 1;
before(async () => {
  client = await startServer({ capabilities: { textDocument: { diagnostic: {} }, workspace: { applyEdit: true } } });
  client.onRequest('workspace/applyEdit', () => ({ applied: false }));
  client.open(URI, text, 'gkreport', version);
  client.open(OTHER, SEED, 'gkreport');
});
after(async () => {
  await client.shutdown();
  assert.equal(client.running, false);
});

/** Diagnostics as `code@line:character-line:character`, from the server or from the core. */
type Place = { range: { start: { line: number; character: number }; end: { line: number; character: number } } };
const placed = (code: string, { range: r }: Place) => `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
function coreDiagnostics(of: string): string[] {
  const index = new LineIndex(of);
  return check(of).findings.map((f) => placed(f.ruleId, { range: { start: index.positionAt(f.span.start), end: index.positionAt(f.span.end) } }));
}

/** The server's diagnostics of `uri`, pulled, are those the core finds in `expected`: its copy is the client's. */
async function sameAsCore(uri = URI, expected = text): Promise<void> {
  const pulled = await client.call('textDocument/diagnostic', { textDocument: { uri } });
  assert.deepEqual(
    pulled.items.map((d: Place & { code: string }) => placed(d.code, d)),
    coreDiagnostics(expected),
    "the server's copy of the document is the client's",
  );
}

describe('every method the server handles has a row', () => {
  test('the capabilities of the initialize result', () => {
    const capabilities = client.initializeResult.capabilities;
    for (const key of Object.keys(capabilities)) {
      assert.ok(CAPABILITY_METHODS[key], `capability ${key}: add its methods to CAPABILITY_METHODS and TABLE`);
      for (const method of CAPABILITY_METHODS[key]) assert.ok(TABLE[method], `${method} (${key}) has a row`);
    }
    for (const command of capabilities.executeCommandProvider.commands) assert.ok(TABLE[command], `command ${command} has a row`);
    for (const method of ALSO_HANDLED) assert.ok(TABLE[method], `${method} has a row`);
  });

  test('the custom methods of the client contract', () => {
    const names = (Object.values(protocol) as unknown[]).filter((v): v is string => typeof v === 'string' && !NOT_CLIENT_METHODS.has(v));
    assert.ok(names.length >= 5);
    for (const name of names) assert.ok(TABLE[name] || CAPABILITY_METHODS.executeCommandProvider.includes(name), `${name} has a row`);
  });
});

/** A message of ours, not a JavaScript error text, and short. */
function assertOurs(message: string, subject: string): void {
  assert.ok(message.startsWith(`gkreport: ${subject} expects `), message);
  assert.doesNotMatch(message, /TypeError|Cannot read|undefined is not|is not a function|at .*\.js:\d+/);
  assert.ok(message.length < 300, `short: ${message.length} characters`);
}

describe('requests: malformed params get InvalidParams with what the method expects', () => {
  for (const [method, row] of Object.entries(TABLE)) {
    if (row.notification) continue;
    test(method, async () => {
      for (const params of row.bad) {
        const sent = row.name ? { command: row.name, arguments: params } : params;
        const answer = await client.request(row.name ? 'workspace/executeCommand' : method, sent, BOUND_MS);
        assert.equal(answer.error?.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
        assertOurs(answer.error!.message, row.name ?? method);
      }
      if (row.good !== undefined) {
        const answer = await client.request(method, row.good, BOUND_MS);
        assert.equal(answer.error, undefined, `${method} still answers: ${answer.error?.message}`);
      }
    });
  }
});

describe('notifications: malformed params are logged and ignored, the document store stays as it was', () => {
  for (const [method, row] of Object.entries(TABLE)) {
    if (!row.notification) continue;
    test(method, async () => {
      for (const params of row.bad) {
        const log = client.next((m) => m.method === 'window/logMessage' && m.params.message.startsWith(`gkreport: ${method} expects `), `the log for ${JSON.stringify(params)}`, BOUND_MS);
        client.notify(method, params);
        const message = (await log).params.message as string;
        assertOurs(message, method);
        assert.match(message, /: ignored$/);
      }
      await sameAsCore();
    });
  }

  test('a change that is not newer than the stored version is refused and logged; the next real change applies', async () => {
    for (const stale of [version, version - 1, -5]) {
      const log = client.next((m) => m.method === 'window/logMessage' && /didChange/.test(m.params.message), 'the refusal', BOUND_MS);
      client.notify('textDocument/didChange', { textDocument: { uri: URI, version: stale }, contentChanges: [{ text: '' }] });
      assert.match((await log).params.message, new RegExp(`^gkreport: ignored textDocument/didChange for ${URI}: version ${stale} is not newer than the stored version ${version}$`));
    }
    await sameAsCore();
    // A real, ranged change on top: applied to the stored text, which was untouched.
    const at = positionOf(text, '| 1093 |', 2);
    const change = { range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: '1039' };
    text = applyLspEdits(text, [{ range: change.range, newText: change.text }]);
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [change] });
    await sameAsCore();
    assert.ok(check(text).findings.some((f) => f.ruleId === 'GK301'), 'the change is visible (a wrong total)');
  });

  test('the other open document was never touched', async () => {
    await sameAsCore(OTHER, SEED);
  });
});
