// `shoebox serve` (or the app) running while its model is replaced on disk under the same id
// (`models remove tiny-immich --force`, `models import …/tiny-wide-immich --id tiny-immich`),
// then a photo added: the watcher cannot embed it until a restart. The page is told once (not
// "watch: …" at the batch and "watching folders: …" at the catch-up after the hand-back), and
// the stop is a state of the engine, read by status(): a page reloaded (or a second window)
// says it too, rather than "Watching for changes" just gone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import { ModelManager } from '../../src/core/models/model-manager';
import { fixtureModelDir, TINY_IMMICH, TINY_WIDE_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const ID = 'tiny-immich';
const REFUSAL = `model ${ID} was replaced on disk after this shoebox serve started: restart it to use the new build`;

const useHosts = useApiHosts();

describe('a watcher stopped by a model replaced on disk', () => {
  it('says so once, and status() keeps why for a page opened later', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const models = new ModelManager({ home });
    await models.import(fixtureModelDir(TINY_IMMICH), { id: ID });
    const earlier = openLibrary({ home, modelId: ID, provider: 'cpu', command: 'shoebox index' });
    try {
      expect((await earlier.index([photos])).embedded).toBe(1);
    } finally {
      await earlier.close();
    }
    // Given back while quiet, as serve does: the refused batch's catch-up then comes at the next wake.
    const { host, events } = await useHosts({ home, modelDir: path.join(home, 'models', ID), watch: true, command: 'shoebox serve', followMs: 200, handBackMs: 500 });
    await expect.poll(async () => (await host.status()).watching, { timeout: 30_000 }).toBe(true);
    expect((await host.status()).watchStopped).toBeUndefined();
    expect((await host.search('red')).photos.map((p) => path.basename(p.path))).toEqual(['red.jpg']);

    models.remove(ID, { force: true });
    await models.import(fixtureModelDir(TINY_WIDE_IMMICH), { id: ID });
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);

    // The state a page reads on load: not watching, and why.
    await expect.poll(async () => (await host.status()).watchStopped, { timeout: 60_000 }).toBe(REFUSAL);
    expect((await host.status()).watching).toBe(false);
    // Another change, and a job that ends (after which the watcher would start again; the job
    // says its own refusal): nothing more is said, and the state stays until the engine restarts.
    await writeColourPhoto(photos, 'green.jpg', COLOURS.green!);
    await jobFinished(events, await host.addFolder(tempDir('shoebox-photos-')));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const errors = events.flatMap((e) => (e.type === 'log' && e.level === 'error' ? [e.message] : []));
    expect(errors).toEqual([`watching folders: ${REFUSAL}`]);
    const status = await host.status();
    expect(status.watching).toBe(false);
    expect(status.watchStopped).toBe(REFUSAL);
    expect(status.photos).toBe(1);
  }, 180_000);
});
