// The workspace report index: built without blocking, kept current on change and delete, and
// answering with the same agency's report for the year before.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ReportIndex } from '../../server/src/host/reportIndex';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service/check';

const fixtures = resolve(__dirname, '..', 'fixtures');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gkreport-index-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '2023'));
  mkdirSync(join(dir, 'node_modules'));
  copyFileSync(join(fixtures, 'pairs', 'hongze-2023.txt'), join(dir, '2023', 'hongze-2023.txt'));
  copyFileSync(join(fixtures, 'pairs', 'hongze-2024-carry-over.txt'), join(dir, 'hongze-2024.txt'));
  copyFileSync(join(fixtures, 'real', 'huaian-city-2024-pdftotext.txt'), join(dir, 'huaian-2024.txt'));
  copyFileSync(join(fixtures, 'real', 'README.md'), join(dir, 'README.md'));
  copyFileSync(join(fixtures, 'pairs', 'hongze-2023.txt'), join(dir, 'node_modules', 'ignored.txt'));
  return dir;
}

describe('ReportIndex', () => {
  it('indexes the reports under a folder (agency and year from each title), skipping non-reports and node_modules', async () => {
    const dir = workspace();
    const index = new ReportIndex();
    await index.addFolders([dir]);
    const entries = index.entries().map((e) => [e.file.slice(dir.length + 1), e.agency, e.year]).sort();
    assert.deepEqual(entries, [
      [join('2023', 'hongze-2023.txt'), '洪泽区人民政府', 2023],
      ['hongze-2024.txt', '淮安市洪泽区人民政府', 2024],
      ['huaian-2024.txt', '淮安市人民政府', 2024],
    ]);
  });

  it('does not block: the event loop turns at least once per file while it builds', async () => {
    const dir = workspace();
    const index = new ReportIndex();
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await index.addFolders([dir]);
    done = true;
    assert.equal(index.size, 3);
    assert.ok(turns >= index.size, `${turns} turns for ${index.size} files`);
  });

  it('returns the same agency’s report for the year before, and the cross rules use it', async () => {
    const dir = workspace();
    const index = new ReportIndex();
    await index.addFolders([dir]);
    const file = join(dir, 'hongze-2024.txt');
    const model = parseReport(readFileSync(file, 'utf8'));
    const related = index.relevantTo(model, file);
    assert.deepEqual(related.map((r) => r.file), [join(dir, '2023', 'hongze-2023.txt')]);
    const findings = check(model.text, { workspace: related }).findings.filter((f) => f.ruleId === 'GK801');
    assert.equal(findings.length, 2);
    assert.equal(findings[0].related[0].file, join(dir, '2023', 'hongze-2023.txt'));
    assert.deepEqual(index.relevantTo(related[0].model, related[0].file), [], 'nothing before 2023');
  });

  it('follows changes and deletions on disk', async () => {
    const dir = workspace();
    const index = new ReportIndex();
    await index.addFolders([dir]);
    const lastYear = join(dir, '2023', 'hongze-2023.txt');
    const thisYear = join(dir, 'hongze-2024.txt');
    const model = parseReport(readFileSync(thisYear, 'utf8'));

    const original = readFileSync(lastYear, 'utf8');
    writeFileSync(lastYear, original.replace('2023 年政府信息公开', '2022 年政府信息公开'));
    await index.update(lastYear);
    assert.equal(index.get(lastYear)?.year, 2022);
    assert.deepEqual(index.relevantTo(model, thisYear), []);

    writeFileSync(lastYear, original);
    await index.update(lastYear);
    assert.equal(index.get(lastYear)?.year, 2023);

    unlinkSync(lastYear);
    assert.equal(await index.update(lastYear), false);
    assert.equal(index.get(lastYear), undefined);
    index.remove(dir);
    assert.equal(index.size, 0);
  });

  it('an unreadable or non-UTF-8 file is simply not indexed; a walk can be aborted', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    const index = new ReportIndex();
    assert.equal(await index.update(join(dir, 'bad.txt')), false);
    assert.equal(await index.update(join(dir, 'missing.txt')), false);
    const controller = new AbortController();
    controller.abort();
    await index.addFolders([dir], controller.signal);
    assert.equal(index.size, 0);
  });
});
