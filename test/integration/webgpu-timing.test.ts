// The timing half of `auto`'s verdict, for real: SwiftShader behind a driver name that does
// not give it away (a symlink), so only the measurement against the CPU can refuse it. In a
// file of its own because Dawn reads the Vulkan driver list once per process.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProviderMeasurement } from '../../src/shared/api';
import { ClipModel } from '../../src/core/clip/clip-model';
import { slowerReason } from '../../src/core/clip/provider-verdict';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const SWIFTSHADER_LIB = '/usr/lib/chromium/libvk_swiftshader.so';
const haveSwiftShader = fs.existsSync(SWIFTSHADER_LIB);
if (!haveSwiftShader) console.warn(`skipping WebGPU timing test: ${SWIFTSHADER_LIB} is absent (apt-get install chromium brings SwiftShader)`);

if (haveSwiftShader) {
  const dir = tempDir();
  const disguised = path.join(dir, 'libvulkan_mystery.so');
  fs.symlinkSync(SWIFTSHADER_LIB, disguised);
  const manifest = path.join(dir, 'mystery_icd.json');
  fs.writeFileSync(manifest, JSON.stringify({ file_format_version: '1.0.0', ICD: { library_path: disguised, api_version: '1.0.5' } }));
  Object.assign(process.env, { XDG_RUNTIME_DIR: '/tmp', VK_ICD_FILENAMES: manifest });
}

describe.skipIf(!haveSwiftShader)('auto on an adapter it cannot name', () => {
  it('times WebGPU against the CPU, stays on the faster CPU with both figures, and remembers it', async () => {
    const photo = await writeColourPhoto(tempDir(), 'red.jpg', COLOURS.red!);
    const cacheDir = tempDir();
    const first = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'auto', batchSize: 8, cacheDir });
    try {
      await first.embedImageFiles([photo], (r) => expect(r.embedding).toBeDefined());
      const status = first.providerStatus();
      expect(status).toMatchObject({ inUse: 'cpu', adapter: { name: 'libvulkan_mystery.so', kind: 'unknown' } });
      expect(status.fallbackReason).toMatch(/^webgpu slower than CPU: [\d.]+\/s vs [\d.]+\/s$/);
      expect(status.measured!.rate).toBeLessThan(status.measured!.cpuRate);
    } finally {
      await first.close();
    }
    const verdicts = JSON.parse(fs.readFileSync(path.join(cacheDir, 'provider-verdicts.json'), 'utf8')) as { entries: Record<string, ProviderMeasurement> };
    const remembered = Object.values(verdicts.entries);
    expect(remembered.map((e) => e.provider)).toEqual(['webgpu']);

    // The next start takes the remembered verdict: the same reason, the same figures.
    const again = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'auto', batchSize: 8, cacheDir });
    try {
      await again.warmUp('vision');
      expect(again.providerStatus().fallbackReason).toBe(slowerReason(remembered[0]!));
    } finally {
      await again.close();
    }
  });
});
