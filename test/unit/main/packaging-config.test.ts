// electron-builder is not run here (it downloads Electron), so its config is checked as data:
// the installers the project ships, native addons outside app.asar, and no dead weight
// (other platforms' ONNX Runtime, LanceDB's optional ML libraries).
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/models/paths';

interface PlatformConfig {
  target: (string | { target: string; arch: string[] })[];
  files?: string[];
}
interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  linux: PlatformConfig;
  win: PlatformConfig;
  mac: PlatformConfig;
}

const config = load(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const ORT_PLATFORMS = ['linux', 'win32', 'darwin'];

describe('electron-builder config', () => {
  it('builds AppImage and deb, an NSIS installer, and a dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64'] }]);
  });

  it('builds no Intel Mac package: ONNX Runtime has no macOS x64 binary to run CLIP with', () => {
    const ortBin = path.join(REPO_ROOT, 'node_modules/onnxruntime-node/bin/napi-v6/darwin');
    expect(fs.readdirSync(ortBin)).not.toContain('x64');
    expect(JSON.stringify(config.mac.target)).not.toMatch(/x64|universal/);
  });

  it.each(['x64', 'arm64'])("ships WebGPU's shader compiler beside onnxruntime.dll on Windows %s", (arch) => {
    const rel = `node_modules/onnxruntime-node/bin/napi-v6/win32/${arch}`;
    const onDisk = fs.readdirSync(path.join(REPO_ROOT, rel));
    const excludes = [...config.files, ...(config.win.files ?? [])].filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    for (const dll of ['onnxruntime.dll', 'dxcompiler.dll', 'dxil.dll', 'DirectML.dll']) {
      expect(onDisk, dll).toContain(dll);
      expect(excludes.filter((glob) => path.matchesGlob(`${rel}/${dll}`, glob)), dll).toEqual([]);
    }
    // Unpacked from app.asar: Windows loads these DLLs from the folder onnxruntime.dll is in.
    expect(config.asarUnpack).toContain('node_modules/onnxruntime-node/**');
  });

  it('unpacks every native addon from app.asar (the OS cannot dlopen inside it)', () => {
    for (const dir of ['sharp', '@img', 'onnxruntime-node', '@lancedb']) {
      expect(config.asarUnpack, dir).toContain(`node_modules/${dir}/**`);
    }
  });

  it.each([
    ['linux', 'linux'],
    ['win', 'win32'],
    ['mac', 'darwin'],
  ] as const)('%s keeps only its own ONNX Runtime binaries', (platform, own) => {
    const excluded = (config[platform].files ?? []).filter((f) => f.startsWith('!node_modules/onnxruntime-node/'));
    const others = ORT_PLATFORMS.filter((p) => p !== own);
    expect(excluded.sort()).toEqual(others.map((p) => `!node_modules/onnxruntime-node/bin/napi-v*/${p}/**`).sort());
  });

  it("leaves LanceDB's optional ML libraries out of every package", () => {
    for (const dir of ['@huggingface/transformers', 'onnxruntime-web', 'openai']) {
      expect(config.files, dir).toContain(`!node_modules/${dir}/**`);
    }
    // The tokenizer Shoebox itself uses stays in.
    expect(config.files.some((f) => f.includes('@huggingface/tokenizers'))).toBe(false);
  });

  it('leaves tsx and its esbuild binary out: the app runs the built JavaScript, never TypeScript', () => {
    for (const dir of ['tsx', 'esbuild', '@esbuild']) expect(config.files, dir).toContain(`!node_modules/${dir}/**`);
    // The bin that runs sources through tsx is not packed (only out/ and resources/ are).
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'resources/**']);
    // The one use in src: a worker started from a .ts file (sources), which a build has not.
    const sources = fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const users = sources.filter((f) => /['"](tsx|esbuild)(\/[^'"]*)?['"]/.test(fs.readFileSync(path.join(REPO_ROOT, 'src', f), 'utf8')));
    expect(users.map((f) => f.split(path.sep).join('/'))).toEqual(['core/clip/worker-spawn.ts']);
    expect(fs.readFileSync(path.join(REPO_ROOT, 'src/core/clip/worker-spawn.ts'), 'utf8')).toMatch(/if \(!moduleUrl\.pathname\.endsWith\('\.ts'\)\) return new Worker\(moduleUrl, options\);/);
  });

  it('only excludes libraries nothing in src imports', () => {
    const sources = fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const text = sources.map((f) => fs.readFileSync(path.join(REPO_ROOT, 'src', f), 'utf8')).join('\n');
    for (const dir of ['@huggingface/transformers', '@huggingface/jinja', 'onnxruntime-web', 'openai']) {
      expect(text, dir).not.toMatch(new RegExp(`from '${dir}'|import\\('${dir}'\\)`));
    }
  });
});
