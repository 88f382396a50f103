// The measured choice of provider (provider-verdict.ts) with fake sessions: `auto` never
// settles on a software adapter or a GPU slower than the CPU, remembers its verdict so the
// next start does not measure again, and a forced provider is used even when slower.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExecutionProviderName } from '../../../src/shared/api';
import { VerdictCache, chooseSession, oneLine, type ChooseDeps } from '../../../src/core/clip/provider-verdict';
import type { AdapterGuess } from '../../../src/core/clip/webgpu-adapter';
import { providerSetupHint } from '../../../src/core/clip/providers';
import { tempDir } from '../../helpers/images';

interface Fake {
  provider: ExecutionProviderName;
  released: boolean;
}

function fakeDeps(options: {
  rates: Partial<Record<ExecutionProviderName, number>>;
  adapter?: AdapterGuess | null;
  failLoad?: ExecutionProviderName[];
  /** The load error's message (default "no <provider> here\nsecond line"). */
  loadError?: string;
  failRun?: ExecutionProviderName[];
  cache?: VerdictCache | null;
}) {
  const log: string[] = [];
  const sessions: Fake[] = [];
  const deps: ChooseDeps<Fake> = {
    async load(provider) {
      log.push(`load ${provider}`);
      if (options.failLoad?.includes(provider)) throw new Error(options.loadError ?? `no ${provider} here\nsecond line`);
      const s = { provider, released: false };
      sessions.push(s);
      return s;
    },
    async measure(s) {
      log.push(`measure ${s.provider}`);
      if (options.failRun?.includes(s.provider)) throw new Error('device lost');
      return options.rates[s.provider] ?? 1;
    },
    async release(s) {
      s.released = true;
    },
    adapterOf: (provider) => (provider === 'webgpu' ? (options.adapter ?? null) : null),
    cache: options.cache ?? null,
    modelKey: 'model-a',
  };
  return { deps, log, sessions };
}

const gpu: AdapterGuess = { adapter: { name: 'NVIDIA (Vulkan)', kind: 'gpu' }, driverKey: 'nvidia@1', missing: null };
const swiftshader: AdapterGuess = { adapter: { name: 'SwiftShader', kind: 'software' }, driverKey: 'swiftshader@1', missing: null };

describe('chooseSession in auto mode', () => {
  it('never settles on a software adapter, and says why without trying it', async () => {
    const { deps, log } = fakeDeps({ rates: { webgpu: 1000, cpu: 10 }, adapter: swiftshader });
    const choice = await chooseSession(['webgpu', 'cpu'], 'auto', deps);
    expect(choice.provider).toBe('cpu');
    expect(choice.fallbackReason).toBe('webgpu adapter is a software renderer (SwiftShader)');
    expect(choice.adapter).toEqual(swiftshader.adapter);
    expect(log).toEqual(['load cpu']);
  });

  it('does not try WebGPU where no Vulkan driver is installed', async () => {
    const { deps, log } = fakeDeps({ rates: {}, adapter: { adapter: null, driverKey: 'none', missing: 'no Vulkan driver is installed' } });
    const choice = await chooseSession(['webgpu', 'cpu'], 'auto', deps);
    expect(choice).toMatchObject({ provider: 'cpu', fallbackReason: 'webgpu not tried: no Vulkan driver is installed' });
    expect(log).toEqual(['load cpu']);
  });

  it('stays on the CPU when the GPU is slower, with both figures', async () => {
    const { deps, sessions } = fakeDeps({ rates: { webgpu: 12.5, cpu: 19.25 }, adapter: gpu });
    const choice = await chooseSession(['webgpu', 'cpu'], 'auto', deps);
    expect(choice.provider).toBe('cpu');
    expect(choice.fallbackReason).toBe('webgpu slower than CPU: 12.5/s vs 19.3/s');
    expect(choice.measured).toEqual({ provider: 'webgpu', rate: 12.5, cpuRate: 19.25 });
    expect(sessions.find((s) => s.provider === 'webgpu')!.released).toBe(true);
  });

  it('keeps a GPU that beats the CPU, and releases the CPU session used to time it', async () => {
    const { deps, sessions } = fakeDeps({ rates: { webgpu: 250, cpu: 19 }, adapter: gpu });
    const choice = await chooseSession(['webgpu', 'cpu'], 'auto', deps);
    expect(choice).toMatchObject({ provider: 'webgpu', fallbackReason: null, adapter: gpu.adapter, measured: { rate: 250, cpuRate: 19 } });
    expect(sessions.find((s) => s.provider === 'cpu')!.released).toBe(true);
    expect(choice.session.released).toBe(false);
  });

  it('takes the first GPU provider that wins, in the platform order', async () => {
    const { deps } = fakeDeps({ rates: { dml: 15, webgpu: 40, cpu: 20 }, adapter: gpu });
    const choice = await chooseSession(['dml', 'webgpu', 'cpu'], 'auto', deps);
    expect(choice.provider).toBe('webgpu');
    expect(choice.fallbackReason).toBe('dml slower than CPU: 15.0/s vs 20.0/s');
  });

  it('remembers the verdict: the next start neither loads nor times the slower GPU', async () => {
    const cache = new VerdictCache(path.join(tempDir(), 'cache', 'provider-verdicts.json'));
    await chooseSession(['webgpu', 'cpu'], 'auto', fakeDeps({ rates: { webgpu: 5, cpu: 20 }, adapter: gpu, cache }).deps);
    const again = fakeDeps({ rates: { webgpu: 5, cpu: 20 }, adapter: gpu, cache });
    const choice = await chooseSession(['webgpu', 'cpu'], 'auto', again.deps);
    expect(choice).toMatchObject({ provider: 'cpu', fallbackReason: 'webgpu slower than CPU: 5.0/s vs 20.0/s' });
    expect(again.log).toEqual(['load cpu']);
  });

  it('measures again for another driver (the verdict is per model and machine)', async () => {
    const cache = new VerdictCache(path.join(tempDir(), 'provider-verdicts.json'));
    await chooseSession(['webgpu', 'cpu'], 'auto', fakeDeps({ rates: { webgpu: 5, cpu: 20 }, adapter: gpu, cache }).deps);
    const newDriver = fakeDeps({ rates: { webgpu: 50, cpu: 20 }, adapter: { ...gpu, driverKey: 'nvidia@2' }, cache });
    expect((await chooseSession(['webgpu', 'cpu'], 'auto', newDriver.deps)).provider).toBe('webgpu');
    expect(newDriver.log).toContain('measure webgpu');
  });

  it('falls back to the CPU with the reason when a provider fails to load or at its first run', async () => {
    const load = await chooseSession(['cuda', 'cpu'], 'auto', fakeDeps({ rates: {}, failLoad: ['cuda'] }).deps);
    // With what to do about it, where there is something (providers.ts providerSetupHint).
    expect(load).toMatchObject({ provider: 'cpu', fallbackReason: `cuda failed to load: no cuda here second line (${providerSetupHint('cuda')})` });
    const { deps, sessions } = fakeDeps({ rates: {}, adapter: gpu, failRun: ['webgpu'] });
    const run = await chooseSession(['webgpu', 'cpu'], 'auto', deps);
    expect(run).toMatchObject({ provider: 'cpu', fallbackReason: 'webgpu failed at first run: device lost' });
    expect(sessions.find((s) => s.provider === 'webgpu')!.released).toBe(true);
  });
});

describe('a provider that failed to load on this hardware', () => {
  const linuxGpu: AdapterGuess = { ...gpu, hardwareKey: 'intel@1|/dev/dri/card0' };
  const NO_ADAPTER_ERROR = 'Failed to get a WebGPU adapter: No supported adapters';
  const cacheFile = () => path.join(tempDir(), 'cache', 'provider-verdicts.json');

  it('is not tried again by auto while the drivers and devices are the same, and the reason says when it failed', async () => {
    const cache = new VerdictCache(cacheFile());
    const first = fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache });
    await chooseSession(['webgpu', 'cpu'], 'auto', first.deps);
    expect(first.log).toEqual(['load webgpu', 'load cpu']);
    const again = fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache });
    const choice = await chooseSession(['webgpu', 'cpu'], 'auto', again.deps);
    expect(again.log).toEqual(['load cpu']);
    expect(choice.provider).toBe('cpu');
    expect(choice.fallbackReason).toMatch(/^webgpu not tried: it failed to load on \d{4}-\d\d-\d\d with the same drivers and devices \(Failed to get a WebGPU adapter: No supported adapters\)$/);
  });

  it('is tried again once a driver or a device changes, and a forced load that works clears the memory', async () => {
    const cache = new VerdictCache(cacheFile());
    await chooseSession(['webgpu', 'cpu'], 'auto', fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache }).deps);
    const plugged = fakeDeps({ rates: { webgpu: 50, cpu: 20 }, adapter: { ...linuxGpu, hardwareKey: 'intel@1|/dev/dri/card0,/dev/dri/card1' }, cache });
    expect((await chooseSession(['webgpu', 'cpu'], 'auto', plugged.deps)).provider).toBe('webgpu');
    const forced = fakeDeps({ rates: { webgpu: 50, cpu: 20 }, adapter: linuxGpu, cache });
    expect((await chooseSession(['webgpu', 'cpu'], 'forced', forced.deps)).provider).toBe('webgpu');
    const auto = fakeDeps({ rates: { webgpu: 50, cpu: 20 }, adapter: linuxGpu, cache });
    expect((await chooseSession(['webgpu', 'cpu'], 'auto', auto.deps)).provider).toBe('webgpu');
    expect(auto.log).toContain('load webgpu');
  });

  it('is tried at every start where the hardware cannot be told (no hardware key)', async () => {
    const cache = new VerdictCache(cacheFile());
    await chooseSession(['webgpu', 'cpu'], 'auto', fakeDeps({ rates: {}, adapter: gpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache }).deps);
    const again = fakeDeps({ rates: {}, adapter: gpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache });
    await chooseSession(['webgpu', 'cpu'], 'auto', again.deps);
    expect(again.log).toEqual(['load webgpu', 'load cpu']);
  });

  it('is not remembered when it failed for another reason than a missing adapter (it may pass)', async () => {
    const cache = new VerdictCache(cacheFile());
    await chooseSession(['webgpu', 'cpu'], 'auto', fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], loadError: 'device lost during init', cache }).deps);
    const again = fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], cache });
    await chooseSession(['webgpu', 'cpu'], 'auto', again.deps);
    expect(again.log).toEqual(['load webgpu', 'load cpu']);
  });

  it('is forgotten after a month', async () => {
    let now = Date.UTC(2026, 11, 1);
    const cache = new VerdictCache(cacheFile(), () => now);
    await chooseSession(['webgpu', 'cpu'], 'auto', fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache }).deps);
    now += 31 * 24 * 3600 * 1000;
    const later = fakeDeps({ rates: {}, adapter: linuxGpu, failLoad: ['webgpu'], loadError: NO_ADAPTER_ERROR, cache });
    await chooseSession(['webgpu', 'cpu'], 'auto', later.deps);
    expect(later.log).toEqual(['load webgpu', 'load cpu']);
  });
});

describe('chooseSession with a forced provider', () => {
  it('uses the asked-for provider even when slower (software included), with the figures', async () => {
    const { deps } = fakeDeps({ rates: { webgpu: 3, cpu: 30 }, adapter: swiftshader });
    const choice = await chooseSession(['webgpu', 'cpu'], 'forced', deps);
    expect(choice).toMatchObject({ provider: 'webgpu', fallbackReason: null, measured: { provider: 'webgpu', rate: 3, cpuRate: 30 } });
  });

  it('still falls back to the CPU when it cannot load', async () => {
    const choice = await chooseSession(['webgpu', 'cpu'], 'forced', fakeDeps({ rates: {}, adapter: gpu, failLoad: ['webgpu'] }).deps);
    expect(choice).toMatchObject({ provider: 'cpu', fallbackReason: 'webgpu failed to load: no webgpu here second line' });
  });
});

describe('VerdictCache', () => {
  it('treats a corrupt file as empty and replaces it on the next verdict', () => {
    const file = path.join(tempDir(), 'provider-verdicts.json');
    fs.writeFileSync(file, '{ not json');
    const cache = new VerdictCache(file);
    expect(cache.get('k')).toBeNull();
    cache.set('k', { provider: 'webgpu', rate: 1, cpuRate: 2 });
    expect(new VerdictCache(file).get('k')).toEqual({ provider: 'webgpu', rate: 1, cpuRate: 2 });
  });

  it('forgets a verdict after a month, so a new driver or load is measured again', () => {
    const file = path.join(tempDir(), 'provider-verdicts.json');
    let now = 0;
    const cache = new VerdictCache(file, () => now);
    cache.set('k', { provider: 'webgpu', rate: 1, cpuRate: 2 });
    now = 29 * 24 * 3600 * 1000;
    expect(cache.get('k')).not.toBeNull();
    now = 31 * 24 * 3600 * 1000;
    expect(cache.get('k')).toBeNull();
  });
});

describe('oneLine', () => {
  it("drops ONNX Runtime's source location and failed check from a load error", () => {
    const err = new Error(
      '/onnxruntime_src/onnxruntime/core/providers/webgpu/webgpu_context.cc:136 onnxruntime::webgpu::WebGpuContext::Initialize(const X&)::<lambda()> adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters',
    );
    expect(oneLine(err)).toBe('Failed to get a WebGPU adapter: No supported adapters');
  });
});
