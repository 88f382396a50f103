// A search by description on a device without a model: the app points to its banner (which
// offers the model to bring) instead of the engine's command lines. It tells that refusal by
// the code the core's NoModelError carries over the RPC and Electron's IPC ('no-model'), never
// by the words: `no model "x": it is neither installed nor in the catalog` (a model named that
// exists nowhere) is another problem, said as it is; the core's offer rewording the line
// ("no model: this library's photos are embedded with …") changes nothing.
import { describe, expect, it } from 'vitest';
import type { LibraryApi } from '../../../src/shared/api';
import { chooseModel, type ModelSource } from '../../../src/core/library/model-choice';
import { withDetailInMessage } from '../../../src/shared/ipc-error-detail';
import { RpcClient, answerRequest, libraryApiOverRpc, libraryHandler, type RpcRequest } from '../../../src/shared/rpc';
import { unwrapIpcError } from '../../../src/renderer/client/ipc-errors';
import { NO_MODEL_SEARCH, searchErrorText } from '../../../src/renderer/lib/filters';
import { PagedPhotos } from '../../../src/renderer/lib/paged-photos';

const NOTHING_HERE: ModelSource = { active: () => null, installedDir: () => null };

/** What chooseModel refuses with, for this device and these options. */
function refusal(options: { modelId?: string } = {}): Error {
  try {
    chooseModel(NOTHING_HERE, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('a model was chosen');
}

/** The error a search refused with, as the page receives it over the RPC. */
async function overRpc(error: Error): Promise<unknown> {
  const handle = libraryHandler({ search: async () => Promise.reject(error) } as unknown as LibraryApi);
  const client: RpcClient = new RpcClient((request: RpcRequest) => {
    void answerRequest(JSON.parse(JSON.stringify(request)), handle).then((response) => client.receive(JSON.parse(JSON.stringify(response))));
  });
  return libraryApiOverRpc(client).search('beach').catch((e: unknown) => e);
}

/** The same, as Electron's ipcRenderer.invoke rejects with it (main writes the detail into the message). */
function overIpc(error: Error): unknown {
  return unwrapIpcError(new Error(`Error invoking remote method 'shoebox:search': ${String(withDetailInMessage(error))}`));
}

describe('a search without a model, in the app', () => {
  it('points to the banner on the far side of the RPC and of the IPC, whatever the offer made the line say', async () => {
    const none = refusal();
    expect(searchErrorText(await overRpc(none))).toBe(NO_MODEL_SEARCH);
    expect(searchErrorText(overIpc(none))).toBe(NO_MODEL_SEARCH);
    const offered = refusal();
    offered.message = "this library's photos are embedded with tiny-immich: bring its folder (reworded)";
    expect(searchErrorText(await overRpc(offered))).toBe(NO_MODEL_SEARCH);
  });

  it('says a model named that exists nowhere as it is: another problem than none on this device', async () => {
    const unknown = refusal({ modelId: 'nope' });
    expect(unknown.message).toMatch(/^no model "nope"/);
    expect(searchErrorText(await overRpc(unknown))).not.toBe(NO_MODEL_SEARCH);
    expect(searchErrorText(overIpc(unknown))).toContain('"nope"');
  });

  it('reaches the grid: the page keeps the error beside its message', async () => {
    const photos = new PagedPhotos(async () => Promise.reject(await overRpc(refusal())), () => {});
    photos.request(0, 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(photos.error).toMatch(/^no model/);
    expect(searchErrorText(photos.failure ?? photos.error)).toBe(NO_MODEL_SEARCH);
  });
});
