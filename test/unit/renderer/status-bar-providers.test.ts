// The status bar's photo count (All photos as the core counts it, the archive said apart) and its words for where CLIP runs: the WebGPU adapter where it is known, the
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
    expect(photosText({ total: 27, videos: 1 }, 0)).toBe('26 photos, 1 video');
    expect(photosText({ total: 27, videos: 1 }, null)).toBe('26 photos, 1 video');
    expect(photosText({ total: 27, videos: 1 }, 1)).toBe('26 photos, 1 video · 1 archived');
    expect(photosText({ total: 1, videos: 1 }, 0)).toBe('1 video');
    expect(photosText({ total: 27 }, 0)).toBe('27 photos'); // no video among them: the core leaves `videos` out
  });

  it("says All photos as the core counts it, the archived ones said apart: never the library's count less the archive", () => {
    // 10 files, the 1 video archived: All photos (timelineSummary({})) holds 9 photos and no
    // video, though the library's count is 10 and the Videos view (which keeps archived items) 1.
    expect(photosText({ total: 9 }, 1, 10)).toBe('9 photos · 1 archived');
    expect(photosText({ total: 1197 }, 3, 1200)).toBe(`${(1197).toLocaleString()} photos · 3 archived`);
    expect(photosText({ total: 1 }, 1, 2)).toBe('1 photo · 1 archived');
  });

  it("says the library's whole count until the core's All photos is known", () => {
    expect(photosText(null, null, 75)).toBe('75 photos');
    expect(photosText(null, 1, 75)).toBe('75 photos');
    expect(photosText({ total: 75 }, 0, 75)).toBe('75 photos');
  });
});
