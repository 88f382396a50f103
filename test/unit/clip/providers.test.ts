// Which providers `auto` tries where, and what --provider accepts.
import { describe, expect, it } from 'vitest';
import { availableProviders, ortPlatformError, parseProvider, providerOrder } from '../../../src/core/clip/providers';

describe('providers', () => {
  it('accepts webgpu everywhere the others are accepted, any case', () => {
    expect(parseProvider('webgpu')).toBe('webgpu');
    expect(parseProvider('WebGPU')).toBe('webgpu');
    expect(() => parseProvider('vulkan')).toThrow(/unknown execution provider "vulkan" \(auto, cuda, dml, coreml, webgpu or cpu\)/);
  });

  it("lists ONNX Runtime's bundled WebGPU on Linux, before the CPU floor", () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return;
    expect(availableProviders('linux')).toEqual(['webgpu', 'cpu']);
    expect(providerOrder('auto', 'linux')).toEqual(['webgpu', 'cpu']);
  });

  it('a forced provider comes first, with the CPU as its fallback', () => {
    expect(providerOrder('webgpu')).toEqual(['webgpu', 'cpu']);
    expect(providerOrder('cpu')).toEqual(['cpu']);
  });

  it('gives Intel Macs one clear line, since ONNX Runtime has no build for them', () => {
    expect(ortPlatformError('darwin', 'x64')).toBe('ONNX Runtime, which Shoebox runs CLIP on, has no build for macOS on Intel (darwin-x64); Shoebox needs a Mac with Apple silicon');
    for (const [platform, arch] of [['linux', 'x64'], ['win32', 'x64'], ['darwin', 'arm64']]) expect(ortPlatformError(platform, arch)).toBeNull();
  });
});
