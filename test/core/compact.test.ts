// The compact text (whitespace dropped) and its map back to offsets of the original.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CompactText } from '../../server/src/core/base/compact';

/** Every character the compact text drops, and some it keeps (full-width digits, ideographs, a surrogate pair). */
const DROPPED = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2000', '\u2005', '\u200a', '\u200b', '\u2028', '\u2029', '\u3000', '\ufeff'];
const KEPT = ['2', '０', '年', '月', '.', '\u200c', '\u2060', '𠀋'];

describe('CompactText', () => {
  test('a date spaced out and broken over lines reads as one, with spans in the original', () => {
    const c = new CompactText('统计期限为 2025\n年 1 月\u30001 日');
    assert.equal(c.s, '统计期限为2025年1月1日');
    assert.deepEqual(c.span(5, c.length), { start: 6, end: 20 });
    assert.equal(c.offset(c.length), 20);
    assert.equal(c.joined(6), true);
    assert.equal(c.joined(9), false); // 年 after a line break
    assert.equal(c.indexAt(11), 9);
  });

  test('any text: the compact text is the text without its whitespace, and each of its characters maps to itself in the original', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DROPPED, ...KEPT), { maxLength: 80 }).map((p) => p.join('')), (text) => {
        const c = new CompactText(text);
        assert.equal(c.s, [...text].filter((ch) => !DROPPED.includes(ch)).join(''));
        let last = -1;
        for (let i = 0; i < c.length; i++) {
          const at = c.offset(i);
          assert.ok(at > last, 'offsets rise');
          assert.equal(text[at], c.s[i]);
          last = at;
        }
        assert.equal(c.offset(c.length), text.length);
      }),
    );
  });
});
