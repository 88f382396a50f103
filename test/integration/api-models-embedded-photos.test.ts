// What Settings → Model is told about each model beyond its files: how many of the library's
// photos an installed model has embedded (so that Use says whether a switch embeds anything),
// and that a catalog model's download stopped part-way (its bytes kept for the next install to
// resume), which the card said only until serve restarted, from the stopped job's progress.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { ModelManager } from '../../src/core/models/model-manager';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('models(), per model', () => {
  it('says how many of the library\'s photos each installed model has embedded', async () => {
    const home = tempDir();
    const manager = new ModelManager({ home });
    await manager.import(fixtureModelDir(TINY_IMMICH), { id: 'first' });
    await manager.import(fixtureModelDir(TINY_TRANSFORMERS), { id: 'second' });
    manager.use('first');
    const photos = tempDir('shoebox-embedded-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const { host, events } = await openHost({ home, modelDir: undefined });
    await jobFinished(events, await host.addFolder(photos));

    const before = await host.models();
    const count = Object.keys(COLOURS).length;
    expect(before.libraryPhotos).toBe(count);
    expect(before.models.find((m) => m.id === 'first')).toMatchObject({ active: true, embeddedPhotos: count });
    expect(before.models.find((m) => m.id === 'second')).toMatchObject({ installed: true, embeddedPhotos: 0 });

    // Once the second has embedded them too, a switch back to the first embeds nothing.
    const switched = await host.useModel('second');
    await jobFinished(events, switched.jobs.find((j) => j.kind === 'index' && (j.state === 'queued' || j.state === 'running'))!);
    const after = await host.models();
    expect(after.models.filter((m) => m.installed).map((m) => [m.id, m.embeddedPhotos])).toEqual([
      ['first', count],
      ['second', count],
    ]);
  });

  it('says a catalog model\'s download is partial from the kept bytes, with no job of this host', async () => {
    const home = tempDir();
    // What a download that stopped leaves (model-manager.ts: models/.partial/<id>), read by a
    // host started afterwards, as serve is after a restart.
    fs.mkdirSync(path.join(home, 'models', '.partial', 'vit-b-32-openai'), { recursive: true });
    fs.writeFileSync(path.join(home, 'models', '.partial', 'vit-b-32-openai', 'visual.onnx'), Buffer.alloc(1024));
    const { host } = await openHost({ home, modelDir: undefined, readWithoutModel: true });
    const models = (await host.models()).models;
    expect(models.find((m) => m.id === 'vit-b-32-openai')).toMatchObject({ installed: false, partial: true });
    expect(models.find((m) => m.id === 'vit-b-32-laion2b')).toMatchObject({ installed: false, partial: false });
  });
});
