// `shoebox date` as a user runs it: set a scan's date taken by path (a path the library does not
// hold is one line on stderr and exit 1, the rest still set), `list --json` and `on-this-day`
// follow it, a bad date is one line and exit 1 with nothing changed, `restore` puts the file's
// own date back, `shift -2h` moves a date (an undated photo is one line and exit 1) and back
// again forgets the edit; the file is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-date-');
  await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
  await writeExifColourPhoto(photos, 'scan.jpg', [25, 30, 210]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const date = (args: string[]) => runCli(['--home', home, 'date', args[0]!, ...MODEL, ...args.slice(1)]);
const takenAt = async (): Promise<Record<string, string | null>> => {
  const res = await runCli(['--home', home, 'list', ...MODEL, '--json']);
  expect(res.code, res.stderr).toBe(0);
  return Object.fromEntries((JSON.parse(res.stdout) as { path: string; takenAt: string | null }[]).map((r) => [path.basename(r.path), r.takenAt]));
};

describe('shoebox date', () => {
  it("sets a scan's date by path, says which path the library does not hold, and the file stays as it was", async () => {
    const scan = path.join(photos, 'scan.jpg');
    const before = fs.readFileSync(scan);
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await date(['set', '1999-06-15T08:30+01:00', scan, missing]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('set the date taken of 1 photo to 1999-06-15T08:30+01:00');
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: not in the library: ${missing}`]);
    expect(await takenAt()).toEqual({ 'red.jpg': '2021-06-15T10:00:00', 'scan.jpg': '1999-06-15T08:30:00+01:00' });
    // On this day (15 June) finds the scan now, beside the photo taken that day.
    const day = await runCli(['--home', home, 'on-this-day', ...MODEL, '--date', '2025-06-15', '--json']);
    expect(day.code, day.stderr).toBe(0);
    expect(day.stdout).toContain('scan.jpg');
    expect(fs.readFileSync(scan).equals(before)).toBe(true);
  });

  it('refuses a date that does not exist in one line, as a usage error (exit 2), and changes nothing', async () => {
    const res = await date(['set', '2021-02-29T10:00', path.join(photos, 'red.jpg')]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('shoebox: not a date taken: "2021-02-29T10:00" (expected 2024-03-07T18:05, seconds and an offset such as +02:00 optional)');
    expect((await takenAt())['red.jpg']).toBe('2021-06-15T10:00:00');
  });

  it('a malformed date or shift is a usage error (exit 2, one line), and changes nothing', async () => {
    const red = path.join(photos, 'red.jpg');
    const before = await takenAt();
    for (const args of [['set', '2024-02-30', red], ['set', 'yesterday', red], ['set', '1700-01-01', red], ['shift', '2h', red], ['shift', '+200y', red]]) {
      const res = await date(args);
      expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(2);
      expect(res.stdout, args.join(' ')).toBe('');
      expect(res.stderr, args.join(' ')).toMatch(/^shoebox: not a (date taken|time shift): "[^"]+" \([^\n]*\)\n$/);
    }
    // A year out of range says the range, the first years of the calendar too.
    for (const year of ['0001', '0099', '1825', '2201', '9999']) {
      const res = await date(['set', `${year}-01-01T00:00`, red]);
      expect(res, year).toEqual({ code: 2, stdout: '', stderr: `shoebox: not a date taken: "${year}-01-01T00:00" (the year must be between 1826, the first photograph, and 2200)\n` });
    }
    expect(await takenAt()).toEqual(before);
  });

  it("restores the file's own date (none, for the scan)", async () => {
    const res = await date(['restore', path.join(photos, 'scan.jpg'), path.join(photos, 'red.jpg')]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe("restored the file's own date on 1 photo (1 photo has its file's own date already)"); // red was never edited
    expect(await takenAt()).toEqual({ 'red.jpg': '2021-06-15T10:00:00', 'scan.jpg': null });
  });

  it('shifts a date by -2h (a negative shift is not an option), says which photo has no date, and back again is the file\'s date', async () => {
    const red = path.join(photos, 'red.jpg');
    const scan = path.join(photos, 'scan.jpg');
    const res = await date(['shift', '-2h', red, scan]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('shifted the date taken of 1 photo by -2h');
    expect(res.stderr.trim()).toBe(`shoebox: no date taken to shift (set one with 'shoebox date set'): ${scan}`);
    expect(await takenAt()).toEqual({ 'red.jpg': '2021-06-15T08:00:00', 'scan.jpg': null });
    // A mistyped option after the shift is refused, not taken for a photo (nothing moves).
    const typo = await date(['shift', '-1h', '--libary', '/elsewhere', red]);
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim()).toBe("shoebox: unknown option '--libary' (a photo whose name starts with '-' can be given as ./--libary)");
    expect((await takenAt())['red.jpg']).toBe('2021-06-15T08:00:00');
    // Beyond the years a library keeps: one line, nothing changed.
    const far = await date(['shift', '+100000d', red]);
    expect(far.code).toBe(1);
    expect(far.stderr.trim()).toBe('shoebox: a shift of +100000d would move a photo to the year 2295 (dates taken go from 1826 to 2200); nothing changed');
    expect((await takenAt())['red.jpg']).toBe('2021-06-15T08:00:00');
    // Back by +2h: the file's own date again, and no longer an edit (a restore finds nothing).
    const back = await date(['shift', '+2h', '--json', red]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ changed: [red], missing: [], undated: [], seconds: 7200 });
    expect((await takenAt())['red.jpg']).toBe('2021-06-15T10:00:00');
    expect((await date(['restore', red])).stdout.trim()).toBe("1 photo has its file's own date already");
  });
});
