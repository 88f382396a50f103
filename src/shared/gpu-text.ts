// What the GPU behind WebGPU is, in the words `shoebox info` and Settings share. A software
// renderer (llvmpipe, SwiftShader, WARP) is a CPU emulating a GPU: shown as "GPU adapter:
// llvmpipe" beside "Available: WebGPU", it read as "I have a GPU called llvmpipe" on a machine
// that has none Shoebox can use.
import type { ExecutionProviderName, ProviderStatus } from './api';

/** WebGPU's adapter is a software renderer: there is no GPU for it (auto does not use it). */
export function onlySoftwareRenderer(providers: Pick<ProviderStatus, 'adapter'>): boolean {
  return providers.adapter?.kind === 'software';
}

/** Why a provider this build supports has nothing to run on here, if so: WebGPU with only a software renderer. */
export function providerCaveat(provider: ExecutionProviderName, providers: Pick<ProviderStatus, 'adapter'>): string | null {
  return provider === 'webgpu' && onlySoftwareRenderer(providers) ? 'no usable GPU' : null;
}

/**
 * The GPU WebGPU would run on ("NVIDIA GeForce RTX 3060 (Vulkan)"), or, when it is a software
 * renderer, that there is none and where inference runs then: "none usable, only a software
 * renderer (llvmpipe), so Shoebox runs on the CPU". Null when nothing is known of it.
 */
export function gpuAdapterText(providers: Pick<ProviderStatus, 'adapter' | 'inUse'>): string | null {
  const { adapter, inUse } = providers;
  if (!adapter) return null;
  if (adapter.kind !== 'software') return adapter.name;
  const none = `only a software renderer (${adapter.name})`;
  // Forced onto it (--provider webgpu): WebGPU runs, on the CPU all the same.
  if (inUse === 'webgpu') return `none usable, ${none}, so WebGPU runs on the CPU`;
  if (inUse === null || inUse === 'cpu') return `none usable, ${none}, so Shoebox runs on the CPU`;
  return `none usable by WebGPU, ${none}`;
}
