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
  /**
   * Why `auto` need not try WebGPU here (Linux: no Vulkan driver, or no GPU device node this
   * user may open); null: try it. A forced provider is tried anyway.
   */
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
 * so one real GPU's driver is enough for "gpu", with a GPU device node this user may open
 * (`devices`: the machine's, read from /dev); only software drivers mean "software"; no
 * driver at all means null (WebGPU will fail to load, and say so).
 */
export function guessWebgpuAdapter(platform: string = process.platform, env: NodeJS.ProcessEnv = process.env, devices: () => DeviceNode[] = gpuDeviceNodes): AdapterGuess {
  if (platform === 'darwin') return { adapter: { name: 'Apple GPU (Metal)', kind: 'gpu' }, driverKey: 'metal', missing: null };
  if (platform !== 'linux') return { adapter: null, driverKey: platform, missing: null };
  const icds = vulkanIcdFiles(env).map(readIcd).filter((icd): icd is Icd => icd !== null);
  const driverKey = icds.map((icd) => `${icd.library}@${mtimeOf(icd)}`).join(';') || 'no-vulkan-driver';
  const adapters = icds.map((icd) => classifyVulkanDriver(icd.library));
  const nodes = devices();
  const hardwareKey = [driverKey, vulkanLoaderDate(), nodes.map((n) => `${n.path}:${n.mayOpen ? 'rw' : '-'}`).join(','), bootId()].join('|');
  // A GPU's driver without its GPU (Mesa installs Intel's and AMD's everywhere) names no
  // adapter. If nothing but a software renderer is left, which auto refuses anyway, WebGPU is
  // not worth a try; a driver that cannot be named is left to the timing.
  const noDevice = noGpuDevice(nodes);
  const usable = noDevice ? adapters.filter((a) => a.kind !== 'gpu') : adapters;
  const adapter = usable.find((a) => a.kind === 'gpu') ?? usable.find((a) => a.kind === 'unknown') ?? usable[0] ?? null;
  const unreachable = noDevice && adapters.some((a) => a.kind === 'gpu') && adapter?.kind !== 'unknown' ? noDevice : null;
  return { adapter, driverKey, missing: icds.length ? unreachable : 'no Vulkan driver is installed', hardwareKey };
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

/** A device node a GPU driver may talk through, and whether this user may open it. */
export interface DeviceNode {
  path: string;
  mayOpen: boolean;
}

/**
 * The GPU device nodes present: a GPU plugged in, its kernel driver loaded or a group granted
 * changes them. /dev/dri for Mesa's drivers and most others, /dev/nvidia* for NVIDIA's,
 * /dev/dxg under WSL, /dev/mali* and /dev/kgsl* for some ARM boards' vendor drivers. NVIDIA's
 * nodes may only appear when a program first uses the GPU (a headless server without
 * nvidia-persistenced: its driver makes them, open to all), so the GPUs its kernel module
 * lists under /proc/driver/nvidia/gpus count too.
 */
export function gpuDeviceNodes(): DeviceNode[] {
  const nodes = (dir: string, keep: (name: string) => boolean) => {
    try {
      return fs.readdirSync(dir).filter(keep).sort().map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  };
  const inDev = (name: string) => name.startsWith('nvidia') || name === 'dxg' || name.startsWith('mali') || name.startsWith('kgsl');
  const nvidiaGpus = nodes('/proc/driver/nvidia/gpus', () => true).map((gpu) => ({ path: gpu, mayOpen: true }));
  return [...nodes('/dev/dri', () => true), ...nodes('/dev', inDev)].map((node) => ({ path: node, mayOpen: mayOpen(node) })).concat(nvidiaGpus);
}

/**
 * A node a GPU itself answers on. Vulkan drivers open render nodes: a /dev/dri/card* alone is
 * often a display without a GPU (a VM's or a server's BMC: simpledrm, bochs, ast), and
 * nvidiactl, nvidia-uvm and the like only serve a GPU.
 */
const GPU_NODE = /^(\/dev\/(dri\/renderD\d+|nvidia\d+|dxg|mali\d+|kgsl-3d\d+)|\/proc\/driver\/nvidia\/gpus\/.+)$/;

/**
 * Why no hardware Vulkan driver can reach a GPU here, or null. Each needs its GPU's device
 * node; without one this user may open, trying WebGPU only costs a start and Dawn's lines on
 * stderr ("XDG_RUNTIME_DIR is invalid", "Vulkan … required") on every CPU-only machine.
 */
export function noGpuDevice(nodes: readonly DeviceNode[]): string | null {
  const gpus = nodes.filter((n) => GPU_NODE.test(n.path));
  if (gpus.some((n) => n.mayOpen)) return null;
  if (!gpus.length) return 'no GPU device found (/dev/dri, /dev/nvidia*)';
  return `no GPU device this user may open (${gpus.map((n) => n.path).join(', ')}: add the user to the group that owns it, often "render" or "video")`;
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
