#!/usr/bin/env node
// The `shoebox` bin. It runs the prebuilt bundle in out/cli (scripts/build-cli.mjs, made by
// `npm install` and `npm test`) when that is newer than every source file, so the CLI starts
// fast; otherwise (sources edited since, or no bundle) it runs the TypeScript sources through
// tsx, so `npx shoebox` always runs what is in src/.
//
// CommonJS on purpose (bin/package.json; the name stays shoebox.js, which npx's cached links
// point to): libuv reads UV_THREADPOOL_SIZE once, when its pool first runs, and an ES module
// entry's own loading already starts the pool. Here nothing has run yet, so the pool
// is sized for the cores (src/base/thread-budget.ts threadpoolSizeFor; `shoebox info` shows it):
// sharp decodes one photo per pool thread, and libuv's default 4 would cap a many-core index.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = String(Math.max(4, os.availableParallelism() + 4));

const root = path.resolve(__dirname, '..');
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

async function main() {
  if (process.env.SHOEBOX_FROM_SOURCES !== '1' && bundleIsFresh()) {
    await import(pathToFileURL(bundle).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(path.join(root, 'src/cli/index.ts')).href);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
