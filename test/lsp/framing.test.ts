// Badly framed input on stdio (server/src/lsp/framing.ts). Each bad frame goes to a fresh built server
// (dist/server.js --stdio); then either the server answers the next well-formed request — it has
// resynchronised — or it has exited with code 1 and said why, on stderr and in window/logMessage. All
// in bounded time, and no server process is left behind. The parser itself: the same bytes in any
// chunking give the same messages and faults.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { classify, FrameParser, verdict, type FrameEvent } from '../../server/src/lsp/framing';
import { LspClient, startServer } from '../../scripts/lsp-client';

const FC = { seed: 20261207, endOnFailure: true } as const;
/** Bounded time for every answer and every exit in this file. */
const BOUND_MS = 5_000;

const json = (message: object) => JSON.stringify({ jsonrpc: '2.0', ...message });
const request = (id: number) => json({ id, method: 'gkreport/templates', params: {} });
const URI = 'file:///framing/report.gkreport';
const didChange = json({ method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: '一、总体情况\n' }] } });
const didSave = json({ method: 'textDocument/didSave', params: { textDocument: { uri: URI } } });
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** A frame with the right header, or with `header` instead. */
const frame = (body: string, header = `Content-Length: ${bytes(body)}\r\n\r\n`) => Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(body, 'utf8')]);

/** The bad frames, each around one body. */
const BAD: Record<string, (body: string) => Buffer> = {
  'no Content-Length': (body) => frame(body, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'),
  'a Content-Length that is not a number': (body) => frame(body, 'Content-Length: twelve\r\n\r\n'),
  'a negative Content-Length': (body) => frame(body, 'Content-Length: -5\r\n\r\n'),
  'header lines ended by LF only': (body) => frame(body, `Content-Length: ${bytes(body)}\n\n`),
  'a Content-Length 300 bytes too long': (body) => frame(body, `Content-Length: ${bytes(body) + 300}\r\n\r\n`),
  'a Content-Length a million bytes too long': (body) => frame(body, `Content-Length: ${bytes(body) + 1_000_000}\r\n\r\n`),
  'a Content-Length 10 bytes too short': (body) => frame(body, `Content-Length: ${bytes(body) - 10}\r\n\r\n`),
  'garbage before the headers': (body) => Buffer.concat([Buffer.from('garbage, not a header\r\n'), Buffer.from('x'.repeat(10)), frame(body, `Content-Type: text\r\nContent-Length: ${bytes(body)}\r\n\r\n`)]),
};

const servers: LspClient[] = [];
async function server(): Promise<LspClient> {
  const client = await startServer({ initializationOptions: { settings: { debounce: 0 } } });
  servers.push(client);
  return client;
}

after(async () => {
  await Promise.all(servers.map((s) => s.shutdown()));
  for (const s of servers) assert.equal(s.running, false, `server ${s.pid} is not left running`);
});

/** The server answers a well-formed request again. */
async function answers(client: LspClient): Promise<void> {
  const templates = await client.request('gkreport/templates', {}, BOUND_MS);
  assert.equal(templates.error, undefined);
  assert.ok(Array.isArray(templates.result) && templates.result.length > 0);
}

/** Waits until a window/logMessage matching `pattern` arrives, and checks stderr says it too. */
async function logged(client: LspClient, pattern: RegExp): Promise<string> {
  const message = await client.wait((m) => m.method === 'window/logMessage' && pattern.test(m.params.message), `a log matching ${pattern}`, BOUND_MS);
  const line = message.params.message as string;
  await client.stderrMatching(new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), BOUND_MS);
  return message.params.message;
}

describe('bad frames around a request: the request is answered with an error, then the server reads on', () => {
  for (const [name, bad] of Object.entries(BAD)) {
    test(name, async () => {
      const client = await server();
      const answer = client.next((m) => m.id === 900 && m.method === undefined, 'the answer to the badly framed request', BOUND_MS);
      client.writeRaw(bad(request(900)));
      await answers(client);
      // garbage before a well-formed frame: that frame is read as it is; otherwise the request is refused.
      const reply = await answer;
      if (name === 'garbage before the headers') assert.ok(Array.isArray(reply.result), 'the frame after the garbage is read');
      else assert.equal(reply.error?.code, -32700, 'a Parse error carrying the request id');
      const log = await logged(client, /^gkreport: badly framed input/);
      assert.match(log, /reading on from the next header/);
      await answers(client);
    });
  }

  test('a body that is not JSON: a Parse error with id null, then the server reads on', async () => {
    const client = await server();
    client.writeRaw(frame('{"jsonrpc":"2.0","id":901,"method":'));
    await answers(client);
    const reply = await client.wait((m) => m.id === null && m.error !== undefined, 'the Parse error', BOUND_MS);
    assert.equal(reply.error!.code, -32700);
    assert.match(await logged(client, /the body is not JSON/), /reading on/);
  });

  test('stray line breaks between messages are skipped without a word', async () => {
    const client = await server();
    client.writeRaw('\r\n\n\r\n');
    await answers(client);
    client.writeRaw(Buffer.concat([frame(request(902)), Buffer.from('\r\n')]));
    await answers(client);
    assert.deepEqual(client.logs().filter((l) => l.includes('badly framed')), []);
  });

  test('a harmless notification badly framed (didSave) is skipped and the server reads on', async () => {
    const client = await server();
    client.writeRaw(BAD['a Content-Length 10 bytes too short'](didSave));
    await answers(client);
    assert.match(await logged(client, /didSave/), /reading on/);
  });

  test('every bad frame, each before a good one, written 7 bytes at a time: every request is answered', async () => {
    const client = await server();
    const all = Buffer.concat(Object.values(BAD).flatMap((bad, i) => [bad(request(950 + i)), frame(request(970 + i))]));
    for (let at = 0; at < all.length; at += 7) client.writeRaw(all.subarray(at, at + 7));
    await answers(client);
    for (let i = 0; i < Object.keys(BAD).length; i++) {
      for (const id of [950 + i, 970 + i]) await client.wait((m) => m.id === id && m.method === undefined, `the answer to ${id}`, BOUND_MS);
    }
  });
});

describe('bad frames around a document change: the server cannot trust its copy and exits with code 1', () => {
  for (const [name, bad] of Object.entries(BAD)) {
    if (name === 'garbage before the headers') continue; // the frame after the garbage is well formed and read
    test(name, async () => {
      const client = await server();
      client.open(URI, '一、总体情况\n', 'gkreport');
      await client.diagnostics(URI, 1, 0, BOUND_MS);
      client.writeRaw(bad(didChange));
      client.send({ id: 903, method: 'gkreport/templates', params: {} }); // the next frame, for the resync
      assert.equal(await client.exitCodeWithin(BOUND_MS), 1);
      assert.match(client.stderr, /badly framed input .*textDocument\/didChange.*exiting with code 1 so that the client restarts the server/);
      assert.ok(client.logs().some((l) => /textDocument\/didChange.*exiting with code 1/.test(l)), 'said in window/logMessage before exiting');
      assert.equal(client.running, false);
    });
  }

  test('a badly framed answer to the server’s own request (workspace/configuration): exits with code 1', async () => {
    const client = new LspClient();
    servers.push(client);
    client.onRequest('workspace/configuration', () => new Promise(() => {})); // answered below, by hand
    client.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } } });
    await client.wait((m) => m.id === 1 && m.method === undefined, 'initialize', BOUND_MS);
    client.notify('initialized', {});
    client.open(URI, '一、总体情况\n', 'gkreport');
    const asked = await client.wait((m) => m.method === 'workspace/configuration', 'a settings request', BOUND_MS);
    client.writeRaw(frame(json({ id: asked.id, result: [{}] }), 'Content-Length: 5\r\n\r\n'));
    client.send({ id: 904, method: 'gkreport/templates', params: {} });
    assert.equal(await client.exitCodeWithin(BOUND_MS), 1);
    assert.match(client.stderr, /skipped the answer to request .* exiting with code 1/);
  });
});

// ── the parser, without a server ────────────────────────────────────────────

function parse(stream: Buffer, cuts: number[], max?: number): FrameEvent[] {
  const parser = new FrameParser(max);
  const events: FrameEvent[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b)) {
    events.push(...parser.push(stream.subarray(from, cut)));
    from = cut;
  }
  events.push(...parser.push(stream.subarray(from)), ...parser.end());
  return events;
}

const summary = (events: FrameEvent[]) =>
  events.map((e) => (e.kind === 'message' ? `message ${JSON.stringify(e.message)}` : e.kind === 'dropped' ? `dropped ${e.fault}: ${JSON.stringify(classify(e.bytes))}` : `overflow ${e.fault}`));

describe('the frame parser', () => {
  const good = [request(1), didChange, json({ id: 2, method: 'textDocument/hover', params: { text: 'Content-Length: 5\r\n\r\n 中文' } })];

  test('well-formed frames: each message once, in order, with a header that names Content-Length inside a string', () => {
    const stream = Buffer.concat(good.map((b) => frame(b)));
    assert.deepEqual(summary(parse(stream, [])), good.map((b) => `message ${JSON.stringify(JSON.parse(b))}`));
  });

  test('any chunking gives the same events, for good and bad frames mixed', () => {
    const pieces = [...good.map((b) => frame(b)), ...Object.values(BAD).map((bad, i) => bad(request(10 + i))), frame('{"nope'), Buffer.from('\r\n'), ...good.map((b) => frame(b))];
    const stream = Buffer.concat(pieces);
    const whole = summary(parse(stream, []));
    assert.equal(whole.filter((e) => e.startsWith('message')).length, 2 * good.length + 1, 'the frame after the garbage is read');
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
        assert.deepEqual(summary(parse(stream, cuts)), whole);
      }),
      { ...FC, numRuns: 300 },
    );
  });

  test('every byte boundary: the same events', () => {
    const stream = Buffer.concat([frame(request(1)), BAD['a Content-Length 10 bytes too short'](request(2)), BAD['header lines ended by LF only'](didSave), frame(request(3))]);
    const whole = summary(parse(stream, []));
    for (let cut = 1; cut < stream.length; cut++) assert.deepEqual(summary(parse(stream, [cut])), whole, `cut at ${cut}`);
  });

  test('no header within the limit: an overflow (the server exits), and nothing is held beyond it', () => {
    const events = parse(Buffer.alloc(20_000, 'x'), [1000, 9000, 15000], 2048);
    assert.deepEqual(events.map((e) => e.kind), ['overflow']);
    const long = parse(Buffer.concat([Buffer.from('Content-Length: 99999999\r\n\r\n'), Buffer.alloc(5000, '{')]), [100, 3000], 2048);
    assert.deepEqual(long.map((e) => e.kind), ['overflow']);
  });

  test('random bytes never throw, and a well-formed frame after them is always read', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 8 }), (junk, cuts) => {
        const stream = Buffer.concat([Buffer.from(junk), frame(request(77))]);
        const events = parse(stream, cuts);
        assert.ok(events.some((e) => e.kind === 'message' && (e.message as { id?: number }).id === 77), summary(events).join('\n'));
      }),
      { ...FC, numRuns: 500 },
    );
  });

  test('verdicts: requests answered, state changes and lost answers exit, junk read past', () => {
    const judge = (body: string) => verdict('test', classify(Buffer.from(body)));
    assert.equal(judge(request(5))?.reply?.id, 5);
    assert.equal(judge(request(5))?.exit, false);
    for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', 'initialized', 'exit']) {
      assert.equal(judge(json({ method, params: {} }))?.exit, true, method);
      assert.equal(judge(json({ method, params: {} }).slice(0, -3))?.exit, true, `${method}, cut short`);
    }
    assert.equal(judge(didSave)?.exit, false);
    assert.equal(judge(json({ method: '$/cancelRequest', params: { id: 3 } }))?.exit, false);
    assert.equal(judge(json({ id: 4, result: null }))?.exit, true);
    assert.equal(judge('hello')?.exit, false);
    assert.equal(judge('hello')?.reply?.id, null);
    assert.equal(verdict('an empty line where a header was expected', classify(Buffer.from('\r\n'))), undefined);
  });
});
