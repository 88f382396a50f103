// One search page limit for every front end (shared/search-page-limit.ts): the app's and
// `shoebox serve`'s calls (checked by api-methods), the core's LibraryApi and the CLI's
// similarToFile take the same pages, and a limit past it is refused in the same words:
// never a "More like this" quietly cut to fewer photos than asked for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/shared/api-methods';
import { MAX_SEARCH_LIMIT } from '../../src/shared/search-page-limit';
import { MAX_SEARCH_LIMIT as CLI_LIMIT } from '../../src/core/index';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('a search page limit', () => {
  it('is the same for search, More like this, search by image and the CLI, and refused past it in one sentence', async () => {
    const dir = tempDir('shoebox-limit-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
    const { host, events } = await openHost();
    await jobFinished(events, await host.addFolder(dir));
    const blue = (await host.listPhotos()).photos.find((p) => path.basename(p.path) === 'blue.jpg')!;
    const count = Object.keys(COLOURS).length;

    // `shoebox search --limit 5000` works: so do the app's and serve's searches of 5000.
    expect(CLI_LIMIT).toBe(MAX_SEARCH_LIMIT);
    expect((await invoke(host, 'similar', [blue.id, { limit: 5000 }])).photos).toHaveLength(count);
    expect((await invoke(host, 'search', ['blue', { limit: 5000, all: true }])).photos).toHaveLength(count);

    // Past the limit: refused, in the same words, by the argument check and by the core.
    const refusal = `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got ${MAX_SEARCH_LIMIT + 1}`;
    const tooMany = { limit: MAX_SEARCH_LIMIT + 1 };
    expect(() => invoke(host, 'similar', [blue.id, tooMany])).toThrow(refusal);
    expect(() => invoke(host, 'search', ['blue', tooMany])).toThrow(refusal);
    await expect(host.similar(blue.id, tooMany)).rejects.toThrow(refusal);
    await expect(host.search('blue', tooMany)).rejects.toThrow(refusal);
    await expect(host.similarToFile(blue.path, tooMany)).rejects.toThrow(refusal);
    const image = { name: 'blue.jpg', base64: fs.readFileSync(blue.path).toString('base64') };
    await expect(host.searchByImage(image, tooMany)).rejects.toThrow(refusal);
  });
});
