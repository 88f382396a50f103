// The status says what keeps the library from a model as a kind the front ends decide by
// (LibraryStatus.modelProblemKind), beside its sentence: none on this device, a chosen one
// that cannot be used, or one asked for by name that is not there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';

const openHost = useApiHosts();

describe("the status' model problem kind", () => {
  it('is no-model on a device with none, with its sentence', async () => {
    const { host } = await openHost({ home: tempDir(), modelDir: undefined });
    expect(await host.status()).toMatchObject({ model: null, modelProblem: expect.stringMatching(/^No model yet: /), modelProblemKind: 'no-model' });
  });

  it('is unusable when settings name a model that cannot be used, not-found for one asked for by name', async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ activeModel: 'Not a model id!' }));
    const { host } = await openHost({ home, modelDir: undefined });
    expect(await host.status()).toMatchObject({ model: null, modelProblem: expect.stringContaining('which is not a model id'), modelProblemKind: 'unusable' });

    const { host: named } = await openHost({ home: tempDir(), modelDir: undefined, modelId: 'vit-b-32-openai' });
    expect(await named.status()).toMatchObject({ model: null, modelProblem: expect.stringMatching(/^model vit-b-32-openai is not installed/), modelProblemKind: 'not-found' });
  });

  it('is none with a model', async () => {
    const { host } = await openHost();
    expect(await host.status()).toMatchObject({ modelProblem: null, modelProblemKind: null });
  });
});
