// `shoebox index` as a user runs it: Ctrl-C is not a finished run (exit 130, "interrupted"),
// and a library folder that is not there (unmounted) is reported, its photos kept.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { runShoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function photoTableVersions(home: string): number {
  const dir = path.join(home, 'library');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((t) => t.startsWith('photos')).reduce((n, t) => {
    const versions = path.join(dir, t, '_versions');
    return n + (fs.existsSync(versions) ? fs.readdirSync(versions).length : 0);
  }, 0);
}

describe('shoebox index', () => {
  it('Ctrl-C: says how many photos are left, exits 130; the next run finishes them', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const base = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#335577' } }).jpeg().toBuffer();
    const total = 120;
    for (let i = 0; i < total; i++) await sharp(base).modulate({ hue: i * 3 }).jpeg({ quality: 85 }).toFile(path.join(photos, `p${String(i).padStart(3, '0')}.jpg`));
    const child = startShoebox(['--home', home, 'index', ...MODEL, photos]);
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const end = Date.now() + 60_000;
    while (photoTableVersions(home) < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('close', r));
    expect(code).toBe(130);
    const left = Number(/interrupted: (\d+) photos? left for the next run/.exec(stdout)?.[1]);
    expect(left).toBeGreaterThan(0);

    const rest = await runShoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ interrupted: false, left: 0, embedded: left });
  });

  it('a library folder that is not there is reported in one line and its photos are kept', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await runShoebox(['--home', home, 'index', ...MODEL, photos])).code).toBe(0);
    fs.renameSync(photos, `${photos}.away`);
    const res = await runShoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ removed: 0, unavailable: [{ path: photos, reason: 'folder not found (unmounted?)', kept: 4 }] });
    expect(res.stderr.trim()).toBe(`shoebox: folder not found (unmounted?): ${photos} — its 4 photos are kept`);
    const status = JSON.parse((await runShoebox(['--home', home, 'status', ...MODEL, '--json'])).stdout);
    expect(status.photos).toBe(4);
    const text = await runShoebox(['--home', home, 'status', ...MODEL]);
    expect(text.stdout).toContain(`  ${photos}\t4 photos (folder not found (unmounted?); photos kept)\n`);
  });
});
