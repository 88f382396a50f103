// The app and `shoebox serve` (preloadSearch) prepare search while idle at startup: the text
// model and the calibration's caption vectors (calibration.ts: the first search's slow part,
// ~10 s for ViT-B/32 on two idle cores, over a minute beside an index run). A new library
// has no photo yet at startup, and the first search is often typed during its first index:
// the captions are embedded before any photo, so that search waits only for statistics.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { calibrationKey } from '../../src/core/search/search-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

describe('search prepared at startup', () => {
  it("embeds the calibration's captions of a new, empty library before any search", async () => {
    const home = tempDir();
    const api = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, preloadSearch: true });
    try {
      const file = path.join(home, calibrationKey(TINY_IMMICH));
      const captions = () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { captions: Record<string, string> }).captions : {});
      await expect.poll(captions, { timeout: 60_000, interval: 100 }).toHaveProperty('templated');
      expect((await api.status()).photos).toBe(0);
    } finally {
      await api.close();
    }
  }, 90_000);
});
