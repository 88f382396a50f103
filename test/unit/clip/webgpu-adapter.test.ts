// What can be told of WebGPU's adapter on Linux from the Vulkan drivers installed: a
// software renderer must be recognised as such, and a real GPU beside it wins (Dawn prefers it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyVulkanDriver, guessWebgpuAdapter, noGpuDevice, vulkanIcdFiles, type DeviceNode } from '../../../src/core/clip/webgpu-adapter';
import { tempDir } from '../../helpers/images';

/** A machine with a GPU this user may open, and one without any. */
const withGpu = (): DeviceNode[] => [{ path: '/dev/dri/card0', mayOpen: true }, { path: '/dev/dri/renderD128', mayOpen: true }];
const noGpu = (): DeviceNode[] => [];

function manifest(dir: string, name: string, library: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ file_format_version: '1.0.0', ICD: { library_path: library, api_version: '1.3.0' } }));
  return file;
}

describe('classifyVulkanDriver', () => {
  it.each([
    ['./libvk_swiftshader.so', 'SwiftShader', 'software'],
    ['/usr/lib/x86_64-linux-gnu/libvulkan_lvp.so', 'llvmpipe', 'software'],
    ['libGLX_nvidia.so.0', 'NVIDIA (Vulkan)', 'gpu'],
    ['/usr/lib/x86_64-linux-gnu/libvulkan_radeon.so', 'AMD (Vulkan)', 'gpu'],
    ['/usr/lib/x86_64-linux-gnu/libvulkan_intel.so', 'Intel (Vulkan)', 'gpu'],
    ['/opt/libvulkan_mystery.so', 'libvulkan_mystery.so', 'unknown'],
  ])('%s is %s (%s)', (library, name, kind) => {
    expect(classifyVulkanDriver(library)).toEqual({ name, kind });
  });
});

describe('guessWebgpuAdapter on Linux', () => {
  it('reads the drivers VK_ICD_FILENAMES names: SwiftShader alone is a software adapter', () => {
    const dir = tempDir();
    const env = { VK_ICD_FILENAMES: manifest(dir, 'sw.json', './libvk_swiftshader.so') };
    expect(guessWebgpuAdapter('linux', env)).toMatchObject({ adapter: { name: 'SwiftShader', kind: 'software' }, missing: null });
  });

  it('prefers a real GPU when a software driver is installed beside it', () => {
    const dir = tempDir();
    const files = [manifest(dir, 'lvp.json', 'libvulkan_lvp.so'), manifest(dir, 'nv.json', 'libGLX_nvidia.so.0')];
    expect(guessWebgpuAdapter('linux', { VK_DRIVER_FILES: files.join(path.delimiter) }, withGpu).adapter).toEqual({ name: 'NVIDIA (Vulkan)', kind: 'gpu' });
  });

  it('a GPU driver without a GPU device (Mesa on a server or VM) is not tried: only the software renderer is left', () => {
    const dir = tempDir();
    const files = [manifest(dir, 'intel.json', 'libvulkan_intel.so'), manifest(dir, 'radeon.json', 'libvulkan_radeon.so'), manifest(dir, 'lvp.json', 'libvulkan_lvp.so')];
    const env = { VK_DRIVER_FILES: files.join(path.delimiter) };
    expect(guessWebgpuAdapter('linux', env, noGpu)).toMatchObject({ adapter: { name: 'llvmpipe', kind: 'software' }, missing: 'no GPU device found (/dev/dri, /dev/nvidia*)' });
    expect(guessWebgpuAdapter('linux', { VK_DRIVER_FILES: files[0]! }, noGpu)).toMatchObject({ adapter: null, missing: expect.stringMatching(/^no GPU device found/) });
    expect(guessWebgpuAdapter('linux', env, withGpu)).toMatchObject({ adapter: { name: 'Intel (Vulkan)', kind: 'gpu' }, missing: null });
  });

  it('a driver it cannot name, or a software renderer alone, is still left to auto\'s own checks', () => {
    const dir = tempDir();
    const mystery = { VK_ICD_FILENAMES: [manifest(dir, 'intel.json', 'libvulkan_intel.so'), manifest(dir, 'm.json', '/opt/libvulkan_mystery.so')].join(path.delimiter) };
    expect(guessWebgpuAdapter('linux', mystery, noGpu)).toMatchObject({ adapter: { kind: 'unknown' }, missing: null });
    const sw = { VK_ICD_FILENAMES: manifest(dir, 'sw.json', './libvk_swiftshader.so') };
    expect(guessWebgpuAdapter('linux', sw, noGpu)).toMatchObject({ adapter: { name: 'SwiftShader' }, missing: null });
  });

  it('says which device nodes a user may not open, and how to fix it', () => {
    expect(noGpuDevice(withGpu())).toBeNull();
    expect(noGpuDevice([{ path: '/dev/nvidia0', mayOpen: true }, { path: '/dev/nvidiactl', mayOpen: true }])).toBeNull();
    expect(noGpuDevice([{ path: '/dev/dxg', mayOpen: true }])).toBeNull(); // WSL
    // nvidiactl alone is no GPU, nor is a display-only card node (a VM's, a server's BMC).
    expect(noGpuDevice([{ path: '/dev/nvidiactl', mayOpen: true }])).toMatch(/^no GPU device found/);
    expect(noGpuDevice([{ path: '/dev/dri/card0', mayOpen: true }])).toMatch(/^no GPU device found/);
    // A headless NVIDIA server before anything used the GPU: the kernel module lists it.
    expect(noGpuDevice([{ path: '/proc/driver/nvidia/gpus/0000:01:00.0', mayOpen: true }])).toBeNull();
    expect(noGpuDevice([{ path: '/dev/dri/renderD128', mayOpen: false }])).toBe('no GPU device this user may open (/dev/dri/renderD128: add the user to the group that owns it, often "render" or "video")');
  });

  it('says no driver is installed when the manifests are missing', () => {
    const guess = guessWebgpuAdapter('linux', { VK_ICD_FILENAMES: '/nonexistent.json' });
    expect(guess).toMatchObject({ adapter: null, missing: 'no Vulkan driver is installed' });
  });

  it('keys the verdict on the driver, so another driver is measured again', () => {
    const dir = tempDir();
    const a = guessWebgpuAdapter('linux', { VK_ICD_FILENAMES: manifest(dir, 'a.json', 'libvulkan_radeon.so') });
    const b = guessWebgpuAdapter('linux', { VK_ICD_FILENAMES: manifest(dir, 'b.json', 'libvulkan_intel.so') });
    expect(a.driverKey).not.toBe(b.driverKey);
  });

  it('keys a load failure on the drivers, the devices and the boot, so a new one is tried again', () => {
    const dir = tempDir();
    const a = guessWebgpuAdapter('linux', { VK_ICD_FILENAMES: manifest(dir, 'a.json', 'libvulkan_radeon.so') });
    const b = guessWebgpuAdapter('linux', { VK_ICD_FILENAMES: manifest(dir, 'b.json', 'libvulkan_intel.so') });
    expect(a.hardwareKey).toContain(a.driverKey);
    expect(a.hardwareKey).not.toBe(b.hardwareKey);
    if (fs.existsSync('/proc/sys/kernel/random/boot_id')) expect(a.hardwareKey).toContain(fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(guessWebgpuAdapter('darwin', {}).hardwareKey).toBeUndefined();
    expect(guessWebgpuAdapter('win32', {}).hardwareKey).toBeUndefined();
  });

  it('scans the standard folders when no variable names the drivers', () => {
    const data = tempDir();
    fs.mkdirSync(path.join(data, 'vulkan', 'icd.d'), { recursive: true });
    const file = manifest(path.join(data, 'vulkan', 'icd.d'), 'intel.json', 'libvulkan_intel.so');
    expect(vulkanIcdFiles({ XDG_DATA_DIRS: data })).toContain(file);
  });
});

describe('guessWebgpuAdapter elsewhere', () => {
  it('names Metal on macOS and leaves Windows to the timing (D3D12 may be WARP)', () => {
    expect(guessWebgpuAdapter('darwin', {}).adapter).toEqual({ name: 'Apple GPU (Metal)', kind: 'gpu' });
    expect(guessWebgpuAdapter('win32', {})).toMatchObject({ adapter: null, missing: null });
  });
});
