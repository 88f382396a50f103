// Two exports into one folder at once (the app's job and the CLI's) each finish: the second's
// clean-up of what a crash left removes only part files whose writer is gone, never one being
// written. And a copy's time is flushed with its bytes, so one a power cut left named still has
// its photo's time, and the rerun knows it (no NAME (2)).
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportPhotos } from '../../../src/core/albums/album-export';
import { REPO_ROOT } from '../../fixtures/models/paths';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-export-parts-'));
}

/** `count` photos of random bytes, taken (mtime) in 2019: their paths. */
function photos(count: number, prefix: string): string[] {
  const dir = tempDir();
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `${prefix}${i + 1}.jpg`);
    fs.writeFileSync(file, crypto.randomBytes(50_000));
    fs.utimesSync(file, new Date('2019-06-01T10:00:00Z'), new Date('2019-06-01T10:00:00Z'));
    return file;
  });
}

const hidden = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.')).sort();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('two exports into one folder at once', () => {
  it("each finishes: the second's clean-up leaves the first's copy being written", () => {
    const first = photos(3, 'a');
    const second = photos(3, 'b');
    const out = path.join(tempDir(), 'ex');
    let report2: ReturnType<typeof exportPhotos> | undefined;
    const copy = fs.copyFileSync.bind(fs);
    // The second export starts while the first's first copy is in its part file, not yet named.
    vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to, mode) => {
      copy(from, to, mode);
      if (report2 === undefined && String(from) === first[0]) report2 = exportPhotos(second, out, { mode: 'copy' });
    });
    const report1 = exportPhotos(first, out, { mode: 'copy' });
    expect(report1).toMatchObject({ exported: 3, failed: [] });
    expect(report2).toMatchObject({ exported: 3, failed: [] });
    expect(fs.readdirSync(out).sort()).toEqual([...first, ...second].map((f) => path.basename(f)).sort());
  });

  it("removes a part file whose writer is gone, and keeps another running process's", async () => {
    const out = tempDir();
    // A process that starts a part file as the export does, says its path, and waits.
    const script = `
      import fs from 'node:fs';
      import { partFilePath } from ${JSON.stringify(path.join(REPO_ROOT, 'src/base/part-file.ts'))};
      const part = partFilePath(process.argv[2], 'IMG_1.jpg');
      fs.writeFileSync(part, 'half');
      console.log(part);
      if (process.argv[3] === 'wait') process.stdin.once('data', () => process.exit(0));
    `;
    const scriptFile = path.join(tempDir(), 'writer.mts');
    fs.writeFileSync(scriptFile, script);
    const dead = spawnSync(process.execPath, ['--import', 'tsx', scriptFile, out], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(dead.status, dead.stderr).toBe(0);
    const deadPart = dead.stdout.trim();

    const live = spawn(process.execPath, ['--import', 'tsx', scriptFile, out, 'wait'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    const livePart = await new Promise<string>((resolve) => live.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
    const exited = new Promise((resolve) => live.once('exit', resolve));
    try {
      expect(hidden(out)).toEqual([path.basename(deadPart), path.basename(livePart)].sort());
      expect(exportPhotos(photos(1, 'c'), out, { mode: 'copy' })).toMatchObject({ exported: 1, failed: [] });
      expect(hidden(out)).toEqual([path.basename(livePart)]);
    } finally {
      live.stdin.write('done\n');
      await exited;
    }
    // Its writer gone, the next export removes it.
    exportPhotos(photos(1, 'd'), out, { mode: 'copy' });
    expect(hidden(out)).toEqual([]);
  }, 60_000);
});

describe('a copy flushed to disk', () => {
  it("has its photo's time when its bytes are flushed", () => {
    const sources = photos(2, 'e');
    const out = path.join(tempDir(), 'ex');
    const flushed: number[] = [];
    const fsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      flushed.push(Math.round(fs.fstatSync(fd).mtimeMs));
      fsync(fd);
    });
    expect(exportPhotos(sources, out, { mode: 'copy' })).toMatchObject({ exported: 2, failed: [] });
    expect(flushed).toEqual(sources.map((s) => Math.round(fs.statSync(s).mtimeMs)));
  });
});
