// electron-builder's beforePack hook (electron-builder.yml): refuses to pack an app whose
// engine could not load. sharp, LanceDB, @parcel/watcher and ffmpeg come as one npm package
// per platform and arch (their optionalDependencies), and npm installs only this machine's;
// with `npmRebuild: false` nothing fetches the others, so `npm run dist:win` on Linux would
// otherwise ship Linux binaries in a Windows installer. (onnxruntime-node carries every
// platform's binaries in its one package: electron-builder.yml keeps the target's.)
import fs from 'node:fs';
import path from 'node:path';

/** electron-builder's Arch enum (builder-util) as Node's process.arch names it. */
const ARCH_NAMES = { 0: ['ia32'], 1: ['x64'], 2: ['arm'], 3: ['arm64'], 4: ['x64', 'arm64'] };

/**
 * The native packages the packaged app needs on `platform`-`arch` (Node's names: win32, x64),
 * as each library names them in its optionalDependencies. Linux packages are the glibc ones:
 * AppImage and deb run on glibc systems.
 * @param {string} platform
 * @param {string} arch
 * @returns {string[]}
 */
export function nativePackagesFor(platform, arch) {
  const target = `${platform}-${arch}`;
  return [
    `@img/sharp-${target}`,
    // sharp's Windows package carries libvips itself; elsewhere libvips is a package of its own.
    ...(platform === 'win32' ? [] : [`@img/sharp-libvips-${target}`]),
    `@lancedb/lancedb-${target}${{ linux: '-gnu', win32: '-msvc' }[platform] ?? ''}`,
    `@parcel/watcher-${target}${platform === 'linux' ? '-glibc' : ''}`,
    `@ffmpeg-installer/${target}`,
  ];
}

/**
 * What of `platform`-`arch`'s native packages is not among `installed` (package names).
 * @param {string} platform
 * @param {string} arch
 * @param {Iterable<string>} installed
 * @returns {string[]}
 */
export function missingNativePackages(platform, arch, installed) {
  const have = new Set(installed);
  return nativePackagesFor(platform, arch).filter((name) => !have.has(name));
}

/**
 * The one line the build fails with; null when nothing is missing.
 * @param {string} platform
 * @param {string} arch
 * @param {string[]} missing
 * @returns {string | null}
 */
export function missingNativePackagesLine(platform, arch, missing) {
  if (missing.length === 0) return null;
  const target = `${platform}-${arch}`;
  return (
    `cannot package Shoebox for ${target}: node_modules lacks ${missing.join(', ')} ` +
    `(npm installs only this machine's native packages): build on ${target}, or run npm install --os=${platform} --cpu=${arch} first ` +
    `(and npm install again after, for this machine)`
  );
}

/** @param {{ electronPlatformName: string; arch: number; packager: { projectDir: string } }} context */
export default async function beforePack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const nodeModules = path.join(context.packager.projectDir, 'node_modules');
  for (const arch of ARCH_NAMES[/** @type {0 | 1 | 2 | 3 | 4} */ (context.arch)] ?? []) {
    const installed = nativePackagesFor(platform, arch).filter((name) => fs.existsSync(path.join(nodeModules, name, 'package.json')));
    const line = missingNativePackagesLine(platform, arch, missingNativePackages(platform, arch, installed));
    // electron-builder prints a thrown error's message and stops before anything is packed.
    if (line) throw new Error(line);
  }
}
