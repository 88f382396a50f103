// The saved duplicates report: what is written is what is read back, a crash mid-write never
// leaves half a file, and anything that is not a report we wrote (cut short, edited, another
// model's) reads as "no report" with one line saying why, never as groups to trash from.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport, reportFile, saveReport, type SavedReport } from '../../../src/core/dupes/report-store';
import { tempDir } from '../../helpers/images';

const report: SavedReport = {
  scannedAt: 1_700_000_000_000,
  kinds: ['exact', 'near'],
  photos: 3,
  seconds: 0.25,
  groups: [
    {
      kind: 'near',
      keep: '/p/a.jpg',
      members: [
        { path: '/p/a.jpg', width: 800, height: 600, bytes: 90_000 },
        { path: '/p/a small.jpg', width: 400, height: 300, bytes: 20_000 },
      ],
    },
  ],
  states: new Map([
    ['/p/a.jpg', { size: 90_000, mtimeMs: 1.5, hash: 'aa' }],
    ['/p/a small.jpg', { size: 20_000, mtimeMs: 2, hash: 'bb' }],
  ]),
};

describe('the saved duplicates report', () => {
  const homes: string[] = [];
  const home = () => {
    const dir = tempDir('shoebox-report-store-');
    homes.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of homes.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is one file per model under the home, read back as written, with no temp file left', async () => {
    const h = home();
    const file = reportFile(h, 'ViT-B-32__openai');
    expect(path.dirname(file)).toBe(path.join(h, 'duplicates'));
    expect(reportFile(h, 'other')).not.toBe(file);
    await saveReport(file, 'ViT-B-32__openai', report);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    const problems: string[] = [];
    expect(await loadReport(file, 'ViT-B-32__openai', (m) => problems.push(m))).toEqual(report);
    expect(problems).toEqual([]);
  });

  it('keeps how many photos the scan looked at apart from those still in it; a file from before has no such count', async () => {
    const file = reportFile(home(), 'm');
    const trashedFrom = { ...report, photos: 2, scanned: 3 };
    await saveReport(file, 'm', trashedFrom);
    expect(await loadReport(file, 'm', () => undefined)).toEqual(trashedFrom);
    const { scanned: _none, ...older } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify(older));
    const read = await loadReport(file, 'm', () => undefined);
    expect(read).toMatchObject({ photos: 2 });
    expect(read).not.toHaveProperty('scanned');
  });

  it('is null without a word when none was saved', async () => {
    const problems: string[] = [];
    expect(await loadReport(reportFile(home(), 'm'), 'm', (m) => problems.push(m))).toBeNull();
    expect(problems).toEqual([]);
  });

  it('replaces the old file whole: a failed write leaves the previous report and no temp file', async () => {
    const h = home();
    const file = reportFile(h, 'm');
    await saveReport(file, 'm', report);
    const bigger = { ...report, photos: 4 };
    // A directory where the file should be renamed to makes the rename fail after the temp file was written.
    const blocked = reportFile(h, 'blocked');
    fs.mkdirSync(blocked, { recursive: true });
    fs.writeFileSync(path.join(blocked, 'x'), '');
    await expect(saveReport(blocked, 'blocked', bigger)).rejects.toThrow();
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([path.basename(blocked), path.basename(file)].sort());
    expect(await loadReport(file, 'm', () => undefined)).toEqual(report);
  });

  const unusable: [string, (json: Record<string, unknown>) => unknown][] = [
    ['cut short', () => '{"version": 1, "groups": [tr'],
    ['another format version', (j) => ({ ...j, version: 99 })],
    ['another model', (j) => ({ ...j, modelId: 'other' })],
    ['a group of one', (j) => ({ ...j, groups: [{ kind: 'near', keep: '/p/a.jpg', members: [{ path: '/p/a.jpg', width: 1, height: 1, bytes: 1 }] }] })],
    ['a keeper outside its group', (j) => ({ ...j, groups: [{ ...report.groups[0], keep: '/etc/passwd' }] })],
    ['an unknown kind', (j) => ({ ...j, kinds: ['fuzzy'] })],
    ['a scanned count that is not a count', (j) => ({ ...j, scanned: -1 })],
    ['a state without a hash', (j) => ({ ...j, states: { '/p/a.jpg': { size: 1, mtimeMs: 1 } } })],
    ['not an object', () => '[1, 2]'],
  ];
  for (const [what, change] of unusable) {
    it(`is null, with one line saying why, when the file is ${what}`, async () => {
      const file = reportFile(home(), 'm');
      await saveReport(file, 'm', report);
      const changed = change(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>);
      fs.writeFileSync(file, typeof changed === 'string' ? changed : JSON.stringify(changed));
      const problems: string[] = [];
      expect(await loadReport(file, 'm', (m) => problems.push(m))).toBeNull();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^the saved duplicates report .* is unusable \(.+\): scan again$/);
    });
  }
});
