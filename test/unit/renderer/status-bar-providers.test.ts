// The status bar's photo count (the archive said apart) and its words for where CLIP runs: the WebGPU adapter where it is known, the
// figures when a forced GPU provider is slower than the CPU, the reason when it fell back.
import { describe, expect, it } from 'vitest';
import { describeProviders, photosText } from '../../../src/renderer/components/StatusBar';

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

describe('photosText', () => {
  it('says videos apart from photos, as the grid header, a folder and status do: a video is not a photo', () => {
    expect(photosText(27, 0, 1)).toBe('26 photos, 1 video');
    expect(photosText(27, null, 1)).toBe('26 photos, 1 video');
    expect(photosText(28, 1, 1)).toBe('26 photos, 1 video · 1 archived');
    expect(photosText(1, 0, 1)).toBe('1 video');
    expect(photosText(27, 0, null)).toBe('27 photos'); // the videos not known yet
  });

  it('counts photos as All photos does, the archived ones said apart', () => {
    expect(photosText(75, 1)).toBe('74 photos · 1 archived');
    expect(photosText(1200, 3)).toBe(`${(1197).toLocaleString()} photos · 3 archived`);
    expect(photosText(2, 1)).toBe('1 photo · 1 archived');
  });

  it('says the whole count while nothing is archived or the archive is not known yet', () => {
    expect(photosText(75, 0)).toBe('75 photos');
    expect(photosText(75, null)).toBe('75 photos');
    // A count read before photos left the library: never a negative number.
    expect(photosText(1, 2)).toBe('1 photo');
  });
});
