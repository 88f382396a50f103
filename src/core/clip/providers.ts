// Which ONNX Runtime execution provider CLIP runs on. We prefer the platform's GPU
// providers and always keep CPU as the floor: a GPU provider that fails to load (missing
// CUDA libraries, an old driver) must cost the user speed, never the app. Whether a GPU
// provider that loads is also faster than the CPU is measured (provider-verdict.ts).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ExecutionProviderName, ProviderStatus } from '../../shared/api';

const require = createRequire(import.meta.url);

/**
 * GPU providers worth trying first on each platform, best first. WebGPU (Dawn over Vulkan,
 * D3D12 or Metal) ships inside onnxruntime-node for any vendor's GPU, so it comes after the
 * vendor-specific provider of each platform.
 */
const GPU_PREFERENCE: Record<string, ExecutionProviderName[]> = {
  linux: ['cuda', 'webgpu'],
  win32: ['cuda', 'dml', 'webgpu'],
  darwin: ['coreml', 'webgpu'],
};

/** ONNX Runtime's names for the providers we use (same strings today; kept explicit). */
const ORT_NAME: Record<ExecutionProviderName, string> = { cuda: 'cuda', dml: 'dml', coreml: 'coreml', webgpu: 'webgpu', cpu: 'cpu' };

export const PROVIDER_NAMES: readonly (ExecutionProviderName | 'auto')[] = ['auto', 'cuda', 'dml', 'coreml', 'webgpu', 'cpu'];

export function ortProviderName(provider: ExecutionProviderName): string {
  return ORT_NAME[provider];
}

interface BackendInfo {
  name: string;
  bundled: boolean;
}

/**
 * Providers this ONNX Runtime build can run here. CUDA ships outside the npm package
 * (`npm run fetch-cuda`), so it counts only once its provider library is on disk.
 */
export function availableProviders(platform = process.platform): ExecutionProviderName[] {
  const backends = listBackends();
  const out: ExecutionProviderName[] = [];
  for (const provider of GPU_PREFERENCE[platform] ?? []) {
    const backend = backends.find((b) => b.name === ORT_NAME[provider]);
    if (provider === 'coreml' && platform === 'darwin') out.push(provider);
    else if (backend && (backend.bundled || providerLibraryPresent(provider))) out.push(provider);
  }
  out.push('cpu');
  return out;
}

/**
 * The order to try providers in: an explicit choice (option or SHOEBOX_PROVIDER) first,
 * then the platform's GPU providers, then CPU.
 */
export function providerOrder(requested: ExecutionProviderName | 'auto' = 'auto', platform = process.platform): ExecutionProviderName[] {
  if (requested !== 'auto') return requested === 'cpu' ? ['cpu'] : [requested, 'cpu'];
  return availableProviders(platform);
}

/**
 * What the user must do for a provider that failed to load, where there is something to do
 * (README, "GPUs and execution providers"): CUDA's provider is not in the npm package, and
 * DirectML and Core ML exist on one platform each. '' where the load error says it all.
 */
export function providerSetupHint(provider: ExecutionProviderName, platform: string = process.platform, arch: string = process.arch): string {
  if (provider === 'cuda') {
    if (platform === 'linux' && arch === 'x64') return 'CUDA needs `npm run fetch-cuda` (ONNX Runtime\'s CUDA provider), an NVIDIA driver, CUDA 12 and cuDNN 9';
    if (platform === 'win32') return "CUDA needs ONNX Runtime's CUDA provider library, an NVIDIA driver, CUDA 12 and cuDNN 9";
    return `ONNX Runtime has no CUDA provider for ${platform}-${arch}`;
  }
  if (provider === 'dml' && platform !== 'win32') return 'DirectML runs on Windows only';
  if (provider === 'coreml' && platform !== 'darwin') return 'Core ML runs on macOS only';
  return '';
}

export function parseProvider(value: string | undefined): ExecutionProviderName | 'auto' {
  const v = (value ?? 'auto').toLowerCase();
  const known = PROVIDER_NAMES.find((name) => name === v);
  if (known) return known;
  throw new Error(`unknown execution provider "${value}" (auto, cuda, dml, coreml, webgpu or cpu)`);
}

/**
 * onnxruntime-node loads its native binding when it is imported and has none for some
 * platforms (1.30: no macOS on Intel), where the import throws a bare "Cannot find module".
 * This says so in one line instead; null where ONNX Runtime has a binary for this machine.
 */
export function ortPlatformError(platform: string = process.platform, arch: string = process.arch): string | null {
  let binDir: string;
  try {
    binDir = path.join(path.dirname(require.resolve('onnxruntime-node/package.json')), 'bin', 'napi-v6', platform, arch);
  } catch {
    return 'ONNX Runtime (onnxruntime-node) is not installed: run npm install';
  }
  if (fs.existsSync(path.join(binDir, 'onnxruntime_binding.node'))) return null;
  const where = platform === 'darwin' && arch === 'x64' ? 'macOS on Intel (darwin-x64); Shoebox needs a Mac with Apple silicon' : `${platform}-${arch}`;
  return `ONNX Runtime, which Shoebox runs CLIP on, has no build for ${where}`;
}

function listBackends(): BackendInfo[] {
  try {
    const ort = require('onnxruntime-node') as { listSupportedBackends?: () => BackendInfo[] };
    return ort.listSupportedBackends?.() ?? [];
  } catch {
    return [];
  }
}

function providerLibraryPresent(provider: ExecutionProviderName): boolean {
  if (provider !== 'cuda') return false;
  try {
    const pkgDir = path.dirname(require.resolve('onnxruntime-node/package.json'));
    const binDir = path.join(pkgDir, 'bin', 'napi-v6', process.platform, process.arch);
    const lib = process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
    return fs.existsSync(path.join(binDir, lib));
  } catch {
    return false;
  }
}

/**
 * Whether inference leaves the cores to decoding: a GPU provider in use on an adapter that is
 * not a software renderer (SwiftShader runs WebGPU on the CPU).
 */
export function inferenceOnGpu(status: Pick<ProviderStatus, 'inUse' | 'adapter'>): boolean {
  return status.inUse !== null && status.inUse !== 'cpu' && status.adapter?.kind !== 'software';
}
