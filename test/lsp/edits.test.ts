// No response ever carries edits that overlap or write two texts at one place: a client applying them
// would corrupt the report (LSP leaves such edits undefined). A property over random edits of the fixture
// reports (test/fixtures/seeds and real; fast-check, fixed seed, bounded runs), for every response that
// carries edits: quick fixes, fix-all (source.fixAll.gkreport, with and without fixAll.includeTotals),
// recompute-all (offered whole, or resolved), the TAB → pipe refactor, the workspace/applyEdit of the
// gkreport.server.* commands, and formatting. Each edit's range must also lie inside the text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { parseReport, formatTables } from '../../server/src/core';
import { AnalysisCache, type Analysis } from '../../server/src/lsp/analysis';
import { codeActionsFor, toLspEdits } from '../../server/src/lsp/codeActions';
import { insertTableEdit, recomputeEdit } from '../../server/src/lsp/commands';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { type LspClient, root, startServer } from '../../scripts/lsp-client';

const FC = { seed: 20261214, endOnFailure: true } as const;
const BOUND_MS = 10_000;

const FIXTURES = ['seeds', 'real'].flatMap((dir) =>
  readdirSync(join(root, 'test', 'fixtures', dir))
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(root, 'test', 'fixtures', dir, f), 'utf8') })),
);

// ── random edits of the fixtures ────────────────────────────────────────────

/** Pieces of reports and of broken reports. */
const PIECES = ['|', '｜', '\t', '\n', '\r\n', ' ', '\u3000', '0', '７', '12', '-3', '1,000', '0.5', '一、', '（三）', '总计', '\n\n', '| 1 | 2 |', '万元', '—'];

type Mutation = { kind: 'splice' | 'join' | 'duplicate' | 'delete' | 'tabs'; at: number; remove: number; insert: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('splice', 'splice', 'join', 'duplicate', 'delete', 'tabs'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(12),
  insert: fc.constantFrom(...PIECES),
});

/** Applies each mutation at its relative place: a splice, or a whole line joined to the next, doubled, deleted or turned into TABs. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * t.length);
    if (m.kind === 'splice') {
      t = t.slice(0, at) + m.insert + t.slice(at + m.remove);
      continue;
    }
    const start = t.lastIndexOf('\n', at - 1) + 1;
    const next = t.indexOf('\n', at);
    const end = next < 0 ? t.length : next;
    if (m.kind === 'join') t = end < t.length ? t.slice(0, end) + t.slice(end + 1) : t;
    else if (m.kind === 'duplicate') t = `${t.slice(0, end)}\n${t.slice(start, end)}${t.slice(end)}`;
    else if (m.kind === 'delete') t = t.slice(0, start) + t.slice(Math.min(t.length, end + 1));
    else t = t.slice(0, start) + t.slice(start, end).split(/ *[|｜] */).join('\t') + t.slice(end);
  }
  return t;
}

const mutatedReport = fc
  .tuple(fc.nat(FIXTURES.length - 1), fc.array(mutation, { maxLength: 8 }))
  .map(([i, mutations]) => ({ name: FIXTURES[i].name, mutations, text: mutate(FIXTURES[i].text, mutations) }));

// ── the property ────────────────────────────────────────────────────────────

interface LspEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Line starts and lengths as LSP counts them (CR LF, CR and LF end a line). */
function lines(text: string): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out.push({ start, length: i - start });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  out.push({ start, length: text.length - start });
  return out;
}

/**
 * What is wrong with one response's edits, if anything: a position outside the text (or between CR and
 * LF), a range that ends before it starts, two ranges that overlap, or two texts written at one place.
 */
function clash(text: string, edits: readonly LspEdit[]): string | undefined {
  const table = lines(text);
  const offset = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < table.length && p.character >= 0 && p.character <= table[p.line].length ? table[p.line].start + p.character : undefined;
  const spans: { start: number; end: number; text: string; edit: LspEdit }[] = [];
  for (const edit of edits) {
    const start = offset(edit.range.start);
    const end = offset(edit.range.end);
    if (start === undefined || end === undefined) return `a range outside the text: ${JSON.stringify(edit.range)}`;
    if (end < start) return `a range that ends before it starts: ${JSON.stringify(edit.range)}`;
    if (start === end && edit.newText === '') continue; // changes nothing
    spans.push({ start, end, text: edit.newText, edit });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const show = (s: (typeof spans)[number]) => `${JSON.stringify(s.edit.range)} → ${JSON.stringify(s.text.slice(0, 40))}`;
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1], spans[i]];
    if (b.start < a.end) return `overlapping edits: ${show(a)} and ${show(b)}`;
    if (a.start === b.start && a.text !== '' && b.text !== '') return `two texts at one place: ${show(a)} and ${show(b)}`;
  }
  return undefined;
}

/** The edits of a code action for `uri`, however the workspace edit holds them. */
function editsOf(action: Pick<CodeAction, 'edit'>, uri: string): LspEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  const changes = edit.changes?.[uri] ?? [];
  const documentChanges = (edit.documentChanges ?? []).flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? c.edits : []));
  assert.ok(changes.length === 0 || documentChanges.length === 0, 'one way of carrying the edits');
  return [...changes, ...documentChanges] as LspEdit[];
}

function analyse(text: string): Analysis {
  const document = TextDocument.create('file:///edits/report.gkreport', 'gkreport', 1, text);
  return new AnalysisCache(() => document).get(document, DEFAULT_SETTINGS, 'en', 0);
}

const everywhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Every edit-carrying response of the server's code actions and commands for `text`, by name. */
function responses(text: string): [string, LspEdit[]][] {
  const analysis = analyse(text);
  const out: [string, LspEdit[]][] = [];
  const actions = (diagnostics: Diagnostic[], only: string[] | undefined, range = everywhere, includeTotals = false) =>
    codeActionsFor(analysis, { textDocument: { uri: analysis.uri }, range, context: { diagnostics, only } }, { includeTotals, resolveEdits: false });
  for (const diagnostic of analysis.diagnostics) {
    for (const action of actions([diagnostic], ['quickfix'], diagnostic.range)) out.push([`quick fix "${action.title}"`, editsOf(action, analysis.uri)]);
  }
  for (const includeTotals of [false, true]) {
    for (const action of actions([], ['source'], everywhere, includeTotals)) out.push([`${action.kind} (includeTotals ${includeTotals})`, editsOf(action, analysis.uri)]);
  }
  for (const table of analysis.model.tables) {
    const range = { start: analysis.index.positionAt(table.span.start), end: analysis.index.positionAt(table.span.start) };
    for (const action of actions([], ['refactor.rewrite'], range)) out.push([`refactor "${action.title}"`, editsOf(action, analysis.uri)]);
  }
  const recomputed = recomputeEdit(analysis);
  if (recomputed) out.push(['gkreport.server.recomputeTotals', editsOf(recomputed, analysis.uri)]);
  const line = Math.floor(analysis.model.lines.length / 2);
  for (const what of ['二', '三', '四', 'skeleton']) out.push([`gkreport.server.insertTable ${what}`, editsOf({ edit: insertTableEdit(analysis, { line, character: 0 }, what) }, analysis.uri)]);
  return out;
}

describe('no response carries overlapping edits (in process, the server’s own code)', () => {
  test('the checker of edits finds what it must', () => {
    const at = (line: number, character: number) => ({ line, character });
    const edit = (a: number, b: number, c: number, d: number, newText = 'x') => ({ range: { start: at(a, b), end: at(c, d) }, newText });
    assert.equal(clash('abc\ndef', [edit(0, 0, 0, 2), edit(0, 2, 1, 1)]), undefined, 'adjacent');
    assert.match(clash('abc\ndef', [edit(0, 0, 0, 2), edit(0, 1, 0, 3)])!, /overlapping/);
    assert.match(clash('abc\ndef', [edit(0, 1, 0, 1), edit(0, 1, 0, 1, 'y')])!, /two texts at one place/);
    assert.match(clash('abc\ndef', [edit(0, 1, 0, 1), edit(0, 1, 0, 2)])!, /two texts at one place/);
    assert.equal(clash('abc\ndef', [edit(0, 1, 0, 1), edit(0, 1, 0, 2, '')]), undefined, 'an insertion and a deletion at one place');
    assert.match(clash('abc\r\ndef', [edit(0, 4, 0, 4)])!, /outside/);
    assert.match(clash('abc\ndef', [edit(2, 0, 2, 0)])!, /outside/);
    assert.match(clash('abc\ndef', [edit(0, 2, 0, 1)])!, /ends before/);
  });

  test('the fixtures as they are', () => {
    for (const fixture of FIXTURES) {
      for (const [what, edits] of responses(fixture.text)) assert.equal(clash(fixture.text, edits), undefined, `${fixture.name}: ${what}`);
    }
  });

  test('random edits of the fixtures: quick fixes, fix-all (with and without totals), recompute-all, TAB → pipe, the commands', () => {
    fc.assert(
      fc.property(mutatedReport, ({ text }) => {
        for (const [what, edits] of responses(text)) {
          const problem = clash(text, edits);
          assert.equal(problem, undefined, `${what}: ${problem}`);
        }
      }),
      { ...FC, numRuns: 300 },
    );
  });

  // A stray bar or a joined line once made two of the parser's tables share lines, and formatting
  // gave those lines one edit per table: the same range twice. A line now belongs to one table.
  test(
    'random edits of the fixtures: formatting',
    () => {
      fc.assert(
        fc.property(mutatedReport, ({ text }) => {
          const analysis = analyse(text);
          const problem = clash(text, toLspEdits(analysis, formatTables(analysis.model)));
          assert.equal(problem, undefined, `formatting: ${problem}`);
        }),
        { ...FC, numRuns: 1000 },
      );
    },
  );

  test(
    'formatting, the smallest known case: a bar before the title and its line joined to the next',
    () => {
      const fixture = FIXTURES.find((f) => f.name === 'seeds/003_5e8b3a9a41b72c94.txt')!;
      const text = mutate(fixture.text, [
        { kind: 'splice', at: 0, remove: 0, insert: '|' },
        { kind: 'join', at: 0, remove: 0, insert: '' },
      ]);
      const model = parseReport(text);
      const shared = model.tables.filter((t) => model.tables.some((o) => o !== t && o.lines.first <= t.lines.last && t.lines.first <= o.lines.last));
      assert.deepEqual(shared, [], 'no line belongs to two tables of the model');
      const analysis = analyse(text);
      assert.equal(clash(text, toLspEdits(analysis, formatTables(analysis.model))), undefined);
    },
  );
});

// ── the same over the protocol, through the built server ───────────────────

describe('no response carries overlapping edits (over stdio, the built server)', () => {
  let plain: LspClient;
  let resolving: LspClient;
  const applied = new Map<LspClient, unknown[]>();

  before(async () => {
    const start = async (settings: object, capabilities: object) => {
      const client = await startServer({ initializationOptions: { settings: { debounce: 0, ...settings } }, capabilities: { workspace: { applyEdit: true }, ...capabilities } });
      applied.set(client, []);
      client.onRequest('workspace/applyEdit', (params) => {
        applied.get(client)!.push(params.edit);
        return { applied: false }; // the document stays as it is for the next request
      });
      return client;
    };
    plain = await start({}, {});
    // Fix-all with totals; recompute-all left to codeAction/resolve.
    resolving = await start({ fixAll: { includeTotals: true } }, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
  });
  after(async () => {
    await Promise.all([plain.shutdown(), resolving.shutdown()]);
    assert.equal(plain.running || resolving.running, false);
  });

  let opened = 0;
  /** Every edit-carrying answer of one server for `text`, by name. */
  async function answers(client: LspClient, text: string): Promise<[string, LspEdit[]][]> {
    const uri = `file:///edits/report-${++opened}.gkreport`;
    const from = client.received.length;
    client.open(uri, text, 'gkreport');
    const { params } = await client.diagnostics(uri, 1, from, BOUND_MS);
    const out: [string, LspEdit[]][] = [];
    const codeActions = async (range: unknown, diagnostics: Diagnostic[], only?: string[]) =>
      (await client.call('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } })) as CodeAction[];
    for (const diagnostic of params.diagnostics as Diagnostic[]) {
      for (const action of await codeActions(diagnostic.range, [diagnostic], ['quickfix'])) out.push([`quick fix "${action.title}"`, editsOf(action, uri)]);
    }
    for (let action of await codeActions(everywhere, [], ['source'])) {
      if (!action.edit && action.data !== undefined) action = await client.call('codeAction/resolve', action);
      out.push([`${action.kind}`, editsOf(action, uri)]);
    }
    const symbols = (await client.call('textDocument/documentSymbol', { textDocument: { uri } })) as { kind: number; range: { start: unknown }; children?: unknown[] }[];
    const tables = symbols.flatMap(function walk(s): { kind: number; range: { start: unknown } }[] {
      return [s, ...((s.children ?? []) as (typeof s)[]).flatMap(walk)];
    }).filter((s) => s.kind === 23); // SymbolKind.Struct: a table
    for (const table of tables) {
      for (const action of await codeActions({ start: table.range.start, end: table.range.start }, [], ['refactor.rewrite'])) out.push([`refactor "${action.title}"`, editsOf(action, uri)]);
    }
    const sent = applied.get(client)!;
    sent.length = 0;
    await client.call('workspace/executeCommand', { command: 'gkreport.server.recomputeTotals', arguments: [uri] });
    const line = Math.floor(text.split('\n').length / 2);
    await client.call('workspace/executeCommand', { command: 'gkreport.server.insertTable', arguments: [uri, { line, character: 0 }, '三'] });
    for (const edit of sent) out.push(['workspace/applyEdit', editsOf({ edit: edit as CodeAction['edit'] }, uri)]);
    client.close(uri);
    return out;
  }

  test('random edits of the fixtures, every edit-carrying answer of two differently configured servers', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedReport, async ({ text }) => {
        for (const client of [plain, resolving]) {
          for (const [what, edits] of await answers(client, text)) {
            const problem = clash(text, edits);
            assert.equal(problem, undefined, `${what}: ${problem}`);
          }
        }
      }),
      { ...FC, numRuns: 25 },
    );
  });
});
