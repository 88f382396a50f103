// Captions written in other apps become descriptions, through LibraryApi as the app runs it (a
// background job) and through `shoebox description import`: IPTC (Photoshop), XMP (Lightroom,
// digiKam), a sidecar named either way, every copy of a content; a camera's own ImageDescription
// is no caption; a description the user wrote in Shoebox is never overwritten; a caption longer
// than a description may be is cut at a word; a photo whose file is gone is named and left for
// the next run; a second run reads only what was indexed since, so a description the user
// removed stays removed; the store's import write only inserts; the files are only read. Real LanceDB, tiny model,
// captions written by exiftool.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { haveExiftool, writeCaptionedPhoto, writeCaptionSidecar } from '../helpers/captioned-photos';
import { tempDir } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

if (!haveExiftool) console.warn('exiftool not found (apt-get install libimage-exiftool-perl): skipping the import of captions');

const LONG = `${'A very long caption from a newsroom archive. '.repeat(60)}The end.`;

/** A folder captioned the ways other apps caption photos; the file names say how. */
async function captionedFolder(): Promise<{ dir: string; file: (name: string) => string; bytes: Map<string, Buffer> }> {
  const dir = tempDir('shoebox-caption-import-');
  const file = (name: string) => path.join(dir, name);
  await writeCaptionedPhoto(dir, 'iptc.jpg', [200, 40, 40], ['-IPTC:Caption-Abstract=Grandma’s 80th, the garden']);
  await writeCaptionedPhoto(dir, 'xmp.jpg', [40, 200, 40], ['-XMP-dc:Description=Façade at dusk, Lyon']);
  await writeCaptionedPhoto(dir, 'darktable.jpg', [40, 40, 200], []);
  writeCaptionSidecar(file('darktable.jpg'), 'Harbour & boats');
  await writeCaptionedPhoto(dir, 'IMG_2.jpg', [200, 200, 40], []);
  fs.renameSync(writeCaptionSidecar(file('IMG_2.jpg'), 'Lightroom names its sidecars without the extension'), file('IMG_2.xmp'));
  await writeCaptionedPhoto(dir, 'camera.jpg', [40, 200, 200], ['-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA', '-EXIF:Make=OLYMPUS IMAGING CORP.']);
  await writeCaptionedPhoto(dir, 'mine.jpg', [200, 40, 200], ['-IPTC:Caption-Abstract=the caption from the other app']);
  await writeCaptionedPhoto(dir, 'long.jpg', [120, 120, 120], [`-XMP-dc:Description=${LONG}`]);
  await writeCaptionedPhoto(dir, 'gone.jpg', [90, 20, 160], ['-IPTC:Caption-Abstract=a photo deleted after indexing']);
  fs.mkdirSync(file('backup'));
  fs.copyFileSync(file('iptc.jpg'), file('backup/iptc.jpg'));
  const bytes = new Map(fs.readdirSync(dir).filter((n) => n.endsWith('.jpg')).map((n) => [n, fs.readFileSync(file(n))]));
  return { dir, file, bytes };
}

describe.skipIf(!haveExiftool)('descriptions imported from captions', () => {
  const openHost = useApiHosts();

  it('through the app: one background job, every way of captioning, never over the user\'s own', async () => {
    const { dir, file, bytes } = await captionedFolder();
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    const id = async (name: string) => (await host.timeline({ limit: 100 })).photos.find((p) => p.path === file(name))!.id;
    const description = async (name: string) => (await host.getPhoto(await id(name)))!.description;
    await host.setDescription([await id('mine.jpg')], 'What I wrote in Shoebox');
    fs.rmSync(file('gone.jpg'));

    events.length = 0;
    const job = await jobFinished(events, await host.importDescriptions());
    expect(job).toMatchObject({ kind: 'import-descriptions', state: 'done', result: { summary: 'imported the captions of 5 of 6 photos without a description, 1 could not be read here' } });
    expect(await description('iptc.jpg')).toBe('Grandma’s 80th, the garden');
    expect(await description('backup/iptc.jpg')).toBe('Grandma’s 80th, the garden');
    expect(await description('xmp.jpg')).toBe('Façade at dusk, Lyon');
    expect(await description('darktable.jpg')).toBe('Harbour & boats');
    expect(await description('IMG_2.jpg')).toBe('Lightroom names its sidecars without the extension');
    expect(await description('camera.jpg')).toBeUndefined();
    expect(await description('mine.jpg')).toBe('What I wrote in Shoebox');
    const long = (await description('long.jpg'))!;
    expect(long.length).toBeLessThanOrEqual(2000);
    expect(long.endsWith('…')).toBe(true);
    // Cut at a word: what is kept is the caption's start, and the caption goes on with a space.
    expect(LONG.startsWith(long.slice(0, -1))).toBe(true);
    expect(LONG[long.length - 1]).toBe(' ');
    // Found as any description is.
    expect((await host.timeline({ described: 'grandma garden' })).photos.map((p) => path.relative(dir, p.path)).sort()).toEqual(['backup/iptc.jpg', 'iptc.jpg']);
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true);
    // Again: the photo it could not read is tried again (nothing else new); the files were only read.
    const again = await jobFinished(events, await host.importDescriptions());
    expect(again.result?.summary).toBe('imported the captions of 0 of 1 photo without a description, 1 could not be read here');
    for (const [name, was] of bytes) if (name !== 'gone.jpg') expect(fs.readFileSync(file(name)).equals(was), name).toBe(true);
  }, 180_000);

  it('from the CLI: `description import` says what it did, and names what it could not read', async () => {
    const { dir, file } = await captionedFolder();
    const home = tempDir();
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...model, dir)).code).toBe(0);
    fs.rmSync(file('gone.jpg'));
    const res = await run('description', 'import', ...model, '--json');
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: cannot be read here: ${file('gone.jpg')}\n`);
    expect(JSON.parse(res.stdout)).toEqual({ read: 7, imported: 6, unreadable: [file('gone.jpg')], described: 0, keywords: 0, keyworded: 0, keywordSet: null, heldBack: [] });
    const found = await run('description', 'find', ...model, 'harbour');
    expect(found.stdout).toBe(`${file('darktable.jpg')}\n`);
    const again = await run('description', 'import', ...model);
    expect(again.stdout).toBe('imported the captions of 0 of 1 photo without a description, 1 could not be read here\n');
  }, 180_000);

  it('run again, reads only the photos indexed since: a description the user removed stays removed, one captioned since is imported', async () => {
    const { dir, file } = await captionedFolder();
    fs.rmSync(file('gone.jpg'));
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    const id = async (name: string) => (await host.timeline({ limit: 100 })).photos.find((p) => p.path === file(name))!.id;
    expect((await jobFinished(events, await host.importDescriptions())).result?.summary).toBe('imported the captions of 6 of 7 photos without a description');
    await host.setDescription([await id('xmp.jpg')], null); // not wanted
    await writeCaptionedPhoto(dir, 'later.jpg', [15, 99, 15], ['-IPTC:Caption-Abstract=Captioned later, in Lightroom']);
    await host.indexNow([dir]);
    expect((await jobFinished(events, await host.importDescriptions())).result?.summary).toBe('imported the captions of 1 of 1 photo without a description');
    expect((await host.getPhoto(await id('later.jpg')))!.description).toBe('Captioned later, in Lightroom');
    expect((await host.getPhoto(await id('xmp.jpg')))!.description).toBeUndefined();
  }, 180_000);

  it('brings keywords in as accepted tags of the label set "keywords": one label whatever its case, a rejected one stays rejected', async () => {
    const dir = tempDir('shoebox-keyword-import-');
    const file = (name: string) => path.join(dir, name);
    await writeCaptionedPhoto(dir, 'lightroom.jpg', [200, 40, 40], ['-XMP-dc:Subject=Harbour', '-XMP-dc:Subject=boats', '-XMP-dc:Description=Boats at dawn']);
    await writeCaptionedPhoto(dir, 'photoshop.jpg', [40, 200, 40], ['-IPTC:Keywords=harbour', '-IPTC:Keywords=Oma']);
    await writeCaptionedPhoto(dir, 'plain.jpg', [40, 40, 200], []);
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    const id = async (name: string) => (await host.timeline({ limit: 100 })).photos.find((p) => p.path === file(name))!.id;
    const keywordTags = async (name: string) => (await host.getPhoto(await id(name)))!.tags.filter((t) => t.set === 'keywords').map((t) => `${t.label.toLowerCase()}:${t.state}`).sort(); // one label whatever the case: its spelling is the first photo's

    const job = await jobFinished(events, await host.importDescriptions());
    expect(job.result?.summary).toBe('imported the captions of 1 of 3 photos without a description, and 4 keywords of 2 photos as tags (label set “keywords”)');
    expect(await keywordTags('lightroom.jpg')).toEqual(['boats:accepted', 'harbour:accepted']);
    expect(await keywordTags('photoshop.jpg')).toEqual(['harbour:accepted', 'oma:accepted']);
    expect(await keywordTags('plain.jpg')).toEqual([]);
    expect((await host.listLabelSets()).find((s) => s.name === 'keywords')?.labels.map((l) => l.name.toLowerCase()).sort()).toEqual(['boats', 'harbour', 'oma']);
    expect((await host.tagCounts()).filter((c) => c.set === 'keywords').map((c) => [c.label.toLowerCase(), c.count]).sort()).toEqual([['boats', 1], ['harbour', 2], ['oma', 1]]);

    // Not wanted: rejected as any tag. The photo changes elsewhere and is read again: it stays rejected.
    await host.setTagState(await id('lightroom.jpg'), 'keywords', 'boats', 'rejected');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file('lightroom.jpg'), later, later);
    await host.indexNow([dir]);
    const again = await jobFinished(events, await host.importDescriptions());
    expect(again.result?.summary).toBe('imported the captions of 0 of 0 photos without a description');
    expect(await keywordTags('lightroom.jpg')).toEqual(['boats:rejected', 'harbour:accepted']);
  }, 180_000);

  it('holds a library\'s only keyword back until a second one comes (a label set needs two labels)', async () => {
    const dir = tempDir('shoebox-keyword-import-one-');
    await writeCaptionedPhoto(dir, 'one.jpg', [200, 40, 40], ['-XMP-dc:Subject=Harbour']);
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    expect((await jobFinished(events, await host.importDescriptions())).result?.summary).toBe(
      'imported the captions of 0 of 1 photo without a description, 1 keyword held back (“Harbour”: a label set needs two labels, so it comes with the next keyword)',
    );
    expect((await host.listLabelSets()).some((s) => s.name === 'keywords')).toBe(false);
    await writeCaptionedPhoto(dir, 'two.jpg', [40, 200, 40], ['-XMP-dc:Subject=Boats']);
    await host.indexNow([dir]);
    // The captions' mark moved (both were read); the keywords' did not, so one.jpg is read again for them.
    expect((await jobFinished(events, await host.importDescriptions())).result?.summary).toBe('imported the captions of 0 of 1 photo without a description, and 2 keywords of 2 photos as tags (label set “keywords”)');
  }, 180_000);

  it('leaves a label set of the user\'s own called "keywords" alone', async () => {
    const dir = tempDir('shoebox-keyword-import-own-set-');
    await writeCaptionedPhoto(dir, 'red.jpg', [220, 20, 20], ['-XMP-dc:Subject=red', '-XMP-dc:Subject=Rome']);
    await writeCaptionedPhoto(dir, 'blue.jpg', [20, 20, 220], ['-XMP-dc:Subject=blue']);
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    await host.saveLabelSet({ name: 'keywords', labels: ['red', 'blue', 'green'] });
    const red = (await host.timeline({ limit: 10 })).photos.find((p) => p.path.endsWith('red.jpg'))!;

    const job = await jobFinished(events, await host.importDescriptions());
    expect(job.result?.summary).toBe('imported the captions of 0 of 2 photos without a description, and 3 keywords of 2 photos as tags (label set “imported keywords”)');
    const sets = await host.listLabelSets();
    expect(sets.find((s) => s.name === 'keywords')!.labels.map((l) => l.name)).toEqual(['red', 'blue', 'green']);
    expect(sets.find((s) => s.name === 'imported keywords')!.labels.map((l) => l.name).sort()).toEqual(['Rome', 'blue', 'red']);
    expect((await host.getPhoto(red.id))!.tags.filter((t) => t.set === 'imported keywords').map((t) => `${t.label}:${t.state}`).sort()).toEqual(['Rome:accepted', 'red:accepted']);
  }, 180_000);

  it('reads every photo once for keywords in a library whose captions were imported before keywords were, and brings no removed description back', async () => {
    const dir = tempDir('shoebox-keyword-import-upgrade-');
    await writeCaptionedPhoto(dir, 'a.jpg', [200, 40, 40], ['-XMP-dc:Subject=Harbour', '-XMP-dc:Description=Boats at dawn']);
    await writeCaptionedPhoto(dir, 'b.jpg', [40, 200, 40], ['-IPTC:Keywords=Genoa']);
    const home = tempDir();
    // The library as an earlier version left it: indexed, captions imported (and one removed since).
    const lib = testLibrary(home);
    await lib.index([dir]);
    await (await lib.writable()).putLibrarySetting('descriptionsImportedAt', JSON.stringify(Date.now()));
    await lib.close();
    const { host, events } = await openHost({ home });
    const job = await jobFinished(events, await host.importDescriptions());
    expect(job.result?.summary).toBe('imported the captions of 0 of 0 photos without a description, and 2 keywords of 2 photos as tags (label set “keywords”)');
    const a = (await host.timeline({ limit: 10 })).photos.find((p) => p.path.endsWith('a.jpg'))!;
    expect((await host.getPhoto(a.id))!.description).toBeUndefined();
  }, 180_000);

  it('reads every photo again when asked: a caption or keyword changed in a sidecar alone', async () => {
    const dir = tempDir('shoebox-import-everything-');
    const photo = await writeCaptionedPhoto(dir, 'green.jpg', [40, 200, 40], []);
    await writeCaptionedPhoto(dir, 'blue.jpg', [40, 40, 200], ['-XMP-dc:Subject=sea', '-XMP-dc:Subject=boat']);
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    await jobFinished(events, await host.importDescriptions());
    // Written in digiKam afterwards: only its sidecar changed, so the photo was not indexed again.
    writeCaptionSidecar(photo, 'The lawn in June');
    expect((await jobFinished(events, await host.importDescriptions())).result?.summary).toBe('imported the captions of 0 of 0 photos without a description');
    expect((await jobFinished(events, await host.importDescriptions(true))).result?.summary).toBe('imported the captions of 1 of 2 photos without a description');
    const green = (await host.timeline({ limit: 10 })).photos.find((p) => p.path === photo)!;
    expect((await host.getPhoto(green.id))!.description).toBe('The lawn in June');
  }, 180_000);

  it('adds descriptions only where there are none: one written meanwhile is never replaced', async () => {
    const dir = tempDir('shoebox-caption-import-store-');
    await writeCaptionedPhoto(dir, 'a.jpg', [10, 20, 30], []);
    await writeCaptionedPhoto(dir, 'b.jpg', [30, 20, 10], []);
    const lib = testLibrary(tempDir()); // closed after the test
    await lib.index([dir]);
    const store = await lib.writable();
    const [a, b] = await Promise.all(['a.jpg', 'b.jpg'].map(async (n) => (await store.getPhoto(path.join(dir, n)))!.hash));
    await store.setDescriptions([a!], 'What the user wrote');
    expect(await store.addDescriptions(new Map([[a!, 'an imported caption'], [b!, 'another imported caption']]))).toBe(1);
    expect(Object.fromEntries(await store.descriptions())).toEqual({ [a!]: 'What the user wrote', [b!]: 'another imported caption' });
  }, 120_000);
});
