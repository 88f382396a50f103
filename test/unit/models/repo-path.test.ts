// The one check every hub-provided path passes before Shoebox reads, writes or deletes by it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSafeRepoPath, pathInside, unsafeRepoPathReason } from '../../../src/core/models/repo-path';

let dir: string;
let outside: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-repo-path-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-repo-path-out-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('hub paths', () => {
  it('accepts the relative paths real repositories hold', () => {
    for (const good of ['config.json', 'visual/model.onnx', 'onnx/text_model_quantized.onnx', '.gitattributes', 'textual/7e068af8-4887-11ef-ab3a-00155d655292', 'a b/ü..txt', '..foo']) {
      expect(unsafeRepoPathReason(good), good).toBeUndefined();
      expect(pathInside(dir, good)).toBe(path.join(dir, ...good.split('/')));
    }
  });

  it('refuses absolute paths, traversal, drive letters, backslashes, NUL and empty segments', () => {
    const bad = ['', '/etc/passwd', '..', '../x', 'a/../../x', 'a/..', './a', 'a/./b', 'a//b', 'a/', 'C:/x', 'C:x', 'c:\\x', 'a\\..\\x', '\\\\server\\share', 'a\0b', 'a\rb', 'x'.repeat(1025)];
    for (const p of bad) {
      expect(isSafeRepoPath(p), JSON.stringify(p)).toBe(false);
      expect(pathInside(dir, p), JSON.stringify(p)).toBeUndefined();
    }
    expect(isSafeRepoPath(42)).toBe(false);
    expect(isSafeRepoPath(null)).toBe(false);
  });

  it('refuses a path that leaves the folder through a symlinked subfolder', () => {
    fs.symlinkSync(outside, path.join(dir, 'visual'));
    expect(pathInside(dir, 'visual/model.onnx')).toBeUndefined();
    expect(pathInside(dir, 'visual/new/deeper/model.onnx')).toBeUndefined();
    fs.mkdirSync(path.join(dir, 'textual'));
    expect(pathInside(dir, 'textual/new/model.onnx')).toBe(path.join(dir, 'textual', 'new', 'model.onnx'));
  });
});
