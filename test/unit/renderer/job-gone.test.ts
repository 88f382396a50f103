// Stop on an import the engine no longer knows (it finished long ago, or the engine started
// again since): the app drops the job's card. It tells that refusal by the error's name, kept
// over the RPC (`shoebox serve`, the engine process's port) and Electron's IPC, never by the
// words: a reworded refusal is still the job gone, and another refusal that happens to start
// "no job " is not.
import { describe, expect, it } from 'vitest';
import type { LibraryApi } from '../../../src/shared/api';
import { JobQueue } from '../../../src/core/api/job-queue';
import { UnknownJobError, jobStopApi } from '../../../src/core/api/job-stop';
import { RpcClient, answerRequest, libraryApiOverRpc, libraryHandler, type RpcRequest } from '../../../src/shared/rpc';
import { unwrapIpcError } from '../../../src/renderer/client/ipc-errors';
import { isJobGone } from '../../../src/renderer/lib/job-gone';

/** A client and a server joined back to back, JSON on the way, as over a WebSocket. */
function overRpc(api: Partial<LibraryApi>): LibraryApi {
  const handle = libraryHandler(api as LibraryApi);
  const client: RpcClient = new RpcClient((request: RpcRequest) => {
    void answerRequest(JSON.parse(JSON.stringify(request)), handle).then((response) => client.receive(JSON.parse(JSON.stringify(response))));
  });
  return libraryApiOverRpc(client);
}

/** As Electron's ipcRenderer.invoke rejects: the main side's error as one line of text. */
function overIpc(error: Error): unknown {
  return unwrapIpcError(new Error(`Error invoking remote method 'shoebox:stopJob': ${String(error)}`));
}

describe('a stop for a job the engine does not know', () => {
  const core = jobStopApi(new JobQueue({ onChange: () => {}, pause: async () => {}, resume: () => {} }));

  it('is the job gone on the far side of the RPC and of the IPC', async () => {
    const error = await overRpc(core).stopJob('job-x-1').catch((e: unknown) => e);
    expect(isJobGone(error)).toBe(true);
    const thrown = await core.stopJob('job-x-1').catch((e: Error) => e);
    expect(isJobGone(overIpc(thrown as Error))).toBe(true);
  });

  it('is told by its name: reworded, still the job gone; another refusal in those words, not', async () => {
    const reworded = new UnknownJobError('that import is over (the engine restarted)');
    expect(isJobGone(await overRpc({ stopJob: async () => Promise.reject(reworded) }).stopJob('a').catch((e: unknown) => e))).toBe(true);
    expect(isJobGone(overIpc(reworded))).toBe(true);
    const other = new Error('no job can be stopped while the library is closing');
    expect(isJobGone(await overRpc({ stopJob: async () => Promise.reject(other) }).stopJob('a').catch((e: unknown) => e))).toBe(false);
    expect(isJobGone(overIpc(other))).toBe(false);
  });
});
