// Which ONNX Runtime execution provider CLIP runs on. We prefer the platform's GPU
// provider and always keep CPU as the floor: a GPU provider that fails to load (missing
// CUDA libraries, an old driver) must cost the user speed, never the app.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ExecutionProviderName } from '../../shared/api';

const require = createRequire(import.meta.url);

/** GPU providers worth trying first on each platform, best first. */
const GPU_PREFERENCE: Record<string, ExecutionProviderName[]> = {
  linux: ['cuda'],
  win32: ['cuda', 'dml'],
  darwin: ['coreml'],
};

/** ONNX Runtime's names for the providers we use (same strings today; kept explicit). */
const ORT_NAME: Record<ExecutionProviderName, string> = { cuda: 'cuda', dml: 'dml', coreml: 'coreml', cpu: 'cpu' };

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

export function parseProvider(value: string | undefined): ExecutionProviderName | 'auto' {
  const v = (value ?? 'auto').toLowerCase();
  if (v === 'auto' || v === 'cuda' || v === 'dml' || v === 'coreml' || v === 'cpu') return v;
  throw new Error(`unknown execution provider "${value}" (auto, cuda, dml, coreml or cpu)`);
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
