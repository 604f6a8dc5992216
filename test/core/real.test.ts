// Real reports in other extraction forms (../shared/corpus/real/README.md): never a crash, the listed
// faults found, and no error or warning beyond the listed ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { isFindingOf, type Finding, type RuleId } from '../../server/src/core/rules/types';
import { fixtures, lineOf, realText, serious, spanText } from './helpers';

interface Expectation {
  /** Rules that may report an error or warning in this file. */
  allowed: string[];
  /** What must be found. */
  assert: (text: string, all: Finding[]) => void;
}

const has = <K extends RuleId>(all: Finding[], rule: K, pred: (f: Extract<Finding, { ruleId: K }>) => boolean = () => true) =>
  assert.ok(all.some((f) => isFindingOf(f, rule) && pred(f)), `${rule} expected`);

const EXPECTED: Record<string, Expectation> = {
  'shuyang-fagaiju-2023-tabs.txt': {
    allowed: ['GK204', 'GK203', 'GK104'],
    assert(text, all) {
      assert.ok(all.filter((f) => f.ruleId === 'GK204').length >= 100, 'every blank 法人或其他组织 cell');
      has(all, 'GK203', (f) => spanText(text, f) === '规范性文件');
      has(all, 'GK104', (f) => spanText(text, f) === '存在的主要问题及整改措施');
    },
  },
  'shanghai-office-2019-oldformat-tabs.txt': {
    // GK401: 予以公开及部分公开258件 while (一)+(二) = 272 + 3; GK402: its 33.9% is not 258 of the 805 answered.
    allowed: ['GK204', 'GK401', 'GK402'],
    assert(text, all) {
      has(all, 'GK401', (f) => spanText(text, f) === '258' && f.data?.expected === '275');
      has(all, 'GK402', (f) => spanText(text, f) === '33.9' && f.data?.whole === '805');
      // 因本机关不掌握等原因无法提供265件 is the 不掌握 row alone; 行政复议7件，诉讼9件 agree.
      assert.equal(all.filter((f) => f.ruleId.startsWith('GK40')).length, 2, 'no other prose finding');
      // A blank total is computed only from numbers: (一)予以公开's own blank counts are filled first
      // (0, safe: nothing written contradicts it), then its total gets its sum, 272.
      const granted = all.find((f): f is Extract<Finding, { ruleId: 'GK204' }> => isFindingOf(f, 'GK204') && f.data.row === 'granted' && f.data.col === 'total');
      assert.equal(granted?.data.value, undefined, 'not from blank counts');
      const rowFilled = applyEdits(text, granted!.fixes.find((x) => x.id === 'fill-zero-row')!.edits);
      has(check(rowFilled).findings, 'GK204', (f) => f.data?.row === 'granted' && f.data?.col === 'total' && f.data?.value === '272');
      assert.ok(!all.some((f) => f.ruleId === 'GK208'), '2019 layout is right for 2019');
      assert.ok(!all.some((f) => ['GK301', 'GK302', 'GK303', 'GK304'].includes(f.ruleId)), 'blank totals are not total errors');
    },
  },
  'shanghai-stcsm-2024-pdftext.md': {
    // GK101: the heading 五、 is genuinely absent (its text follows table 四 without a heading).
    // GK404: 所有申请均已按要求办理完成 while one request is carried forward.
    allowed: ['GK106', 'GK203', 'GK204', 'GK101', 'GK404'],
    assert(text, all) {
      has(all, 'GK404', (f) => spanText(text, f).includes('所有申请均已按要求办理完成') && 'values' in f.data && f.data.values.toString() === '1');
      has(all, 'GK106', (f) => f.data?.level === 1);
      has(all, 'GK203', (f) => spanText(text, f) === '规范性文件');
      has(all, 'GK204', (f) => f.data?.row === 'forward' && f.data?.col === 'total' && f.data?.value === '1');
    },
  },
  'shanghai-office-2025-pdftext.md': {
    // GK206: table 二's first block lost its numbers in extraction.
    allowed: ['GK101', 'GK206'],
    assert(_text, all) {
      has(all, 'GK101', (f) => f.data?.part === 5);
    },
  },
  'shuyang-county-2025-ocr.md': {
    allowed: [],
    assert(text) {
      const { model } = check(text);
      const requests = model.tables.find((t) => t.kind === 'requests');
      assert.equal(requests?.byRow.get('new')?.values[6].raw, '713');
    },
  },
  'hongze-2023-pdftotext.txt': {
    allowed: ['GK304', 'GK203', 'GK208'],
    assert(text, all) {
      has(all, 'GK304', (f) => f.data?.col === 'reviewTotal' && f.data?.expected === '11' && f.data?.actual === '0');
      has(all, 'GK304', (f) => f.data?.col === 'afterReviewTotal' && f.data?.expected === '5');
      has(all, 'GK203', (f) => spanText(text, f).includes('2.其他法律行政止公开'));
      has(all, 'GK208', (f) => f.data?.table === 'requests');
    },
  },
  'hongze-2024-pdftotext.txt': {
    allowed: ['GK203', 'GK208'],
    assert(text, all) {
      // 区政府办代表区政府受理…17件 against 本年新收 95 is a difference of scope: silent.
      assert.ok(!all.some((f) => f.ruleId.startsWith('GK4')), 'no prose finding');
      has(all, 'GK203', (f) => spanText(text, f).includes('2.其他法律行政止公开'));
      has(all, 'GK208');
    },
  },
  'huaian-city-2024-pdftotext.txt': {
    allowed: [],
    assert(text) {
      assert.equal(check(text).model.tables.length, 3);
    },
  },
};

describe('real reports', () => {
  const files = readdirSync(join(fixtures, 'real')).filter((f) => f !== 'README.md');
  it('every real report has an expectation', () => assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort()));
  for (const file of files) {
    it(file, () => {
      const text = realText(file);
      const all = check(text).findings;
      const unexpected = serious(all).filter((f) => !EXPECTED[file].allowed.includes(f.ruleId));
      assert.deepEqual(unexpected.map((f) => `${f.ruleId}@${lineOf(text, f)} ${f.message['zh-cn']}`), []);
      EXPECTED[file].assert(text, all);
      for (const t of check(text).model.tables) assert.equal(t.unreadable, undefined, `${t.kind} is read`);
    });
  }
});
