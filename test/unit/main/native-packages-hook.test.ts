// electron-builder.yml's beforePack hook (build/check-native-packages.mjs): an installer for a
// platform whose native packages npm did not install (`npm run dist:win` on Linux) is refused
// in one line naming them, instead of shipping an engine that cannot load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/models/paths';
import beforePack, { missingNativePackages, nativePackagesFor } from '../../../build/check-native-packages.mjs';

const WINDOWS = ['@img/sharp-win32-x64', '@lancedb/lancedb-win32-x64-msvc', '@parcel/watcher-win32-x64', '@ffmpeg-installer/win32-x64'];
const LINUX = ['@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64', '@lancedb/lancedb-linux-x64-gnu', '@parcel/watcher-linux-x64-glibc', '@ffmpeg-installer/linux-x64'];
const MAC = ['@img/sharp-darwin-arm64', '@img/sharp-libvips-darwin-arm64', '@lancedb/lancedb-darwin-arm64', '@parcel/watcher-darwin-arm64', '@ffmpeg-installer/darwin-arm64'];

/** electron-builder's Arch enum (builder-util): x64 = 1, arm64 = 3. */
const ARCH = { x64: 1, arm64: 3 };

/** A project whose node_modules holds exactly `packages`. */
function project(packages: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-pack-'));
  for (const name of packages) {
    fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), '{}');
  }
  return dir;
}

describe('the native packages a packaged app needs', () => {
  it('names nothing missing when the target is the platform npm installed for', () => {
    expect(missingNativePackages('linux', 'x64', LINUX)).toEqual([]);
    expect(missingNativePackages('win32', 'x64', [...WINDOWS, ...LINUX])).toEqual([]);
    expect(missingNativePackages('darwin', 'arm64', MAC)).toEqual([]);
  });

  it("names each of the target's packages that is absent (a Windows build from a Linux install)", () => {
    expect(missingNativePackages('win32', 'x64', LINUX)).toEqual(WINDOWS);
    expect(missingNativePackages('linux', 'x64', LINUX.filter((name) => !name.includes('lancedb')))).toEqual(['@lancedb/lancedb-linux-x64-gnu']);
    expect(missingNativePackages('linux', 'arm64', LINUX)).toEqual(LINUX.map((name) => name.replace('x64', 'arm64')));
  });

  it.each([
    ['sharp', '@img/'],
    ['@lancedb/lancedb', '@lancedb/'],
    ['@parcel/watcher', '@parcel/'],
    ['@ffmpeg-installer/ffmpeg', '@ffmpeg-installer/'],
  ])('names packages %s really lists (its optionalDependencies)', (library, scope) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', library, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    for (const [platform, arch] of [['linux', 'x64'], ['win32', 'x64'], ['darwin', 'arm64']] as const) {
      for (const name of nativePackagesFor(platform, arch).filter((n) => n.startsWith(scope))) {
        expect(Object.keys(manifest.optionalDependencies), name).toContain(name);
      }
    }
  });
});

describe('the beforePack hook', () => {
  it('stops the build in one line naming what is missing', async () => {
    const dir = project(LINUX);
    const error = await beforePack({ electronPlatformName: 'win32', arch: ARCH.x64, packager: { projectDir: dir } }).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/^cannot package Shoebox for win32-x64: node_modules lacks @img\/sharp-win32-x64, @lancedb\/lancedb-win32-x64-msvc, @parcel\/watcher-win32-x64, @ffmpeg-installer\/win32-x64 /);
    expect(error?.message).toContain('npm install --os=win32 --cpu=x64');
    expect(error?.message).not.toContain('\n');
  });

  it("lets the build go on when the target's packages are there", async () => {
    await expect(beforePack({ electronPlatformName: 'linux', arch: ARCH.x64, packager: { projectDir: project(LINUX) } })).resolves.toBeUndefined();
    await expect(beforePack({ electronPlatformName: 'darwin', arch: ARCH.arm64, packager: { projectDir: project(MAC) } })).resolves.toBeUndefined();
  });

  it('passes on this machine, whose packages npm installed', async () => {
    const target = { linux: 'linux', win32: 'win32', darwin: 'darwin' }[process.platform as string];
    const arch = ARCH[process.arch as keyof typeof ARCH];
    if (!target || arch === undefined) return;
    await expect(beforePack({ electronPlatformName: target, arch, packager: { projectDir: REPO_ROOT } })).resolves.toBeUndefined();
  });

  it('is the hook electron-builder.yml runs', () => {
    const config = load(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as { beforePack?: string };
    expect(config.beforePack).toBe('./build/check-native-packages.mjs');
    expect(fs.existsSync(path.join(REPO_ROOT, config.beforePack!))).toBe(true);
  });
});
