// A duplicates report saved before each group carried its keeper's reasons (`why`) cannot tell
// the trash which pictures to hold back (a keeper that may be an enlarged copy): read as one
// with nothing to hold, its trash moved the camera's original. Such a file reads as "no
// report, scan again" (the user's "not duplicates" decisions are kept apart and stay), and a
// page of a report says why each held picture is held, the reasons the trash holds it for.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptFromScan, reportPage } from '../../../src/core/api/dupes-report';
import { loadReport, reportFile, saveReport, type SavedReport } from '../../../src/core/dupes/report-store';
import { tempDir } from '../../helpers/images';

const members = [
  { path: '/p/IMG_0035.JPG', width: 1600, height: 1200, bytes: 900_000 },
  { path: '/p/IMG_0018.JPG', width: 800, height: 600, bytes: 200_000 },
];
const report: SavedReport = {
  scannedAt: 1_700_000_000_000,
  kinds: ['near'],
  photos: 2,
  seconds: 0.25,
  groups: [{ kind: 'near', keep: members[0]!.path, members, why: ['resolution-without-camera'] }],
  states: new Map(members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }])),
};

describe('a duplicates report saved before groups carried why', () => {
  it('is not read (scan again), never as a report with nothing held', async () => {
    const file = reportFile(tempDir('shoebox-report-before-why-'), 'm');
    await saveReport(file, 'm', report);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { groups: Record<string, unknown>[] };
    // As the Shoebox before it wrote it: format 1, no `why`.
    fs.writeFileSync(file, JSON.stringify({ ...saved, version: 1, groups: saved.groups.map(({ why: _why, ...g }) => g) }));
    const problems: string[] = [];
    expect(await loadReport(file, 'm', (m) => problems.push(m))).toBeNull();
    expect(problems).toEqual([`the saved duplicates report ${file} is unusable (made by an older Shoebox): scan again`]);
  });

  it('gives each held group of a page the reasons it is held for', () => {
    const kept = keptFromScan({ groups: report.groups, stats: { photos: 2, contents: 2, signaturesComputed: 0, signaturesSaved: false, unsigned: 0, seconds: 1 } }, ['near'], 1, report.states);
    const page = reportPage(kept, 0, 10);
    expect(page.groups.map((g) => g.heldFor)).toEqual([['unsure-keeper']]);
    expect(page.pictures.map((p) => p.heldFor)).toEqual([['unsure-keeper']]);
  });
});
