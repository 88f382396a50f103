// The helper threads' keeper (idle-worker.ts): a worker that crashes fails the requests it
// held, with the caller's one-line error, and only those: a request sent while it was dying
// goes to a fresh worker and is answered (a HEIC photo would otherwise be recorded as failed).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IdleWorker } from '../../../src/core/clip/idle-worker';
import { tempDir } from '../../helpers/images';

interface Req { id: number; crash: boolean; value: number }
interface Res { id: number; value: number; thread: number }

const dir = tempDir('shoebox-idle-worker-');
const script = path.join(dir, 'echo-worker.mjs');
fs.writeFileSync(script, `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.crash) throw new Error('boom');
  parentPort.postMessage({ id: m.id, value: m.value * 2, thread: threadId });
});
`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('IdleWorker', () => {
  it('answers each request on one worker, in any order of completion', async () => {
    const worker = new IdleWorker<Req, Res>(pathToFileURL(script), 1000, (e) => new Error(`echo failed: ${e.message}`));
    const answers = await Promise.all([1, 2, 3].map((value) => worker.request({ crash: false, value })));
    expect(answers.map((a) => a.value)).toEqual([2, 4, 6]);
    expect(new Set(answers.map((a) => a.thread)).size).toBe(1);
  });

  it('a crash fails only the requests the dying worker held; one sent meanwhile is answered by a fresh worker', async () => {
    const worker = new IdleWorker<Req, Res>(pathToFileURL(script), 1000, (e) => new Error(`echo failed: ${e.message}`));
    const first = await worker.request({ crash: false, value: 1 });
    let after: Promise<Res> | undefined;
    const failure = await worker.request({ crash: true, value: 0 }).then(
      () => null,
      (error: Error) => {
        after = worker.request({ crash: false, value: 5 }); // sent before the dead worker's 'exit'
        return error;
      },
    );
    expect(failure?.message).toBe('echo failed: boom');
    const answer = await after!;
    expect(answer.value).toBe(10);
    expect(answer.thread).not.toBe(first.thread);
  });
});
