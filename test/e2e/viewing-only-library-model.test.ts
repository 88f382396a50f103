// A shared library embedded with a model the catalog lacks (a folder given with --model-dir on
// the device that indexed it), opened over `shoebox serve` on a second device with no model:
// the banner offered the catalog's recommended model, whose install would have embedded every
// photo again. It now says which model the photos need and how to bring it, as `shoebox
// status` does (`shoebox models import DIR`), and offers no download; once imported from a
// terminal, Check again opens the library with it. And Settings → Library, which under serve
// named no library, names the one the server opened: its folder, or its s3://bucket/prefix
// (never the endpoint or a key). On a folder, and on S3 where the test gateway runs.
// Screenshots: test-results/screenshots/viewing-only-library-model-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { DEFAULT_MODEL_ID } from '../../src/core/models/catalog';
import { ModelManager } from '../../src/core/models/model-manager';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { tileNames } from './helpers/tiles';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const s3 = hasChromium ? await s3Gateway() : null;

const places = [
  { where: 'a folder', library: () => tempDir('shoebox-e2e-library-model-library-'), env: {}, s3: undefined },
  ...(s3 ? [{ where: 'S3', library: () => s3LibraryUri(s3, s3Prefix('library-model')), env: awsEnv(s3), s3: { endpoint: s3.endpoint, region: s3.region, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } } }] : []),
];

describe.skipIf(!hasChromium).each(places)('a library embedded with a model the catalog lacks, on $where, opened by a device without a model', ({ where, library: place, env, s3: overrides }) => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let home: string;
  let library: string;

  beforeAll(async () => {
    library = place();
    const photos = tempDir('shoebox-e2e-library-model-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    // The first device indexes it with a model folder of its own (tiny-immich, in no catalog).
    const first = await createLibraryApi({ home: tempDir(), library, ...(overrides ? { s3: overrides } : {}), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    await first.indexNow([photos]);
    await first.close();
    home = tempDir('shoebox-e2e-library-model-home-');
    session = await openUiSession(['--home', home, '--library', library, '--provider', 'cpu', 'serve'], { env });
    ({ serve, page, errors } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    if (s3 && overrides) await removeTestPrefixes(s3);
  });

  const banner = () => page.getByRole('region', { name: /^Viewing only/ });
  const shot = (name: string) => screenshot(page, `viewing-only-library-model-${where === 'S3' ? 's3-' : ''}${name}`);

  it('the banner names the model the photos were embedded with, and how to bring it; no other model is offered first', async () => {
    await page.goto(serve.url);
    await eventually(() => banner().isVisible()).toBe(true);
    await eventually(() => tileNames(page).then((names) => names.length)).toBe(4);
    await eventually(() => banner().innerText()).toMatch(
      new RegExp(`This library's photos were embedded with ${TINY_IMMICH}, which is not in the model catalog .*: to search and index here, bring that folder from a terminal, shoebox models import DIR, then check again\\.`),
    );
    expect(await banner().getByRole('button', { name: /^Install / }).count()).toBe(0);
    expect(await banner().innerText()).not.toContain(DEFAULT_MODEL_ID);
    expect(await banner().getByRole('button', { name: 'Check again' }).isVisible()).toBe(true);
    await shot('01-banner');
  });

  it('Settings → Model says it too; Settings → Library names the library the server opened', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await eventually(() => settings.getByText('No model in use yet.').isVisible()).toBe(true);
    await eventually(() => settings.getByText(/^This library's photos were embedded with tiny-immich, which is not in the model catalog/).isVisible()).toBe(true);
    const named = settings.getByText(/^This page shows the library /);
    await eventually(() => named.isVisible()).toBe(true);
    expect(await named.innerText()).toBe(`This page shows the library ${library}, the one shoebox serve opened (--library, else SHOEBOX_LIBRARY, else the one the desktop app chose for its data folder, else the one in it).`);
    await named.scrollIntoViewIfNeeded();
    await shot('02-settings-library');
    // Where the library is, never how it is reached: no endpoint, no key, anywhere on the page.
    const text = await page.locator('body').innerText();
    if (s3 && overrides) {
      expect(text).not.toContain(s3.endpoint);
      expect(text).not.toContain(s3.secretKey);
      expect(text).not.toContain(s3.accessKey);
    }
    await page.keyboard.press('Escape');
    await eventually(() => settings.count()).toBe(0);
  });

  it('once the model folder is imported from a terminal, Check again opens the library with it: search works', async () => {
    // What `shoebox models import DIR` does, into this device's home.
    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH));
    await banner().getByRole('button', { name: 'Check again' }).click();
    await eventually(() => banner().count(), 60_000).toBe(0);
    const search = page.getByRole('searchbox');
    await eventually(() => search.isDisabled()).toBe(false);
    expect((await serve.call('models')) as { inUse: { id: string } }).toMatchObject({ inUse: { id: TINY_IMMICH } });
    await search.fill('blue');
    await eventually(() => tileNames(page, 1), 30_000).toEqual(['blue.jpg']);
    expect(errors).toEqual([]);
  });
});
