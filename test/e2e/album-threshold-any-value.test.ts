// The album editor saves any threshold the CLI takes or the editor itself fills in, in the
// browser over `shoebox serve` with the tiny colour model. Chromium's step check used to refuse
// what is not a multiple of the arrows' 0.005 ("Please enter a valid value. The two nearest
// valid values are 0.81 and 0.815."), and Save did nothing: an automatic album made fixed at
// 0.813, an album made with `--threshold 0.812` renamed. The arrows still step by 0.005; a
// threshold out of range is refused in the editor's own line.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

interface Album {
  name: string;
  threshold: number;
  thresholdAutomatic: boolean;
}

describe.skipIf(!hasChromium)('album thresholds that are not multiples of the step', () => {
  const lib = useLibrarySession('album-threshold', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const hash = () => page().evaluate(() => location.hash);
  const album = async (name: string) => ((await lib.serve.call('listAlbums')) as Album[]).find((a) => a.name === name);
  const openEditor = async (name: string) => {
    await page().goto(`${lib.serve.url}#/album/${encodeURIComponent(name)}/edit`);
    const editor = page().getByRole('form', { name: `Edit album ${name}` });
    await eventually(() => editor.isVisible(), 30_000).toBe(true);
    return editor;
  };

  it('an automatic album made fixed at 0.813 saves', async () => {
    await lib.serve.call('saveAlbum', { name: 'Blues', query: 'blue' });
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length);
    const editor = await openEditor('Blues');
    await editor.getByLabel('Automatic').uncheck();
    const threshold = editor.getByLabel('Threshold', { exact: true });
    // Filled in with the automatic cut-off in effect, to three decimals: whatever it is, it saves.
    expect(await threshold.inputValue()).toMatch(/^-?\d(\.\d{1,3})?$/);
    await threshold.fill('0.813');
    await editor.getByRole('button', { name: 'Save' }).click();
    await eventually(hash).toBe('#/album/Blues');
    expect(await album('Blues')).toMatchObject({ threshold: 0.813, thresholdAutomatic: false });
  });

  it('the arrows still step by 0.005, from 0.813 to the next step', async () => {
    const editor = await openEditor('Blues');
    const threshold = editor.getByLabel('Threshold', { exact: true });
    expect(await threshold.inputValue()).toBe('0.813');
    await threshold.press('ArrowUp');
    expect(await threshold.inputValue()).toBe('0.815');
    await threshold.press('ArrowUp');
    expect(await threshold.inputValue()).toBe('0.82');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await eventually(hash).toBe('#/album/Blues');
  });

  it('a threshold out of range is refused in the editor’s own words', async () => {
    const editor = await openEditor('Blues');
    await editor.getByLabel('Threshold', { exact: true }).fill('1.5');
    await editor.getByRole('button', { name: 'Save' }).click();
    await eventually(() => editor.getByRole('alert').innerText()).toBe('The threshold is a cosine from -1 to 1.');
    expect(await hash()).toBe('#/album/Blues/edit');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    expect(await album('Blues')).toMatchObject({ threshold: 0.813, thresholdAutomatic: false });
  });

  it('an album made with a threshold of 0.812 (as `albums create --threshold 0.812`) is renamed', async () => {
    await lib.serve.call('saveAlbum', { name: 'Fixed', query: 'blue', threshold: 0.812 });
    const editor = await openEditor('Fixed');
    expect(await editor.getByLabel('Threshold', { exact: true }).inputValue()).toBe('0.812');
    await editor.getByLabel('Name').fill('Fixed blue');
    await editor.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('heading', { name: 'Fixed blue', level: 1 }).isVisible()).toBe(true);
    expect(await album('Fixed')).toBeUndefined();
    expect(await album('Fixed blue')).toMatchObject({ threshold: 0.812, thresholdAutomatic: false });
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
