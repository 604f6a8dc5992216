// Random edits of the seeds never make the checker throw, and every range and fix stays inside the text.
// (A deterministic generator, so a failure reproduces; the seed of a failing case is in its message.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { randomSource as random } from '../../scripts/gen-report';
import { SEEDS, seedText } from './helpers';

const PIECES = ['|', '｜', '\t', '\n', '\r\n', '\r', ' ', '0', '７', '12', '-3', '1,000', '0.5', '一、', '（三）', '(六)', '总计', '第二十条第（十六）项', '2月30日', '2024年1月1日', '—', '无', '\ud800', '#'];

function mutate(text: string, next: () => number, edits: number): string {
  let t = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (t.length + 1));
    const r = next();
    if (r < 0.4) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 8));
    else if (r < 0.8) t = t.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + t.slice(at);
    else {
      const from = Math.floor(next() * t.length);
      t = t.slice(0, at) + t.slice(from, from + Math.floor(next() * 40)) + t.slice(at);
    }
  }
  return t;
}

describe('random edits', () => {
  for (const name of Object.values(SEEDS)) {
    it(`${name}: 150 mutated versions`, () => {
      const text = seedText(name);
      for (let seed = 1; seed <= 150; seed++) {
        const next = random(seed);
        const mutated = mutate(text, next, 1 + Math.floor(next() * 30));
        let findings;
        try {
          findings = check(mutated).findings;
        } catch (error) {
          assert.fail(`seed ${seed}: ${(error as Error).stack}`);
        }
        for (const f of findings) {
          assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= mutated.length, `seed ${seed}: ${f.ruleId} range`);
          for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.span.start <= e.span.end && e.span.end <= mutated.length, `seed ${seed}: ${f.ruleId} fix`);
        }
      }
    });
  }
});
