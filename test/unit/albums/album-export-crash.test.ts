// An export of copies killed mid-copy (kill -9) or stopped by a full disk leaves no cut-short
// photo under a photo's name, and the next export finishes it with the true counts, as the
// import does: each copy is written into a hidden part file and only named once whole
// (base/part-file.ts). The kill is real (a child process SIGKILLs itself mid-copy), the full
// disk is a real small tmpfs (tests run as root; skipped, saying so, where mount is refused).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPhotos } from '../../../src/core/albums/album-export';
import { REPO_ROOT } from '../../fixtures/models/paths';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-export-crash-'));
}

/** `count` photos of random bytes (a copy is told by its bytes), `bytes` each: their paths. */
function photos(count: number, bytes: number): string[] {
  const dir = tempDir();
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `${String(i + 1).padStart(4, '0')}.jpg`);
    fs.writeFileSync(file, crypto.randomBytes(bytes));
    return file;
  });
}

/** Every entry of `out`, hidden ones included, and whether each is a whole copy of its photo. */
function contents(out: string, sources: string[]): Record<string, 'whole' | number> {
  const byName = new Map(sources.map((s) => [path.basename(s), fs.readFileSync(s)]));
  return Object.fromEntries(fs.readdirSync(out).sort().map((name) => {
    const bytes = fs.readFileSync(path.join(out, name));
    return [name, byName.get(name)?.equals(bytes) ? 'whole' : bytes.length];
  }));
}

const whole = (sources: string[]) => Object.fromEntries(sources.map((s) => [path.basename(s), 'whole']));

describe('an export of copies killed mid-copy', () => {
  it('leaves no cut-short photo under its name, and the next export finishes it with the true counts', () => {
    const sources = photos(6, 200_000);
    const out = path.join(tempDir(), 'ex');
    // The third copy: its first 64 KB written, then the process is killed (no cleanup runs).
    const script = `
      import fs from 'node:fs';
      import { exportPhotos } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/albums/album-export.ts'))};
      const copy = fs.copyFileSync;
      let copies = 0;
      fs.copyFileSync = (from, to, mode) => {
        if (++copies === 3) {
          fs.writeFileSync(to, fs.readFileSync(from).subarray(0, 65536));
          process.kill(process.pid, 'SIGKILL');
        }
        return copy(from, to, mode);
      };
      const [out, ...sources] = process.argv.slice(2);
      exportPhotos(sources, out, { mode: 'copy' });
    `;
    const scriptFile = path.join(tempDir(), 'killed-export.mts');
    fs.writeFileSync(scriptFile, script);
    const killed = spawnSync(process.execPath, ['--import', 'tsx', scriptFile, out, ...sources], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');

    const left = contents(out, sources);
    expect(Object.entries(left).filter(([name]) => !name.startsWith('.'))).toEqual(Object.entries(whole(sources.slice(0, 2))));

    const report = exportPhotos(sources, out, { mode: 'copy' });
    expect(report).toMatchObject({ exported: 4, skipped: 2, failed: [] });
    expect(contents(out, sources)).toEqual(whole(sources)); // the part file removed, no "0003 (2).jpg"
    // Each copy keeps its photo's time (to the millisecond, as an export compares them).
    for (const source of sources) expect(Math.round(fs.statSync(path.join(out, path.basename(source))).mtimeMs)).toBe(Math.round(fs.statSync(source).mtimeMs));
  });
});

/** A fresh tmpfs of `size` mounted in a new folder, or why none could be (not root, no mount). */
function mountTmpfs(size: string): { dir: string } | { refused: string } {
  const dir = tempDir();
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  return res.status === 0 ? { dir } : { refused: (res.stderr || String(res.error ?? `mount exited ${res.status}`)).trim() };
}

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir]);
});

const disk = mountTmpfs('1m');
if ('refused' in disk) console.warn(`album-export-crash: full-disk test skipped, a tmpfs cannot be mounted here: ${disk.refused}`);
else mounted.push(disk.dir);

describe.skipIf('refused' in disk)('an export of copies onto a disk that fills up', () => {
  it('stops at the first copy the disk refuses, said once with the folder, leaves no cut-short photo, and finishes once there is space', () => {
    const dir = (disk as { dir: string }).dir;
    const sources = photos(6, 300_000); // three fit in 1 MB, the fourth does not
    const out = path.join(dir, 'ex');

    const report = exportPhotos(sources, out, { mode: 'copy' });
    expect(report.exported).toBe(3);
    expect(report.failed).toEqual([{ path: sources[3], error: `cannot write into ${out}: the disk is full (ENOSPC): stopped with 3 exported and 3 not exported; free some space and export again` }]);
    expect(contents(out, sources)).toEqual(whole(sources.slice(0, 3)));

    spawnSync('mount', ['-o', 'remount,size=4m', dir]); // space freed
    const again = exportPhotos(sources, out, { mode: 'copy' });
    expect(again).toMatchObject({ exported: 3, skipped: 3, failed: [] });
    expect(contents(out, sources)).toEqual(whole(sources));
  });
});
