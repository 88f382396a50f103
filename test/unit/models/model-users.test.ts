// `models remove` must not delete a model from under a live process that has it loaded
// (`shoebox serve`, `watch`, the app): refused, naming the process, unless forced. The claim
// is a marker per process (model-users.ts); one whose process died never blocks.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelManager } from '../../../src/core/models/model-manager';
import { ModelError } from '../../../src/core/models/model-error';
import { markModelInUse, modelUsers } from '../../../src/core/models/model-users';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';
import { tempDir } from '../../helpers/images';

const ID = 'tiny';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

async function installed(): Promise<{ home: string; manager: ModelManager }> {
  const home = tempDir();
  const manager = new ModelManager({ home });
  await manager.import(fixtureModelDir(TINY_IMMICH), { id: ID });
  return { home, manager };
}

/** Another live process, with a marker as it would write one for the model it loaded. */
function otherProcessUsing(home: string, command: string): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  const dir = path.join(home, 'models', '.in-use', ID);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${child.pid}.json`), JSON.stringify({ pid: child.pid, command, since: Date.now() }));
  return child.pid!;
}

function refusal(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (error) {
    return error as ModelError;
  }
  throw new Error('expected a refusal');
}

describe('removing a model a live process has loaded', () => {
  it('is refused, naming the process, and the model stays', async () => {
    const { home, manager } = await installed();
    const pid = otherProcessUsing(home, 'shoebox serve');
    const error = refusal(() => manager.remove(ID));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.code).toBe('in-use');
    expect(error.message).toBe(`model "${ID}" is in use by process ${pid} (shoebox serve); stop it first, or remove it anyway with --force`);
    expect(fs.existsSync(manager.modelDir(ID))).toBe(true);
  });

  it('goes ahead with force', async () => {
    const { home, manager } = await installed();
    otherProcessUsing(home, 'shoebox watch');
    expect(manager.remove(ID, { force: true })).toMatchObject({ removed: true });
    expect(fs.existsSync(manager.modelDir(ID))).toBe(false);
  });

  it('is not blocked by the marker of a process that died (crash, kill -9), which is cleared', async () => {
    const { home, manager } = await installed();
    const pid = otherProcessUsing(home, 'shoebox serve');
    const child = children.pop()!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(modelUsers(home, ID)).toEqual([]);
    expect(fs.existsSync(path.join(home, 'models', '.in-use', ID, `${pid}.json`))).toBe(false);
    expect(manager.remove(ID)).toMatchObject({ removed: true });
  });

  it("counts this process's own marker until it is released, and never lists the marker folder as a model", async () => {
    const { home, manager } = await installed();
    const use = markModelInUse(home, ID, 'shoebox serve');
    expect(modelUsers(home, ID)).toEqual([expect.objectContaining({ pid: process.pid, command: 'shoebox serve' })]);
    expect(manager.list().map((m) => m.id)).not.toContain('.in-use');
    expect(refusal(() => manager.remove(ID)).code).toBe('in-use');
    use.release();
    use.release();
    expect(modelUsers(home, ID)).toEqual([]);
    expect(manager.remove(ID)).toMatchObject({ removed: true });
  });
});
