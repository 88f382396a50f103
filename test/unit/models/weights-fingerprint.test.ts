// The fingerprint the library records with a model's vectors (models/weights-fingerprint.ts):
// read from the hashes the manifest took at download or import, never by hashing the weights
// again; the same files give the same fingerprint however listed, other files another one,
// and a folder without a usable manifest none (its vectors are then used unchecked).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeManifest, type ManifestFile } from '../../../src/core/models/manifest';
import { modelWeightsFingerprint } from '../../../src/core/models/weights-fingerprint';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: ManifestFile[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-weights-'));
  dirs.push(dir);
  writeManifest(dir, { format: 1, id: 'mine', source: 'import', layout: 'immich', files, installedAt: new Date().toISOString() });
  return dir;
}

const VISUAL = { path: 'visual/model.onnx', size: 10, sha256: '1'.repeat(64) };
const TEXTUAL = { path: 'textual/model.onnx', size: 10, sha256: '2'.repeat(64) };

describe('modelWeightsFingerprint', () => {
  it('is the same for the same files in any order, and differs when one file does', () => {
    const fingerprint = modelWeightsFingerprint(folderWith([VISUAL, TEXTUAL]));
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(modelWeightsFingerprint(folderWith([TEXTUAL, VISUAL]))).toBe(fingerprint);
    expect(modelWeightsFingerprint(folderWith([VISUAL, { ...TEXTUAL, sha256: '3'.repeat(64) }]))).not.toBe(fingerprint);
  });

  it('is undefined without a manifest or a hash for every file', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-weights-'));
    dirs.push(bare);
    expect(modelWeightsFingerprint(bare)).toBeUndefined();
    expect(modelWeightsFingerprint('')).toBeUndefined();
    expect(modelWeightsFingerprint(folderWith([VISUAL, { ...TEXTUAL, sha256: '' }]))).toBeUndefined();
  });
});
