// A folder tagged with a set none of whose labels passes its threshold: `tags list` says the
// folder was tagged and what gives photos a tag (a lower "threshold", `tags accept`), not
// "shoebox tag --help says how to tag a folder", which the user had just done.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('tags list after a tag run that tagged nothing', () => {
  it('says the folder was tagged but no label passed its threshold, and how to get tags', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const labels = path.join(tempDir(), 'strict.json');
    fs.writeFileSync(labels, JSON.stringify({ name: 'strict', labels: ['xqz1', 'xqz2', 'xqz3', 'xqz4'], threshold: 0.99, margin: 0.5 }));
    const run = (...args: string[]) => shoebox(['--home', home, ...args, ...MODEL]);
    const tag = await run('tag', '--labels', labels, photos);
    expect([tag.code, tag.stdout, tag.stderr]).toEqual([0, '', 'shoebox: 4 photos with no tag of strict above its threshold not listed\n']);
    const listed = await run('tags', 'list');
    expect([listed.code, listed.stdout]).toEqual([0, '']);
    expect(listed.stderr).toBe(
      `shoebox: none of the 4 photos has a tag above its label's threshold yet (tagged: ${photos} with strict); ` +
        'a lower "threshold" in the set gives more tags (shoebox labels export strict FILE, edit it, shoebox labels import FILE, then shoebox tag --set strict again), ' +
        'or give a photo a tag yourself (shoebox tags accept PHOTO LABEL)\n',
    );
    // Never tagged with another set: the advice to learn `tag` stands for it.
    expect((await run('labels', 'import', 'animals')).code).toBe(0);
    expect((await run('tags', 'list', '--set', 'animals')).stderr).toBe('shoebox: none of the 4 photos has a tag of animals yet (shoebox tag --help says how to tag a folder)\n');
  });
});
