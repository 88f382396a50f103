// The status bar's words for where CLIP runs: the WebGPU adapter where it is known, the
// figures when a forced GPU provider is slower than the CPU, the reason when it fell back.
import { describe, expect, it } from 'vitest';
import { describeProviders } from '../../../src/renderer/components/StatusBar';

describe('describeProviders', () => {
  it('names the WebGPU adapter, and says when it is a software renderer', () => {
    const text = describeProviders({ available: ['webgpu', 'cpu'], inUse: 'webgpu', fallbackReason: null, adapter: { name: 'SwiftShader', kind: 'software' }, measured: null });
    expect(text).toBe('Running on WebGPU · SwiftShader (software renderer)');
  });

  it('shows the measured figures of a forced provider that is slower than the CPU', () => {
    const text = describeProviders({
      available: ['webgpu', 'cpu'],
      inUse: 'webgpu',
      fallbackReason: null,
      adapter: { name: 'NVIDIA (Vulkan)', kind: 'gpu' },
      measured: { provider: 'webgpu', rate: 12.5, cpuRate: 19 },
    });
    expect(text).toBe('Running on WebGPU · NVIDIA (Vulkan) (WebGPU 12.5/s vs CPU 19.0/s)');
  });

  it('gives the reason when auto stayed on the CPU', () => {
    const text = describeProviders({
      available: ['webgpu', 'cpu'],
      inUse: 'cpu',
      fallbackReason: 'webgpu slower than CPU: 4.0/s vs 19.0/s',
      adapter: { name: 'Intel (Vulkan)', kind: 'gpu' },
      measured: { provider: 'webgpu', rate: 4, cpuRate: 19 },
    });
    expect(text).toBe('Running on CPU (webgpu slower than CPU: 4.0/s vs 19.0/s)');
  });
});
