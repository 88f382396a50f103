// XMP sidecars written by tagging, read back by exiftool (Debian's libimage-exiftool-perl,
// installed by CI): the keywords are there, merged with an existing sidecar, and the photo's
// bytes are untouched.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { TaggingService } from '../../src/core/tags/tagging-service';
import { readXmpKeywords } from '../../src/core/tags/xmp';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const haveExiftool = spawnSync('exiftool', ['-ver']).status === 0;
if (!haveExiftool) console.warn('exiftool not found (apt-get install libimage-exiftool-perl): skipping the XMP read-back tests');

function exiftool(file: string): { Subject?: string | string[]; HierarchicalSubject?: string | string[]; Rating?: number; Title?: string } {
  const out = execFileSync('exiftool', ['-j', '-XMP:Subject', '-XMP:HierarchicalSubject', '-XMP:Rating', '-XMP:Title', file], { encoding: 'utf8' });
  return (JSON.parse(out) as object[])[0]!;
}
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe.skipIf(!haveExiftool)('XMP sidecars read back by exiftool', () => {
  it('writes dc:subject and lr:hierarchicalSubject, merges with an existing sidecar, never touches the photo', async () => {
    const photos = tempDir('shoebox-xmp-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const red = path.join(photos, 'red.jpg');
    const blue = path.join(photos, 'blue.jpg');
    // A sidecar another tool wrote earlier: a rating, a title and the user's own keywords.
    execFileSync('exiftool', ['-q', '-o', `${blue}.xmp`, '-XMP:Rating=4', '-XMP:Title=Blue hour', '-XMP:Subject=holiday', '-XMP:Subject=blue', '-XMP:HierarchicalSubject=Places|Lake', blue]);
    const bytes = new Map(Object.keys(COLOURS).map((n) => [n, fs.readFileSync(path.join(photos, `${n}.jpg`))]));
    const mtimes = new Map(Object.keys(COLOURS).map((n) => [n, fs.statSync(path.join(photos, `${n}.jpg`)).mtimeMs]));

    const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    open.push(lib);
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'] }), 'colours.json');
    const results = await tagging.tagFolder('colours', photos);
    expect(tagging.writeSidecars(results, ['colours'])).toEqual({ written: 4, unchanged: 0, failed: [] });

    expect(exiftool(`${red}.xmp`)).toMatchObject({ Subject: 'red', HierarchicalSubject: 'Shoebox|colours|red' });
    const merged = exiftool(`${blue}.xmp`);
    expect(list(merged.Subject)).toEqual(['holiday', 'blue']);
    expect(list(merged.HierarchicalSubject)).toEqual(['Places|Lake', 'Shoebox|colours|blue']);
    expect(merged).toMatchObject({ Rating: 4, Title: 'Blue hour' });

    // Again: nothing changes. After the user rejects blue, only Shoebox's entry goes (the
    // plain "blue" keyword was the user's own before Shoebox wrote it).
    expect(tagging.writeSidecars(await tagging.tagFolder('colours', photos), ['colours'])).toMatchObject({ written: 0, unchanged: 4 });
    await tagging.setTagState(blue, 'blue', 'rejected');
    await tagging.setTagState(red, 'red', 'rejected');
    tagging.writeSidecars(await tagging.tagFolder('colours', photos), ['colours']);
    const after = exiftool(`${blue}.xmp`);
    expect(list(after.Subject)).toEqual(['holiday', 'blue']);
    expect(list(after.HierarchicalSubject)).toEqual(['Places|Lake']);
    expect(after).toMatchObject({ Rating: 4, Title: 'Blue hour' });
    expect(exiftool(`${red}.xmp`)).not.toHaveProperty('Subject');

    for (const [name, before] of bytes) {
      const file = path.join(photos, `${name}.jpg`);
      expect(fs.readFileSync(file).equals(before), name).toBe(true);
      expect(fs.statSync(file).mtimeMs).toBe(mtimes.get(name));
    }
    // No temporary files left behind.
    expect(fs.readdirSync(photos).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('decisions update the sidecars a set writes (issue 17)', () => {
  it('tags reject / accept / forget rewrite the sidecar of every copy that carries the set, and leave other sidecars alone', async () => {
    const photos = tempDir('shoebox-xmp-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const red = path.join(photos, 'red.jpg');
    const copy = path.join(photos, 'red copy.jpg');
    fs.copyFileSync(red, copy);
    const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    open.push(lib);
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'] }), 'colours.json');
    await tagging.importLabelSet(JSON.stringify({ name: 'other', labels: ['red', 'crimson'] }), 'other.json');
    tagging.writeSidecars(await tagging.tagFolder('colours', photos), ['colours']);
    const keywords = (file: string) => readXmpKeywords(fs.readFileSync(`${file}.xmp`, 'utf8')).hierarchicalSubject;
    expect(keywords(red)).toEqual(['Shoebox|colours|red']);

    const rejected = await tagging.setTagState(red, 'red', 'rejected', 'colours');
    expect(rejected.sidecars).toEqual({ written: 2, unchanged: 0, failed: [] });
    expect(keywords(red)).toEqual([]);
    expect(keywords(copy)).toEqual([]);
    // The set's sidecars stay the set's after losing their last keyword: accepting writes again.
    await tagging.setTagState(red, 'yellow', 'accepted', 'colours');
    expect(keywords(red)).toEqual(['Shoebox|colours|yellow']);
    await tagging.setTagState(red, 'red', 'auto', 'colours');
    expect(keywords(copy).sort()).toEqual(['Shoebox|colours|red', 'Shoebox|colours|yellow']);
    // A set that never wrote sidecars does not start to; a photo without a sidecar gets none.
    const before = fs.readFileSync(`${red}.xmp`, 'utf8');
    expect((await tagging.setTagState(red, 'crimson', 'accepted', 'other')).sidecars).toEqual({ written: 0, unchanged: 0, failed: [] });
    expect(fs.readFileSync(`${red}.xmp`, 'utf8')).toBe(before);
    fs.rmSync(path.join(photos, 'green.jpg.xmp'));
    await tagging.setTagState(path.join(photos, 'green.jpg'), 'green', 'rejected', 'colours');
    expect(fs.existsSync(path.join(photos, 'green.jpg.xmp'))).toBe(false);
  });
});
