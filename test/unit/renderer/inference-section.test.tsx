// Settings → Inference and `shoebox info` on a machine whose only WebGPU adapter is a software
// renderer (llvmpipe: a CPU emulating a GPU, a VM or a server with Mesa installed): they said
// "Available: WebGPU (any GPU)" and "GPU adapter: llvmpipe (software renderer)", read as "I have
// a GPU called llvmpipe". Now they say there is no GPU to use and that Shoebox runs on the CPU,
// in one wording (shared/gpu-text.ts); a real GPU is still named as before.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EngineInfo, ProviderStatus } from '../../../src/shared/api';
import { gpuAdapterText, providerCaveat } from '../../../src/shared/gpu-text';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { InferenceSection } from '../../../src/renderer/components/settings/InferenceSection';

const client = { transport: 'websocket' } as unknown as ShoeboxClient;
const NO_DEVICE = 'webgpu not tried: no GPU device found (/dev/dri, /dev/nvidia*)';
const softwareOnly: ProviderStatus = { available: ['webgpu', 'cpu'], inUse: 'cpu', fallbackReason: NO_DEVICE, adapter: { name: 'llvmpipe', kind: 'software' }, measured: null };
const withGpu: ProviderStatus = { available: ['webgpu', 'cpu'], inUse: 'webgpu', fallbackReason: null, adapter: { name: 'NVIDIA (Vulkan)', kind: 'gpu' }, measured: null };

/** The section's rows as "term: value" lines. */
function rows(providers: ProviderStatus): string[] {
  const info: EngineInfo = { version: '1.0.0', home: '/home/me/.shoebox', platform: 'linux-x64', providers, threads: { cores: 2, decodes: 2, pool: 6 } };
  const html = renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <InferenceSection info={{ status: 'ready', value: info }} />
    </ClientContext.Provider>,
  );
  return [...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map(([, term, value]) => `${term}: ${value!.replace(/<!-- -->/g, '')}`);
}

describe('where inference runs, with only a software renderer', () => {
  it('says in Settings there is no GPU to use and that Shoebox runs on the CPU, the core’s reason kept', () => {
    const lines = rows(softwareOnly);
    expect(lines).toContain('Available: WebGPU (no usable GPU), CPU');
    expect(lines).toContain('GPU: None usable, only a software renderer (llvmpipe), so Shoebox runs on the CPU');
    expect(lines).toContain('Runs on: CPU');
    expect(lines).toContain(`Fallback: ${NO_DEVICE}`);
    expect(lines.join('\n')).not.toMatch(/any GPU|GPU adapter: llvmpipe/);
  });

  it('names a real GPU as before', () => {
    const lines = rows(withGpu);
    expect(lines).toContain('Available: WebGPU (any GPU), CPU');
    expect(lines).toContain('GPU: NVIDIA (Vulkan)');
    expect(lines).toContain('Runs on: WebGPU (any GPU)');
  });

  it('gives `shoebox info` the same words, and says WebGPU runs on the CPU when it was forced onto the renderer', () => {
    expect(providerCaveat('webgpu', softwareOnly)).toBe('no usable GPU');
    expect(providerCaveat('cpu', softwareOnly)).toBeNull();
    expect(providerCaveat('webgpu', withGpu)).toBeNull();
    expect(gpuAdapterText(softwareOnly)).toBe('none usable, only a software renderer (llvmpipe), so Shoebox runs on the CPU');
    expect(gpuAdapterText({ inUse: 'webgpu', adapter: { name: 'SwiftShader', kind: 'software' } })).toBe('none usable, only a software renderer (SwiftShader), so WebGPU runs on the CPU');
    expect(gpuAdapterText({ inUse: null, adapter: null })).toBeNull();
  });
});
