// Which GPU WebGPU would run on, as far as can be told without a GPU API: ONNX Runtime does
// not report Dawn's adapter. On Linux, Dawn reaches the GPU through a Vulkan driver (ICD),
// and the installed ICD manifests name it: SwiftShader and llvmpipe are CPUs emulating a GPU,
// which `auto` must never choose. Elsewhere the adapter is not told here, and the timing
// against the CPU (provider-verdict.ts) is what keeps a slow adapter from being chosen.
import fs from 'node:fs';
import path from 'node:path';
import type { ProviderAdapter } from '../../shared/api';

/** The Vulkan ICD manifests the loader would read, in its own order of precedence. */
export function vulkanIcdFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env['VK_DRIVER_FILES'] || env['VK_ICD_FILENAMES'];
  if (listed) return listed.split(path.delimiter).filter(Boolean);
  const dataDirs = (env['XDG_DATA_DIRS'] || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  const dirs = ['/etc/vulkan/icd.d', ...dataDirs.map((d) => path.join(d, 'vulkan', 'icd.d'))];
  if (env['XDG_DATA_HOME']) dirs.unshift(path.join(env['XDG_DATA_HOME'], 'vulkan', 'icd.d'));
  const out: string[] = [];
  for (const dir of dirs) {
    try {
      for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.json')) out.push(path.join(dir, name));
    } catch {
      // A missing folder just holds no drivers.
    }
  }
  return out;
}

interface Icd {
  manifest: string;
  library: string;
}

function readIcd(manifest: string): Icd | null {
  try {
    const json = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { ICD?: { library_path?: unknown } };
    const library = json.ICD?.library_path;
    return typeof library === 'string' ? { manifest, library } : null;
  } catch {
    return null;
  }
}

/** Names a Vulkan driver from its library file; the kind says whether it is a real GPU. */
export function classifyVulkanDriver(library: string): ProviderAdapter {
  const base = path.basename(library).toLowerCase();
  if (base.includes('swiftshader')) return { name: 'SwiftShader', kind: 'software' };
  if (base.includes('lvp') || base.includes('llvmpipe')) return { name: 'llvmpipe', kind: 'software' };
  if (base.includes('nvidia')) return { name: 'NVIDIA (Vulkan)', kind: 'gpu' };
  if (base.includes('radeon') || base.includes('amdvlk') || base.includes('amd')) return { name: 'AMD (Vulkan)', kind: 'gpu' };
  if (base.includes('intel')) return { name: 'Intel (Vulkan)', kind: 'gpu' };
  if (base.includes('nouveau')) return { name: 'nouveau (Vulkan)', kind: 'gpu' };
  return { name: path.basename(library), kind: 'unknown' };
}

export interface AdapterGuess {
  adapter: ProviderAdapter | null;
  /** What identifies the driver for the verdict cache: manifests, libraries, their dates. */
  driverKey: string;
  /** Why WebGPU cannot work here before trying (no Vulkan driver on Linux); null: try it. */
  missing: string | null;
  /**
   * Changes whenever a driver, the Vulkan loader or a GPU device comes, goes or changes, or
   * the machine restarts (Linux: driverKey, the loader's date, the device nodes under /dev/dri
   * and /dev/nvidia* with whether this user may open them, the boot), so a failure to load can
   * be remembered until then: a driver upgraded before a reboot, a user added to the `render`
   * group, a loader installed later are all tried again. Absent where that cannot be told (a
   * failure is then tried again at every start).
   */
  hardwareKey?: string;
}

/**
 * The adapter WebGPU is expected to get. Dawn prefers a hardware adapter over a software one,
 * so one real GPU's driver is enough for "gpu"; only software drivers mean "software"; no
 * driver at all means null (WebGPU will fail to load, and say so).
 */
export function guessWebgpuAdapter(platform: string = process.platform, env: NodeJS.ProcessEnv = process.env): AdapterGuess {
  if (platform === 'darwin') return { adapter: { name: 'Apple GPU (Metal)', kind: 'gpu' }, driverKey: 'metal', missing: null };
  if (platform !== 'linux') return { adapter: null, driverKey: platform, missing: null };
  const icds = vulkanIcdFiles(env).map(readIcd).filter((icd): icd is Icd => icd !== null);
  const driverKey = icds.map((icd) => `${icd.library}@${mtimeOf(icd)}`).join(';') || 'no-vulkan-driver';
  const adapters = icds.map((icd) => classifyVulkanDriver(icd.library));
  const adapter = adapters.find((a) => a.kind === 'gpu') ?? adapters.find((a) => a.kind === 'unknown') ?? adapters[0] ?? null;
  const hardwareKey = [driverKey, vulkanLoaderDate(), gpuDeviceNodes().join(','), bootId()].join('|');
  return { adapter, driverKey, missing: icds.length ? null : 'no Vulkan driver is installed', hardwareKey };
}

/** This boot's id: a failure is tried again after a restart (a driver upgrade takes one). */
function bootId(): string {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown-boot';
  }
}

/** The Vulkan loader Dawn opens, by date: installing or updating it is tried again. */
function vulkanLoaderDate(): string {
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib']) {
    try {
      return `${dir}:${Math.round(fs.statSync(path.join(dir, 'libvulkan.so.1')).mtimeMs)}`;
    } catch {
      // Not in this folder.
    }
  }
  return 'no-loader';
}

/** The GPU device nodes present, and whether this user may open each: a GPU plugged in, its kernel driver loaded or a group granted changes them. */
function gpuDeviceNodes(): string[] {
  const nodes = (dir: string, keep: (name: string) => boolean) => {
    try {
      return fs.readdirSync(dir).filter(keep).sort().map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  };
  return [...nodes('/dev/dri', () => true), ...nodes('/dev', (name) => name.startsWith('nvidia'))].map((node) => `${node}:${mayOpen(node) ? 'rw' : '-'}`);
}

function mayOpen(node: string): boolean {
  try {
    fs.accessSync(node, fs.constants.R_OK | fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function mtimeOf(icd: Icd): number {
  const library = path.isAbsolute(icd.library) ? icd.library : path.resolve(path.dirname(icd.manifest), icd.library);
  for (const file of [library, icd.manifest]) {
    try {
      return Math.round(fs.statSync(file).mtimeMs);
    } catch {
      // A library named without a path is found by the loader on its search path.
    }
  }
  return 0;
}
