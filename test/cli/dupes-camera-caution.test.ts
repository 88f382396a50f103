// `shoebox dupes` beside a camera JPEG and its enlargement saved as JPEG without EXIF (PIL
// bicubic 2x: the upscale check does not judge JPEGs): the enlargement is still listed first
// (more pixels), but the keeper's line says to check it, --json gives every group's `why`, and
// --trash --yes leaves the picture alone unless --include-unsure. The ordinary copies of other
// camera photos (a downscaled share copy, a re-encode with its EXIF kept, a crop, a PNG
// re-save) keep their keepers and go as before. Real photos from ../shared, copies made by PIL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { pillowAvailable, REFERENCE_PYTHON, sharedAvailable, sharedPath } from '../helpers/shared-data';
import { shoebox, type CliResult } from './run-cli';

const EXIF = ['photos', 'exif-samples', 'jpg'] as const;
const ready = sharedAvailable(...EXIF) && pillowAvailable();
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const run = (home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => shoebox(['--home', home, ...args.slice(0, 1), ...MODEL, ...args.slice(1)], env);

// Each case from its own camera photo (with Make, Model, DateTimeOriginal), so groups stay apart.
const MAKE = `
import sys
from PIL import Image
src, out = sys.argv[1], sys.argv[2]
def open_(n): return Image.open(f'{src}/{n}')
def save(im, name, **kw): im.save(f'{out}/{name}', **kw)
im = open_('gps/DSCN0010.jpg'); save(im, 'IMG_0018.JPG', exif=im.info['exif'], quality=95)
save(im.resize((im.width * 2, im.height * 2), Image.BICUBIC), 'IMG_0035.JPG', quality=90)
im = open_('exif-org/canon-ixus.jpg'); save(im, 'IXUS.JPG', exif=im.info['exif'], quality=95)
save(im.resize((im.width // 2, im.height // 2), Image.LANCZOS), 'IXUS-share.jpg', quality=80)
im = open_('exif-org/nikon-e950.jpg'); save(im, 'E950.JPG', exif=im.info['exif'], quality=95)
save(im, 'E950-q60.jpg', exif=im.info['exif'], quality=60)
im = open_('exif-org/fujifilm-finepix40i.jpg'); save(im, 'F40I.JPG', exif=im.info['exif'], quality=95)
save(im.crop((15, 11, im.width - 15, im.height - 11)), 'F40I-crop.jpg', quality=90)
im = open_('exif-org/kodak-dc240.jpg'); save(im, 'DC240.JPG', exif=im.info['exif'], quality=95)
save(im, 'DC240.png')
`;

interface JsonGroup {
  kind: string;
  keep: string;
  why?: string[];
  held?: true;
  members: { path: string; trashed?: boolean }[];
}

describe.skipIf(!ready)('shoebox dupes beside a JPEG enlargement of a camera photo', () => {
  let dir: string;
  let home: string;
  const f = (name: string) => path.join(dir, name);
  const trashedIn = (trash: string) => (fs.existsSync(path.join(trash, 'files')) ? fs.readdirSync(path.join(trash, 'files')).sort() : []);

  beforeAll(async () => {
    dir = tempDir('shoebox-caution-');
    execFileSync(REFERENCE_PYTHON, ['-c', MAKE, sharedPath(...EXIF), dir]);
    home = tempDir();
    const indexed = await run(home, ['index', dir]);
    expect(indexed.code, indexed.stderr).toBe(0);
  }, 240_000);

  it('lists the enlargement first but says to check it; the ordinary keepers are as before', async () => {
    const res = await run(home, ['dupes']);
    expect(res.code, res.stderr).toBe(0);
    const line = (name: string) => res.stdout.split('\n').find((l) => l.endsWith(name) || l.includes(`${name}  (`)) ?? '';
    expect(line('IMG_0035.JPG')).toMatch(/^ {2}keep .*IMG_0035\.JPG {2}\(more pixels, but CHECK IT: a smaller copy has the camera's EXIF/);
    for (const keeper of ['IXUS.JPG', 'E950.JPG', 'F40I.JPG', 'DC240.JPG']) expect(line(keeper)).toMatch(/^ {2}keep /);
    // Their reasons are plain (--json): the line ends with the path, as it did.
    for (const keeper of ['IXUS.JPG', 'E950.JPG', 'F40I.JPG', 'DC240.JPG']) expect(line(keeper)).toMatch(new RegExp(`/${keeper.replace('.', '\\.')}$`));
    expect(res.stdout.match(/CHECK IT/g)).toHaveLength(1);
  }, 240_000);

  it('gives each group\'s why in --json, and marks the enlargement\'s picture held', async () => {
    const res = await run(home, ['dupes', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const groups = JSON.parse(res.stdout) as JsonGroup[];
    const byKeeper = new Map(groups.filter((g) => g.kind === 'near').map((g) => [path.basename(g.keep), g]));
    expect([...byKeeper.keys()].sort()).toEqual(['DC240.JPG', 'E950.JPG', 'F40I.JPG', 'IMG_0035.JPG', 'IXUS.JPG']);
    expect(byKeeper.get('IMG_0035.JPG')).toMatchObject({ why: ['resolution-without-camera'], held: true });
    expect(byKeeper.get('IXUS.JPG')).toMatchObject({ why: ['resolution'] });
    expect(byKeeper.get('F40I.JPG')).toMatchObject({ why: ['resolution'] });
    expect(byKeeper.get('E950.JPG')).toMatchObject({ why: ['size'] });
    expect(byKeeper.get('DC240.JPG')).toMatchObject({ why: ['exif'] });
    expect(groups.filter((g) => g.held).map((g) => path.basename(g.keep))).toEqual(['IMG_0035.JPG']);
  }, 240_000);

  it('--trash --yes moves the ordinary copies and leaves the camera original and its enlargement', async () => {
    const trash = tempDir('shoebox-caution-trash-');
    const res = await run(home, ['dupes', '--trash', '--yes'], { SHOEBOX_TRASH_DIR: trash });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/: 2 photos {2}\(left out of --trash: the keeper may be an enlarged copy\)\n {2}keep .*IMG_0035/);
    expect(res.stderr).toMatch(/^shoebox: left out 1 group whose keeper may be an enlarged copy \(1 photo not moved\): its keeper has more pixels than a copy with the camera's EXIF it lacks; .*--include-unsure/m);
    expect(trashedIn(trash)).toEqual(['DC240.png', 'E950-q60.jpg', 'F40I-crop.jpg', 'IXUS-share.jpg']);
    expect(fs.existsSync(f('IMG_0018.JPG')) && fs.existsSync(f('IMG_0035.JPG'))).toBe(true);

    // --include-similar is another choice: it does not move it.
    const similar = await run(home, ['dupes', '--trash', '--yes', '--include-similar'], { SHOEBOX_TRASH_DIR: trash });
    expect(similar.code, similar.stderr).toBe(0);
    expect(fs.existsSync(f('IMG_0018.JPG'))).toBe(true);

    // The user looked and chose: --include-unsure moves the group as listed.
    const unsure = await run(home, ['dupes', '--trash', '--yes', '--include-unsure'], { SHOEBOX_TRASH_DIR: trash });
    expect(unsure.code, unsure.stderr).toBe(0);
    expect(unsure.stderr).not.toMatch(/left out/);
    expect(trashedIn(trash)).toContain('IMG_0018.JPG');
  }, 300_000);
});
