// Which model is active, by the one rule (src/core/models/active-model.ts) that the engine,
// `models list` and install's first activation share: a home whose settings name a folder
// holding only config.json (a half-copied or half-deleted model) has no active model anywhere,
// the engine says why in one line naming the model and the fix, and the next model installed
// or imported becomes active.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeModel, activeModelState } from '../../../src/core/models/active-model';
import { ModelManager } from '../../../src/core/models/model-manager';
import { writeManifest } from '../../../src/core/models/manifest';
import { installedModels } from '../../../src/core/engine';
import { chooseModel, NoModelError } from '../../../src/core/library/model-choice';
import { readSettings, updateSettings } from '../../../src/core/settings';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-active-'));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

/** <home>/models/<id> holding only config.json, and settings naming it active. */
function halfModel(id: string): string {
  const dir = path.join(home, 'models', id);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(fixtureModelDir(TINY_IMMICH), 'config.json'), path.join(dir, 'config.json'));
  updateSettings(home, { activeModel: id });
  return dir;
}

/** What search and status are told: the engine's model choice with no --model/--model-dir. */
function engineChoice(): Error | { id: string } {
  try {
    return chooseModel(installedModels(home), {});
  } catch (err) {
    return err as Error;
  }
}

describe('a settings.json naming a folder that holds only config.json', () => {
  it('is active for nobody: the engine, models list and the manager agree', () => {
    halfModel('mymodel');
    const m = new ModelManager({ home });
    expect(activeModel(home)).toBeNull();
    expect(m.active()).toBeNull();
    expect(m.list().filter((s) => s.active)).toEqual([]);
    // Listed as broken (not installed), with why, so that it can be seen and removed.
    expect(m.list().find((s) => s.id === 'mymodel')).toMatchObject({ installed: false, active: false, problem: expect.stringContaining('mymodel is incomplete or broken') });
    expect(installedModels(home).active()).toBeNull();
    expect(installedModels(home).installedDir('mymodel')).toBeNull();
  });

  it('the engine refuses it in one line naming the model and how to fix it, not "not a CLIP model folder" alone', () => {
    halfModel('mymodel');
    const error = engineChoice();
    expect(error).toBeInstanceOf(NoModelError);
    const message = (error as Error).message;
    expect(message).toMatch(/^the active model mymodel is incomplete or broken: .*not a CLIP model folder/);
    expect(message).toContain('shoebox models remove mymodel');
    expect(message).toContain('shoebox models import DIR --id mymodel');
    expect(message).not.toContain('\n');
    // The library's offer of another model does not replace it: this line is the one to act on.
    (error as NoModelError).offer({ reason: 'library', id: 'other', bring: 'install', command: 'shoebox models install other' } as never);
    expect((error as Error).message).toBe(message);
  });

  it('a catalog model downloaded and left half there is reinstalled by "shoebox models install ID"', () => {
    const dir = halfModel('vit-b-32-openai');
    writeManifest(dir, { format: 1, id: 'vit-b-32-openai', source: 'hub', layout: 'immich', files: [], installedAt: '2026-01-01T00:00:00.000Z' });
    const state = activeModelState(home);
    expect(state).toMatchObject({ kind: 'unusable', id: 'vit-b-32-openai' });
    expect(state.kind === 'unusable' && state.problem).toMatch(/; reinstall it: shoebox models install vit-b-32-openai$/);
  });

  it('a broken folder under a catalog id with no hub manifest is to be removed first: install refuses it as it is', () => {
    halfModel('vit-b-32-openai');
    const state = activeModelState(home);
    expect(state.kind === 'unusable' && state.problem).toMatch(/; remove it \(shoebox models remove vit-b-32-openai\) and install it again \(shoebox models install vit-b-32-openai\)$/);
  });

  it('gives way to the next model imported, which becomes active', async () => {
    halfModel('mymodel');
    const m = new ModelManager({ home });
    const result = await m.import(fixtureModelDir(TINY_IMMICH), { id: 'good' });
    expect(result.activated).toBe(true);
    expect(readSettings(home).activeModel).toBe('good');
    expect(activeModel(home)?.id).toBe('good');
    expect(m.list().find((s) => s.id === 'good')).toMatchObject({ installed: true, active: true });
    expect(engineChoice()).toMatchObject({ id: 'good' });
  });
});

describe('the rule', () => {
  it('a whole model named in settings is active, for the engine and models list alike', async () => {
    const m = new ModelManager({ home });
    await m.import(fixtureModelDir(TINY_IMMICH), { id: 'good' });
    const dir = path.join(home, 'models', 'good');
    expect(activeModel(home)).toEqual({ id: 'good', dir });
    expect(engineChoice()).toEqual({ id: 'good', dir });
    expect(m.list().find((s) => s.id === 'good')?.active).toBe(true);
  });

  it('a model whose graph was deleted by hand is not active, though its manifest remains', async () => {
    const m = new ModelManager({ home });
    await m.import(fixtureModelDir(TINY_IMMICH), { id: 'good' });
    fs.rmSync(path.join(home, 'models', 'good', 'textual', 'model.onnx'));
    expect(activeModel(home)).toBeNull();
    expect(m.list().find((s) => s.id === 'good')).toMatchObject({ installed: false, active: false, problem: expect.stringContaining('missing textual/model.onnx') });
    expect((engineChoice() as Error).message).toMatch(/^the active model good is incomplete or broken: .*textual\/model\.onnx/);
  });

  it('a download not finished yet is not active, and says the same command resumes it', () => {
    fs.mkdirSync(path.join(home, 'models', '.partial', 'vit-b-32-openai'), { recursive: true });
    updateSettings(home, { activeModel: 'vit-b-32-openai' });
    expect(activeModel(home)).toBeNull();
    expect((engineChoice() as Error).message).toBe('the active model vit-b-32-openai is not installed yet: its download has not finished; shoebox models install vit-b-32-openai resumes it');
  });

  it('an id that cannot be a folder name is refused, never joined to a path', () => {
    updateSettings(home, { activeModel: '../outside' });
    expect(activeModel(home)).toBeNull();
    expect((engineChoice() as Error).message).toMatch(/^settings\.json names "\.\.\/outside" as the active model, which is not a model id; choose one: shoebox models use ID$/);
  });

  it('no setting, or a folder removed by hand, is no model: the general advice stands', () => {
    expect(activeModelState(home)).toEqual({ kind: 'none' });
    updateSettings(home, { activeModel: 'gone' });
    expect(activeModelState(home)).toEqual({ kind: 'none' });
    expect((engineChoice() as Error).message).toMatch(/^no model: install one/);
  });
});
