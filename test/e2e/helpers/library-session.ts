// One e2e test file's library in the browser: a fresh home, a folder of photos the file
// writes, `shoebox serve` with the tiny colour model, a Chromium page, and the folder added,
// before the file's first test; all of it closed after its last. What each file's own
// beforeAll/afterAll used to repeat, a dozen lines each.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../../fixtures/models/paths';
import { tempDir } from '../../helpers/images';
import type { ServeProcess } from './serve';
import { openUiSession, type UiSession, type UiSessionOptions } from './ui-session';

export interface LibrarySession {
  readonly serve: ServeProcess;
  readonly page: Page;
  /** Console errors and uncaught exceptions so far (a CSP violation shows up here). */
  readonly errors: string[];
  /** The folder of photos, added to the library. */
  readonly photos: string;
  readonly home: string;
}

/** Opens the session in the calling describe's beforeAll (`name` names its temp folders); its fields are read in the tests. */
export function useLibrarySession(name: string, writePhotos: (photos: string) => Promise<void>, options: UiSessionOptions = {}): LibrarySession {
  let opened: { ui: UiSession; photos: string; home: string } | undefined;
  beforeAll(async () => {
    const home = tempDir(`shoebox-e2e-${name}-home-`);
    const photos = tempDir(`shoebox-e2e-${name}-photos-`);
    await writePhotos(photos);
    const ui = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)], options);
    opened = { ui, photos, home };
    await ui.serve.call('addFolder', photos);
  }, 180_000);
  afterAll(async () => {
    await opened?.ui.close();
  });
  const session = () => {
    if (!opened) throw new Error('the library session opens in beforeAll: read its fields in the tests');
    return opened;
  };
  return {
    get serve() {
      return session().ui.serve;
    },
    get page() {
      return session().ui.page;
    },
    get errors() {
      return session().ui.errors;
    },
    get photos() {
      return session().photos;
    },
    get home() {
      return session().home;
    },
  };
}
