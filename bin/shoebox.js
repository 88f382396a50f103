#!/usr/bin/env node
// The `shoebox` bin. It runs the prebuilt bundle in out/cli (scripts/build-cli.mjs, made by
// `npm install` and `npm test`) when that is newer than every source file, so the CLI starts
// fast; otherwise (sources edited since, or no bundle) it runs the TypeScript sources through
// tsx, so `npx shoebox` always runs what is in src/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out/cli/shoebox.js');

/** Newest modification time under a folder (a few hundred stats: a few milliseconds). */
function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return newest(path.join(root, 'src')) < built && fs.statSync(path.join(root, 'package.json')).mtimeMs < built;
  } catch {
    return false;
  }
}

if (process.env.SHOEBOX_FROM_SOURCES !== '1' && bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
