// The check before every inference batch that the model folder still holds the build this
// process pinned (pinned-model-build.ts) reads and parses the manifest only when the file's
// stat changed: a synchronous read per batch blocked the event loop on a network home. A
// manifest replaced (another build imported under the id) is still caught at the next check.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PinnedModelBuild } from '../../../src/core/library/pinned-model-build';
import { MANIFEST_FILE, writeManifest, type ModelManifest } from '../../../src/core/models/manifest';
import { tempDir } from '../../helpers/images';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/models/weights-fingerprint', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/models/weights-fingerprint')>();
  return {
    ...real,
    modelWeightsFingerprint: (dir: string) => {
      reads.count++;
      return real.modelWeightsFingerprint(dir);
    },
  };
});

function manifest(sha: string): ModelManifest {
  return { format: 1, id: 'mine', source: 'import', layout: 'immich', files: [{ path: 'visual/model.onnx', size: 1, sha256: sha.repeat(64) }], installedAt: '2024-01-01T00:00:00Z' };
}

describe('PinnedModelBuild', () => {
  it('checks an unchanged manifest by its stat: read once for the pin and every check', () => {
    const dir = tempDir('shoebox-pinned-');
    writeManifest(dir, manifest('a'));
    const build = new PinnedModelBuild('mine', dir, 'shoebox serve');
    reads.count = 0;
    expect(build.weights).toMatch(/^[0-9a-f]{64}$/);
    expect(build.replaced()).toBeUndefined();
    expect(build.replaced()).toBeUndefined();
    build.assertInPlace();
    expect(reads.count).toBe(1);
  });

  it('catches a manifest replaced by another build, and one removed and brought back', () => {
    const dir = tempDir('shoebox-pinned-');
    writeManifest(dir, manifest('a'));
    const build = new PinnedModelBuild('mine', dir, 'shoebox serve');
    expect(build.replaced()).toBeUndefined();
    writeManifest(dir, manifest('b'));
    expect(build.replaced()?.message).toBe('model mine was replaced on disk after this shoebox serve started: restart it to use the new build');
    fs.rmSync(path.join(dir, MANIFEST_FILE));
    expect(build.replaced()).toBeUndefined(); // no manifest: nothing says another build is there
    writeManifest(dir, manifest('a'));
    expect(build.replaced()).toBeUndefined();
  });
});
