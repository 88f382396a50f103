// Prebuilds the `shoebox` bin into out/cli (esbuild, seconds), so the CLI starts without
// compiling TypeScript through tsx on every run: `shoebox --help` in ~0.2 s instead of ~1 s.
// Runs on `npm install` (prepare) and before `npm test`. bin/shoebox.js uses the bundle only
// while it is newer than every source file, and falls back to the sources through tsx.
// Workers are entries of their own next to the chunks, as in electron.vite.config.ts:
// siblingModule(import.meta.url, '<name>') finds them beside whichever chunk spawns them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every worker the engine starts: each siblingModule(import.meta.url, '<name>') in src/core. */
function workerEntries() {
  const entries = {};
  const core = path.join(root, 'src/core');
  for (const file of fs.readdirSync(core, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(core, file), 'utf8');
    for (const m of text.matchAll(/siblingModule\(import\.meta\.url, '([\w-]+)'\)/g)) {
      entries[m[1]] = path.join('src/core', path.dirname(file), `${m[1]}.ts`);
    }
  }
  return entries;
}

const outdir = path.join(root, 'out/cli');
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { shoebox: 'src/cli/index.ts', ...workerEntries() },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});
