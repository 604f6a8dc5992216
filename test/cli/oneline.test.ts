// oneLine keeps CLI messages on one line — in linear time, also on long runs of whitespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { oneLine } from '../../server/src/cli/format';

/** The definition: every line break with the whitespace around it becomes one space. */
const reference = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

test('oneLine does what the one-regex definition says, on random short text', () => {
  const piece = fc.constantFrom('a', '报', ' ', '\u3000', '\t', '\n', '\r', '\r\n', '\u00a0');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => assert.equal(oneLine(text), reference(text))),
    { seed: 20261122, numRuns: 500 },
  );
});

test('100k spaces without a line break take no time (the regex form backtracks quadratically there)', () => {
  const text = ' '.repeat(100_000) + 'x';
  const start = performance.now();
  assert.equal(oneLine(text), text);
  assert.equal(oneLine(text + '\n' + text), ' '.repeat(100_000) + 'x ' + text.trimStart());
  assert.ok(performance.now() - start < 200, `${(performance.now() - start).toFixed(0)} ms`);
});
