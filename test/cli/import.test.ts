// The built CLI on reports where they live: Word files, saved web pages and PDFs, checked directly and
// in folders, named in the source's terms; `gkreport import` writing the report text; --fix refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { root, runCli, runJson, tempDir, writeTemp, type JsonFile } from './helpers';

const native = join(root, 'test', 'fixtures', 'native');
const pdf = (name: string) => join(native, 'pdf', name);
const docx = (name: string) => join(native, 'docx', name);
const html = (name: string) => join(native, 'html', name);

/** Every native file of the corpus, with the rule ids it must give (sorted) — ../shared/corpus/native/README.md. */
const EXPECTED: [string, string[]][] = [
  [pdf('huaian-hongze-district-2023.pdf'), ['GK203', 'GK208', 'GK304', 'GK304', 'GK603']],
  [pdf('huaian-hongze-district-2024.pdf'), ['GK203', 'GK208']],
  [pdf('huaian-city-2024.pdf'), ['GK603']],
  [docx('template-filled-kunming-2023.docx'), []],
  [docx('template-filled-kunming-2023-wrong-total.docx'), ['GK301', 'GK302']],
  [docx('template-filled-pingtan-2025.docx'), []],
  [docx('pingtan-guanweihui-2019-from-html.docx'), []],
  [docx('pingtan-guanweihui-2024-from-html.docx'), []],
  [html('pingtan-guanweihui-2019.html'), []],
  [html('pingtan-guanweihui-2023.html'), []],
  [html('pingtan-guanweihui-2024.html'), []],
  [html('pingtan-guanweihui-2025.html'), []],
];

const ids = (files: JsonFile[]) => files[0].diagnostics.map((d) => d.code).sort();

describe('CLI on Word files, web pages and PDFs', () => {
  it('a web page saved as Word is checked like the page itself: the report found among the site text, nothing on stderr', () => {
    const file = docx('pingtan-guanweihui-2024-from-html.docx');
    const run = runCli([file]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 个文件：0 个错误，0 个警告/);
    assert.equal(run.stderr, '');
    const page = runCli([html('pingtan-guanweihui-2024.html')]);
    assert.equal(page.stderr, '');
  });

  for (const [file, expected] of EXPECTED) {
    it(`${basename(file)}: ${expected.join(', ') || 'no finding'}; importing it and checking the .gkreport gives the same`, () => {
      const { run, files } = runJson([file]);
      assert.equal(run.status, expected.some((id) => ['GK301', 'GK302', 'GK304'].includes(id)) ? 1 : 0, run.stderr);
      assert.deepEqual(ids(files), expected);
      // Every finding of a converted file names its place in the source.
      for (const d of files[0].diagnostics) assert.ok(d.sourceLocation?.place, `${d.code} has a source place`);

      const dir = tempDir();
      const out = join(dir, 'imported.gkreport');
      const imported = runCli(['import', file, '-o', out]);
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stderr, /已将 .+ 转换为 .+imported\.gkreport/);
      const again = runJson([out]);
      assert.deepEqual(
        again.files[0].diagnostics.map((d) => [d.code, d.message]),
        files[0].diagnostics.map((d) => [d.code, d.message]),
        'the same findings, in the same words',
      );
    });
  }

  it('the blank official template: three tables with blank cells (GK204), never GK201', () => {
    const { files } = runJson([docx('template-2021-format-govnianbao.docx')]);
    const codes = ids(files);
    assert.ok(codes.filter((c) => c === 'GK204').length >= 100, 'blank cells');
    assert.ok(!codes.includes('GK201'), 'the tables are recognised');
  });

  it('text output names the place in the source: the page of a PDF, the row and column of a Word table', () => {
    const fromPdf = runCli([pdf('huaian-hongze-district-2023.pdf')]);
    assert.match(fromPdf.stdout, /huaian-hongze-district-2023\.pdf 第4页 表四 行政复议 总计 error GK304 行政复议总计应为 11（10\+1\+0\+0），实际为 0/);
    const fromWord = runCli([docx('template-filled-kunming-2023-wrong-total.docx')]);
    assert.match(fromWord.stdout, /\.docx 表三 第16行 第10列（1\.本机关不掌握相关政府信息 \/ 总计） error GK301 总计应为 829/);
    const inEnglish = runCli(['--locale', 'en', pdf('huaian-hongze-district-2023.pdf')]);
    assert.match(inEnglish.stdout, /\.pdf page 4, table 4, Administrative review: Total error GK304/);
  });

  it('JSON and SARIF keep the converted text range and add the source location', () => {
    const { files } = runJson([pdf('huaian-hongze-district-2023.pdf')]);
    const total = files[0].diagnostics.find((d) => d.code === 'GK304')!;
    assert.ok(total.range.start.line > 0, 'a range in the converted text');
    assert.equal(total.sourceLocation?.format, 'pdf');
    assert.equal((total.sourceLocation as { page: number }).page, 4);
    const sarif = JSON.parse(runCli(['--format', 'sarif', pdf('huaian-hongze-district-2023.pdf')]).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'GK304');
    assert.equal(result.properties.sourceLocation.page, 4);
    assert.match(result.properties.sourceLocation.place, /第4页/);
  });

  it('a folder: Word files, web pages and PDFs are found beside text reports, and only reports are checked', () => {
    const dir = tempDir();
    copyFileSync(pdf('huaian-hongze-district-2024.pdf'), join(dir, 'a.pdf'));
    copyFileSync(docx('template-filled-kunming-2023.docx'), join(dir, 'b.docx'));
    copyFileSync(html('pingtan-guanweihui-2024.html'), join(dir, 'c.html'));
    writeTemp(dir, 'notes.html', '<html><body><p>会议纪要：下周二开会。</p></body></html>');
    copyFileSync(join(root, 'test', 'fixtures', 'seeds', '002_5d8db5c6007b71c2.txt'), join(dir, 'd.txt'));
    const { run, files } = runJson([dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(files.map((f) => basename(f.file)), ['a.pdf', 'b.docx', 'c.html', 'd.txt']);
  });

  it('a file that cannot be imported gets one sentence saying what to do; --fix is refused on a converted file', () => {
    const dir = tempDir();
    const doc = writeTemp(dir, 'old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
    const old = runCli([doc]);
    assert.equal(old.status, 2);
    assert.match(old.stderr, /^gkreport: .*old\.doc：.*另存为.*docx/);
    assert.equal(old.stderr.trim().split('\n').length, 1, 'one line');
    const fix = runCli(['--fix', pdf('huaian-hongze-district-2024.pdf')]);
    assert.equal(fix.status, 2);
    assert.match(fix.stderr, /--fix 不能修改 Word、网页或 PDF 文件.*gkreport import/);
    assert.equal(runCli(['import', pdf('huaian-hongze-district-2024.pdf'), docx('template-filled-kunming-2023.docx')]).status, 2, 'import takes one file');
  });

  it('gkreport import without -o writes <name>.gkreport beside the source', () => {
    const dir = tempDir();
    const source = join(dir, '报告.html');
    copyFileSync(html('pingtan-guanweihui-2025.html'), source);
    const run = runCli(['import', source]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(join(dir, '报告.gkreport')));
  });
});
