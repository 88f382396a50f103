// An imported model whose folder was half deleted by hand (a file of it removed) is neither
// "not installed" nor left out: `models list`, Settings and the offer of the library's model
// (status, the app's banner) say it is incomplete or broken, why, and the fix that works:
// remove it, then import its folder again (`models import` alone is refused: the id is taken).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelOffer, modelsInfo } from '../../../src/core/api/models-info';
import { ModelManager } from '../../../src/core/models/model-manager';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

let home: string;
let manager: ModelManager;

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-broken-model-'));
  manager = new ModelManager({ home });
  await manager.import(fixtureModelDir(TINY_IMMICH));
  fs.rmSync(path.join(manager.modelDir(TINY_IMMICH), 'textual/tokenizer.json'));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

const embedded = [{ modelId: TINY_IMMICH, photos: 17 }];

describe('a half-deleted imported model', () => {
  it('is listed, not installed, with why and the remove-then-import fix', () => {
    const listed = manager.list().find((m) => m.id === TINY_IMMICH);
    expect(listed).toMatchObject({ source: 'imported', installed: false, active: false });
    expect(listed?.problem).toMatch(/^tiny-immich is incomplete or broken: .*missing textual\/tokenizer\.json; remove it \(shoebox models remove tiny-immich\) and import its folder again/);
  });

  it('the offer of the library\'s model says it is broken here, and its command removes it first', () => {
    const offer = modelOffer(manager.list(), embedded);
    expect(offer).toMatchObject({ id: TINY_IMMICH, reason: 'library', photos: 17 });
    expect(offer.broken).toContain('tiny-immich is incomplete or broken');
    expect(offer.command).toBe('shoebox models remove tiny-immich && shoebox models import DIR --id tiny-immich');
  });

  it('Settings lists it, marked broken with the same line, and offers it the same way', () => {
    const info = modelsInfo(home, null, null, embedded, 17);
    const row = info.models.find((m) => m.id === TINY_IMMICH);
    expect(row).toMatchObject({ source: 'imported', installed: false });
    expect(row?.broken).toContain('missing textual/tokenizer.json');
    expect(info.offer?.broken).toBe(row?.broken);
  });

  it('a whole imported model has no problem and is offered as before', () => {
    fs.cpSync(path.join(fixtureModelDir(TINY_IMMICH), 'textual/tokenizer.json'), path.join(manager.modelDir(TINY_IMMICH), 'textual/tokenizer.json'));
    expect(manager.list().find((m) => m.id === TINY_IMMICH)?.problem).toBeUndefined();
    expect(modelOffer(manager.list(), embedded)).toEqual({ id: TINY_IMMICH, reason: 'library', photos: 17, bring: 'chosen', command: null });
  });
});
