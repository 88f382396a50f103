// A shared library another device is indexing for the first time (`shoebox watch` holds its
// writer lock, none of its photos committed yet), opened here over `shoebox serve`: the empty
// grid says that the photos are being indexed there and appear as it adds them, naming the
// writer as the banner does, not "No photos or videos in the library's folders".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { startWatch } from './helpers/watch-process';
import { hasChromium } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('an empty library another device indexes, in the browser', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let watch: Awaited<ReturnType<typeof startWatch>>;

  beforeAll(async () => {
    // The other device has added its folder (nothing in it indexed yet) and writes the library.
    const photos = tempDir('shoebox-e2e-elsewhere-empty-photos-');
    const library = tempDir('shoebox-e2e-elsewhere-empty-library-');
    const homeA = tempDir('shoebox-e2e-elsewhere-empty-home-a-');
    const first = await createLibraryApi({ home: homeA, library, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    await first.indexNow([photos]);
    await first.close();
    watch = await startWatch(homeA, library);
    const homeB = tempDir('shoebox-e2e-elsewhere-empty-home-b-');
    session = await openUiSession(['--home', homeB, '--library', library, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await watch?.stop();
  });

  it('says the photos are being indexed by the writer, not that there are none', async () => {
    await page.goto(serve.url);
    const banner = page.getByRole('region', { name: /^Search and view only/ });
    await eventually(() => banner.isVisible(), 30_000).toBe(true);
    const pid = watch.child.pid!;
    const empty = page.locator('main .content__empty');
    await eventually(() => empty.innerText(), 30_000).toMatch(new RegExp(`^No photos here yet: shoebox watch on \\S+ \\(pid ${pid}\\) is indexing this library, and its photos appear here as it adds them\\.$`));
    expect(await page.getByText('No photos or videos', { exact: false }).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
