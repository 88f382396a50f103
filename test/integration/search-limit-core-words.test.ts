// The core's search engine refuses a page size in the argument check's own sentence
// (shared/search-page-limit.ts), whatever a caller that skipped that check hands it: a script
// on the core's front door gets the words the app, `shoebox serve` and the CLI get.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/shared/api-methods';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('the core\'s search page refusal', () => {
  it('is the argument check\'s sentence for any value, not only a number too large', async () => {
    const dir = tempDir('shoebox-limit-words-');
    await writeColourPhoto(dir, 'blue.jpg', COLOURS.blue!);
    const { host, events } = await openHost();
    await jobFinished(events, await host.addFolder(dir));
    const blue = (await host.listPhotos()).photos.find((p) => path.basename(p.path) === 'blue.jpg')!;
    const unchecked = { limit: '20' as unknown as number };
    const refusal = 'limit must be a whole number from 1 to 10000, got a string';
    expect(() => invoke(host, 'search', ['blue', unchecked])).toThrow(refusal);
    await expect(host.search('blue', unchecked)).rejects.toThrow(refusal);
    await expect(host.similar(blue.id, unchecked)).rejects.toThrow(refusal);
  });
});
