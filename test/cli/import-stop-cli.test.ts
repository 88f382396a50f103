// Ctrl-C during `shoebox import`: exit 130 with one line on stderr saying what was copied so
// far and that the same import resumes, and no half-copied file left in the library folder (a
// copy is written under a hidden name and named only once whole: library/photo-import.ts). Run
// again, the import copies the rest, and every copy is its card file byte for byte.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
// None when the folder is not there: an import makes it only for a copy (a stop before any leaves none).
const filesUnder = (dir: string) => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]) : []).filter((p) => fs.statSync(path.join(dir, p)).isFile());

describe('shoebox import: Ctrl-C while copying', () => {
  it('exits 130, says what was copied and that running it again resumes, and leaves no partial copy', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-import-stop-photos-');
    await writeColourPhoto(photos, 'kept.jpg', [30, 90, 200]);
    expect((await shoebox(['--home', home, 'index', ...MODEL, photos])).code).toBe(0);
    const card = tempDir('shoebox-import-stop-card-');
    // Large clips (a video by its name): each copy takes long enough to be stopped half-way.
    for (let i = 1; i <= 4; i++) fs.writeFileSync(path.join(card, `MVI_000${i}.MP4`), crypto.randomBytes(96 * 1024 * 1024));
    const into = path.join(photos, 'card');

    const child = startShoebox(['--home', home, 'import', ...MODEL, card, '--to', into]);
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    // Stopped while a copy is being written (its hidden part file is there).
    const copying = () => fs.existsSync(into) && filesUnder(into).some((p) => p.endsWith('.shoebox-part'));
    let ended = false;
    void closed.then(() => (ended = true));
    while (!copying() && !ended) await new Promise((r) => setTimeout(r, 20));
    expect(ended, `the import was still copying: ${stdout}${stderr}`).toBe(false);
    child.kill('SIGINT');
    expect(await closed, stderr).toBe(130);
    expect(stderr).toMatch(/^shoebox: stopped: (nothing copied|\d videos? copied so far, nothing half-copied kept); run the same import again to resume$/m);
    const left = filesUnder(into);
    expect(left.filter((p) => path.basename(p).startsWith('.'))).toEqual([]); // no part file
    for (const p of left) expect(sha(path.join(into, p))).toBe(sha(path.join(card, path.basename(p)))); // no truncated copy

    const again = await shoebox(['--home', home, 'import', ...MODEL, card, '--to', into]);
    expect(again.stdout).toMatch(/^copied \d videos? into /);
    const all = filesUnder(into);
    expect(all.map((p) => path.basename(p)).sort()).toEqual(['MVI_0001.MP4', 'MVI_0002.MP4', 'MVI_0003.MP4', 'MVI_0004.MP4']);
    for (const p of all) expect(sha(path.join(into, p))).toBe(sha(path.join(card, path.basename(p))));
  }, 240_000);
});
