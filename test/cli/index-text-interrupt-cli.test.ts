// Ctrl-C while `shoebox index` reads the text in photos (after the embedding) is not a finished
// run: exit 130, the summary says the text reading was interrupted and how many photos are
// left, and --json carries the reading's counts (`textReading`) with `interrupted`. The next
// run reads the rest.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';
import { closeRecognizeText } from '../../src/core/ocr';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Runs `index` in a child and sends it Ctrl-C once it has started reading text; its output and code. */
async function interruptReading(home: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; total: number }> {
  const child = startShoebox(['--home', home, 'index', ...args]);
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const reading = new Promise<number>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /text in photos: reading the text of (\d+) photos/.exec(stderr);
      if (m) resolve(Number(m[1]));
    });
  });
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const total = await Promise.race([reading, closed.then(() => -1)]);
  expect(total, `the run read text: ${stderr}`).toBeGreaterThan(0);
  child.kill('SIGINT');
  return { code: await closed, stdout, stderr, total };
}

describe('shoebox index: Ctrl-C while reading the text in photos', () => {
  afterEach(() => closeRecognizeText());

  it('exits 130, says the reading was interrupted and what is left, in text and --json; the next run reads the rest', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    // Enough photos for the reading (0.1-0.3 s each) to be well under way at Ctrl-C.
    await writeDistinctPhotos(photos, 120, { width: 1200, height: 900 }, '#446688');
    expect((await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH)])).code).toBe(0);
    expect((await shoebox(['--home', home, 'settings', 'text-in-photos', 'on'])).code).toBe(0);

    const first = await interruptReading(home, [photos]);
    expect(first.code, first.stderr).toBe(130);
    const said = /^shoebox: text in photos: interrupted: read (\d+), 0 unreadable, (\d+) left for the next run$/m.exec(first.stderr);
    expect(said, first.stderr).not.toBeNull();
    const [read, left] = [Number(said![1]), Number(said![2])];
    expect(read + left).toBe(first.total);
    expect(left).toBeGreaterThan(0);
    expect(first.stdout).toMatch(new RegExp(`; text in photos interrupted: read ${read}, 0 unreadable, ${left} photos left for the next run\\n$`));

    const second = await interruptReading(home, ['--json', photos]);
    expect(second.code, second.stderr).toBe(130);
    expect(second.total).toBe(left);
    const json = JSON.parse(second.stdout) as { interrupted: boolean; left: number; textReading: { read: number; unreadable: number; left: number; interrupted: boolean } };
    // The embedding was done: nothing left to embed; the reading was stopped.
    expect(json).toMatchObject({ interrupted: true, left: 0, textReading: { unreadable: 0, interrupted: true } });
    expect(json.textReading.read + json.textReading.left).toBe(left);
    expect(json.textReading.left).toBeGreaterThan(0);

    // status says the reading left to do, and then that it is done.
    const waiting = await shoebox(['--home', home, 'status']);
    expect(waiting.stdout).toMatch(new RegExp(`^  text-in-photos: on; ${json.textReading.left} of 120 photos still to read \\((a few seconds|under a minute|about \\d+ min): .*\\), done by the next "shoebox index"`, 'm'));
    expect(JSON.parse((await shoebox(['--home', home, 'status', '--json'])).stdout)).toMatchObject({ textInPhotos: { on: true, contents: 120, left: json.textReading.left } });

    const rest = await shoebox(['--home', home, 'index', '--json', photos]);
    expect(rest.code, rest.stderr).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ interrupted: false, left: 0, textReading: { read: json.textReading.left, unreadable: 0, left: 0, interrupted: false } });
    // Done: status still says the setting, with nothing left.
    expect((await shoebox(['--home', home, 'status'])).stdout).toContain('  text-in-photos: on; text read in all 120 photos');
  }, 240_000);
});
