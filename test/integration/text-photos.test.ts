// Text in photos end to end with the real PP-OCRv4 weights: photos with known text (real
// photos from ../shared with phrases in DejaVu fonts: level, tilted, small, faint) are
// indexed while "Text in photos" is off, the setting is turned on, the next index run reads
// the text of the photos indexed before (the backfill), and `shoebox search --text` and
// `text:"…"` find them: exactly, with a misread word, combined with a filter; absent text
// finds nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sharedAvailable } from '../helpers/shared-data';
import { writeTextPhotos, type MadeTextPhoto } from '../helpers/text-photos';
import { closeRecognizeText } from '../../src/core/ocr';
import { openLibrary } from '../../src/core/engine';
import { search } from '../../src/core/search/search-service';
import type { PhotoTextMatch } from '../../src/shared/search';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let dir: string;
let made: MadeTextPhoto[];
let before: { off: CliResult; settingsOn: CliResult; unread: CliResult; index: CliResult };

afterAll(() => closeRecognizeText());

function shoebox(args: string[]): Promise<CliResult> {
  return runCli(['--home', home, ...args]);
}

type Hit = { path: string; score: number; photoText?: PhotoTextMatch };

async function textHits(args: string[]): Promise<Hit[]> {
  const res = await shoebox(['search', ...MODEL, '--json', ...args]);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as Hit[];
}

const fileOf = (name: string) => made.find((m) => m.case?.name === name)!.file;

describe.skipIf(!sharedAvailable('photos'))('text in photos', () => {
  beforeAll(async () => {
    home = tempDir();
    dir = tempDir('shoebox-text-');
    made = await writeTextPhotos(dir);
    // Indexed while the setting is off (the default): no text is read.
    expect((await shoebox(['index', ...MODEL, '--json', dir])).code).toBe(0);
    const off = await shoebox(['search', ...MODEL, '--json', '--text', 'open 24 hours']);
    const settingsOn = await shoebox(['settings', ...MODEL, 'text-in-photos', 'on']);
    const unread = await shoebox(['search', ...MODEL, '--text', 'open 24 hours']);
    // Nothing new to index: this run only reads the text of the photos indexed before.
    const index = await shoebox(['index', ...MODEL, '--json']);
    before = { off, settingsOn, unread, index };
  }, 600_000);

  it('reads no text while the setting is off, and says how to turn it on', () => {
    expect(before.off.code).toBe(0);
    expect(JSON.parse(before.off.stdout)).toEqual([]);
    expect(before.off.stderr).toMatch(/"Text in photos" is off.*shoebox settings text-in-photos on/);
    // On, nothing read yet: an empty result says so, and what reads them.
    expect([before.unread.code, before.unread.stdout]).toEqual([0, '']);
    expect(before.unread.stderr).toBe(`shoebox: no photo's text holds these words; ${made.length} of ${made.length} photos not read yet ("shoebox index" reads them)\n`);
    expect(before.settingsOn.stdout).toMatch(new RegExp(`text-in-photos: on; ${made.length} of ${made.length} photos still to read \\((a few seconds|under a minute|about \\d+ min): [\\d.]+ s per photo, (estimated|measured here)\\)`));
  });

  it('reads the text of the photos indexed before the setting was on', async () => {
    expect(before.index.code, before.index.stderr).toBe(0);
    const res = await shoebox(['settings', ...MODEL, '--json']);
    // The cost is the core's: measured on this device once it has read a few photos.
    expect(JSON.parse(res.stdout)).toEqual({ textInPhotos: { on: true, contents: made.length, left: 0, secondsPerPhoto: expect.any(Number), costMeasured: true } });
    // Counted by content, as the reading goes (status counts files): said so.
    expect((await shoebox(['settings', ...MODEL])).stdout).toBe(`text-in-photos: on; text read in all ${made.length} photos (a photo's copies count once; videos are not read)\n`);
  });

  it('finds a sign by its words, with the text read and the matched words boxed where they were drawn', async () => {
    const hits = await textHits(['--text', 'open 24 hours']);
    expect(hits.map((h) => h.path)).toEqual([fileOf('a shop sign and a caption')]);
    const match = hits[0]!.photoText!;
    expect(match.text).toMatch(/OPEN 24 HOURS/);
    expect(match.words.map((w) => w.text.toLowerCase())).toEqual(['open', '24', 'hours']);
    expect([match.width, match.height]).toEqual([1600, 1067]);
    // Drawn at x 200, y 200, 60 px: the words' boxes sit on that line, left to right.
    const [open, , hours] = match.words;
    expect(open!.box[0]![0]).toBeGreaterThan(170);
    expect(open!.box[0]![0]).toBeLessThan(230);
    expect(open!.box[0]![1]).toBeGreaterThan(180);
    expect(open!.box[3]![1]).toBeLessThan(300);
    expect(hours!.box[0]![0]).toBeGreaterThan(open!.box[1]![0]);
  });

  it('finds the photo with a word misread, accents and case aside, and in small, tilted and faint text', async () => {
    expect((await textHits(['--text', '0pen 24 h0urs'])).map((h) => h.path)).toEqual([fileOf('a shop sign and a caption')]);
    expect((await textHits(['--text', 'plattorm closed'])).map((h) => h.path)[0]).toBe(fileOf('a sign tilted clockwise'));
    expect((await textHits(['--text', 'MUSÉUM closed on mondays'])).map((h) => h.path)[0]).toBe(fileOf('a serif notice'));
    expect((await textHits(['--text', 'Platform closed for repairs'])).map((h) => h.path)[0]).toBe(fileOf('a sign tilted clockwise'));
    expect((await textHits(['--text', 'tickets sold inside'])).map((h) => h.path)).toEqual([fileOf('small white text on the scene')]);
    expect((await textHits(['--text', 'private parking only'])).map((h) => h.path)).toEqual([fileOf('faint text straight on a wall')]);
  });

  it('finds a single word, and not the words one letter away from it', async () => {
    for (const word of ['cafe', 'exit']) expect((await textHits(['--text', word])).map((h) => h.path), word).toEqual([fileOf('single words')]);
    for (const word of ['case', 'edit', 'oven', 'motel']) expect((await textHits(['--text', word])).map((h) => h.path), word).toEqual([fileOf('near misses')]);
    expect((await textHits(['--text', 'open'])).map((h) => h.path)).toEqual([fileOf('a shop sign and a caption')]);
    expect((await textHits(['--text', 'sale'])).map((h) => h.path)).toEqual([fileOf('grey on grey')]);
    expect(await textHits(['--text', 'hotel'])).toEqual([]);
  });

  it('finds real photos by the text in them: a bank\'s sign, a Chinese watermark', async () => {
    expect((await textHits(['--text', 'bangor savings bank'])).map((h) => path.basename(h.path))).toEqual(['n02977058_cash_machine.jpeg']);
    expect((await textHits(['--text', '汽车之家'])).map((h) => path.basename(h.path))).toEqual(['n03841143_odometer.jpeg']);
  });

  it('finds nothing for text no photo holds, and says so', async () => {
    expect(await textHits(['--text', 'zebra crossing ahead'])).toEqual([]);
    expect(await textHits(['--text', 'parking fines apply tonight'])).toEqual([]);
    // Not silent (an empty line could mean the text is not read yet, or the setting is off).
    const res = await shoebox(['search', ...MODEL, '--text', 'zebra crossing ahead']);
    expect([res.code, res.stdout]).toEqual([0, '']);
    expect(res.stderr).toBe("shoebox: no photo's text holds these words\n");
  });

  it('takes text:"…" in the query language, narrowed by a folder filter', async () => {
    const closed = await textHits(['text:"closed"']);
    expect(closed.map((h) => h.path).sort()).toEqual([fileOf('a serif notice'), fileOf('a sign tilted clockwise')].sort());
    const inSigns = await textHits(['text:"closed"', '--folder', path.join(dir, 'signs')]);
    expect(inSigns.map((h) => h.path)).toEqual([fileOf('a sign tilted clockwise')]);
  });

  it('combines text:"…" with CLIP terms: only photos holding the text, ranked by the terms', async () => {
    const hits = await textHits(['--all', 'text:"closed"', '+', 'red']);
    expect(hits.map((h) => h.path).sort()).toEqual([fileOf('a serif notice'), fileOf('a sign tilted clockwise')].sort());
    expect(hits.every((h) => h.photoText!.words.some((w) => /closed/i.test(w.text)))).toBe(true);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    // --text is the same term.
    expect((await textHits(['--all', '--text', 'closed', 'red'])).map((h) => h.path)).toEqual(hits.map((h) => h.path));
  });

  it('in the app, words no photo holding the text passes still leave those photos, as the closest', async () => {
    // The CLI's cut-off applies (it says so); the app asks for the closest photos instead.
    expect(await textHits(['text:"closed"', '+', 'magenta'])).toEqual([]);
    const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    try {
      const result = await search(lib, 'text:"closed" + magenta', { closest: true });
      expect(result.closest).toBe(true);
      expect(result.hits.map((h) => h.path).sort()).toEqual([fileOf('a serif notice'), fileOf('a sign tilted clockwise')].sort());
    } finally {
      await lib.close();
    }
  });

  it('refuses a text: term without words, or subtracted, with one line', async () => {
    const empty = await shoebox(['search', ...MODEL, 'text:""']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toMatch(/^shoebox: text: needs the words/);
    const minus = await shoebox(['search', ...MODEL, 'dog', '-', 'text:"open"']);
    expect(minus.code).toBe(2);
    expect(minus.stderr.trim()).toMatch(/can be required, not subtracted/);
  });

  it('keeps the text of a moved photo (by content) and the setting across runs', async () => {
    const from = fileOf('a serif notice');
    const to = path.join(dir, 'signs', 'moved-notice.jpg');
    fs.renameSync(from, to);
    made.find((m) => m.file === from)!.file = to;
    const index = await shoebox(['index', ...MODEL, '--json']);
    expect(index.code, index.stderr).toBe(0);
    expect((await textHits(['--text', 'museum closed on mondays'])).map((h) => h.path)).toEqual([to]);
  });
});
