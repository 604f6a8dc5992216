// Offsets and LSP positions: every line ending, and a character past the end of a line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/base/lineIndex';

describe('LineIndex', () => {
  test('CRLF, LF and lone CR end lines; a character past a line’s end stays on that line (LSP clamps it)', () => {
    const index = new LineIndex('ab\r\ncd\nef\rgh');
    assert.deepEqual([0, 1, 2, 3].map((line) => index.offsetAt({ line, character: 99 })), [2, 6, 9, 12]);
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
    assert.deepEqual(index.positionAt(9), { line: 2, character: 2 });
    assert.equal(index.offsetAt({ line: 7, character: 0 }), 12);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  });

  test('positionAt and offsetAt are inverse on every offset of any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '中', '\n', '\r', '\r\n', '𠀋'), { maxLength: 60 }).map((p) => p.join('')), (text) => {
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          // An offset between \r and \n is inside a line break: it maps to the end of its line.
          const back = index.offsetAt(index.positionAt(offset));
          assert.ok(back === offset || (text[offset - 1] === '\r' && text[offset] === '\n' && back === offset - 1), `${offset} → ${back}`);
        }
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
