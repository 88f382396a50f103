// `shoebox status` on a device whose library cannot use a model says which trouble it is, by the
// core's kind (LibraryStatus.modelProblemKind), never "no model on this device" for a model that
// is there: one installed but half-installed or broken ('unusable'), one installed meanwhile
// that the library cannot open with yet ('not-opened'); the core's sentence follows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

// 'not-opened' comes from a long-running host (a model installed while it reads without one):
// a one-shot `status` meets it only when the core says so, which is what is faked here.
const fake = vi.hoisted(() => ({ notOpened: false }));
vi.mock('../../src/core/api/model-problem', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/api/model-problem')>();
  return {
    ...real,
    modelProblemOf: (error: Error, named: boolean) => (fake.notOpened ? real.notOpenedProblem('the store is busy') : real.modelProblemOf(error, named)),
  };
});

afterEach(() => {
  fake.notOpened = false;
});

const LISTS = 'so it can list the library but not search or index it';

describe('status when the library cannot use a model', () => {
  it('a half-installed active model: the model cannot be used, and why', async () => {
    const home = tempDir('shoebox-status-model-');
    const dir = path.join(home, 'models', 'mymodel');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(fixtureModelDir(TINY_IMMICH), 'config.json'), path.join(dir, 'config.json'));
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ activeModel: 'mymodel' }));
    const res = await shoebox(['--home', home, '--provider', 'cpu', 'status']);
    expect(res.code, res.stderr).toBe(0);
    const [first, second] = res.stdout.split('\n');
    expect(first).toBe(`0 photos, 0 failed; the active model cannot be used, ${LISTS}`);
    expect(second).toMatch(/^ {2}the active model mymodel is incomplete or broken: /);
  });

  it('a model the library cannot open with yet: says so, not "no model on this device"', async () => {
    fake.notOpened = true;
    const res = await shoebox(['--home', tempDir('shoebox-status-model-'), '--provider', 'cpu', 'status']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.split('\n').slice(0, 2)).toEqual([`0 photos, 0 failed; its model cannot open it yet, ${LISTS}`, '  The model is installed, but the library cannot be opened with it yet: the store is busy']);
  });

  it('no model at all is still "no model on this device"', async () => {
    const res = await shoebox(['--home', tempDir('shoebox-status-model-'), '--provider', 'cpu', 'status']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.split('\n')[0]).toBe(`0 photos, 0 failed; no model on this device, ${LISTS}`);
  });
});
