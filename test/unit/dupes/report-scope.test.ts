// A scan narrowed by `shoebox dupes --folder` or `--threshold` becomes the report the app
// reviews: it keeps what it was narrowed to (saved, read back, on every page), and the app's
// summary says so rather than pass it off as a scan of the whole library. Reports saved before
// these were kept still load, and read as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptFromScan, reportPage } from '../../../src/core/api/dupes-report';
import { loadReport, reportFile, reportWithPaths, saveReport } from '../../../src/core/dupes/report-store';
import type { DuplicateScan } from '../../../src/core/dupes/types';
import { scanText } from '../../../src/renderer/components/dupes/report-summary';
import { tempDir } from '../../helpers/images';

const MODEL = 'ViT-B-32__openai';
const members = [
  { path: '/lib/2019/a.jpg', width: 100, height: 100, bytes: 1000 },
  { path: '/lib/2019/b.jpg', width: 100, height: 100, bytes: 990 },
];
const scan: DuplicateScan = {
  groups: [{ kind: 'similar', keep: members[0]!.path, members }],
  stats: { photos: 12, contents: 12, signaturesComputed: 0, signaturesSaved: false, unsigned: 0, seconds: 1 },
};
const rows = new Map(members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }]));

describe('a narrowed duplicate scan', () => {
  it('keeps its folder and threshold through the saved report to the page, and the app says both', async () => {
    const file = reportFile(tempDir('shoebox-report-scope-'), MODEL);
    await saveReport(file, MODEL, keptFromScan(scan, ['similar'], Date.UTC(2025, 4, 3), rows, { folder: '/lib/2019', threshold: 0.5 }));
    const loaded = await loadReport(file, MODEL, (m) => expect.fail(m));
    const page = reportPage(loaded!, 0, 25);
    expect(page).toMatchObject({ folder: '/lib/2019', threshold: 0.5 });
    expect(scanText(page)).toMatch(/^12 photos under \/lib\/2019 \(not the whole library\) scanned .+ for similar shots at threshold 0\.5$/);
    // Saved in the library's paths, shown in a device's: the folder is mapped with the photos.
    expect(reportWithPaths(loaded!, (p) => p.replace('/lib', '/mnt/lib')).folder).toBe('/mnt/lib/2019');
  });

  it('is told from a whole-library scan, and a report saved before these were kept still loads as one', async () => {
    const file = reportFile(tempDir('shoebox-report-scope-'), MODEL);
    await saveReport(file, MODEL, keptFromScan(scan, ['similar'], Date.UTC(2025, 4, 3), rows));
    const whole = reportPage((await loadReport(file, MODEL, (m) => expect.fail(m)))!, 0, 25);
    expect(whole).not.toHaveProperty('folder');
    expect(whole).not.toHaveProperty('threshold');
    expect(scanText(whole)).toMatch(/^12 photos scanned .+ for similar shots$/);

    // A file written before: no folder, no threshold (nor `scanned`) in it.
    const { folder: _f, threshold: _t, scanned: _s, ...old } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify(old));
    const loaded = await loadReport(file, MODEL, (m) => expect.fail(m));
    expect(loaded?.groups.map((g) => path.basename(g.keep))).toEqual(['a.jpg']);
    expect(scanText(reportPage(loaded!, 0, 25))).toMatch(/^scanned .+ for similar shots$/);
  });
});
