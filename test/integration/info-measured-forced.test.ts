// README: "a forced provider is used even when slower, with the measured figures shown". Each
// CLIP session is timed on its own model file, so a model only searched so far (`search`,
// `embed-text`) has its text model's verdict alone; `info` (which probes without loading CLIP)
// looked up the vision model's only and showed "measured": null. It shows the text model's
// figures then, and says "not yet" when the provider in use was never timed.
// WebGPU on SwiftShader (Debian's chromium package), as test/integration/webgpu.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineInfo } from '../../src/core/engine-info';
import { readModelFolder } from '../../src/core/clip/model-folder';
import { PROVIDER_VERDICTS_FILE, VerdictCache, modelFingerprint, verdictKey } from '../../src/core/clip/provider-verdict';
import { guessWebgpuAdapter } from '../../src/core/clip/webgpu-adapter';
import { ModelManager } from '../../src/core/models/model-manager';
import { TINY_IMMICH, fixtureModelDir } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox } from '../cli/run-cli';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const haveSwiftShader = fs.existsSync(SWIFTSHADER_ICD);
if (!haveSwiftShader) console.warn(`skipping: ${SWIFTSHADER_ICD} is absent (apt-get install chromium brings SwiftShader)`);
// Dawn reads the driver list when WebGPU first starts in this process: set before any session loads.
if (haveSwiftShader) Object.assign(process.env, { XDG_RUNTIME_DIR: '/tmp', VK_ICD_FILENAMES: SWIFTSHADER_ICD });

async function homeWithModel(): Promise<{ home: string; textModel: string }> {
  const home = tempDir();
  const { dir } = await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH));
  return { home, textModel: readModelFolder(dir).textModelPath };
}

describe.skipIf(!haveSwiftShader)('info with a forced provider', () => {
  it("shows the figures measured on the model's text session when its vision session has none", async () => {
    const { home, textModel } = await homeWithModel();
    // What `shoebox --provider webgpu search` leaves (session-loader.ts: the text model's verdict).
    const measured = { provider: 'webgpu' as const, rate: 791, cpuRate: 11000 };
    new VerdictCache(path.join(home, 'cache', PROVIDER_VERDICTS_FILE)).set(verdictKey(modelFingerprint(textModel), 'webgpu', guessWebgpuAdapter().driverKey), measured);
    const info = await engineInfo(home, 'webgpu')();
    expect(info.providers).toMatchObject({ inUse: 'webgpu', measured });
    const text = await shoebox(['--home', home, '--provider', 'webgpu', 'info']);
    expect(text.stdout).toMatch(/^measured: webgpu 791\/s vs cpu 11000\/s$/m);
  });

  it('says the provider in use was not measured yet when it never was', async () => {
    const { home } = await homeWithModel();
    expect((await engineInfo(home, 'webgpu')()).providers).toMatchObject({ inUse: 'webgpu', measured: null });
    const text = await shoebox(['--home', home, '--provider', 'webgpu', 'info']);
    expect(text.stdout).toMatch(/^measured: not yet \(webgpu is timed against the CPU the first time a model loads on it\)$/m);
  });
});
