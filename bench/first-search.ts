// The first search after the app opens its library, with and without the text model's preload
// (LibraryApiOptions.preloadSearch, which the app and `shoebox serve` set): each in a process
// of its own, so the model loads from cold, the way the app starts.
//
//   npx tsx bench/first-search.ts [rounds]
//
// The ViT-B/32-shaped fixture (the real model's size and load time; random weights) on an
// empty library: what is timed is the query's way through the engine, the text model's
// load included when nothing preloaded it. The user is taken to type 5 s after opening.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLibraryApi } from '../src/core/index';
import { fixtureModelDir, VIT_B32_IMMICH } from '../test/fixtures/models/paths';
import { median } from './stats';

const TYPING_AFTER_MS = 5000;

async function oneRun(preload: boolean): Promise<{ first: number; second: number }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-first-search-'));
  const host = await createLibraryApi({ home, provider: 'cpu', watch: false, modelDir: fixtureModelDir(VIT_B32_IMMICH), preloadSearch: preload });
  await host.status(); // the page's first request opens the library
  await new Promise((r) => setTimeout(r, TYPING_AFTER_MS));
  let t = performance.now();
  await host.search('a dog on the beach');
  const first = performance.now() - t;
  t = performance.now();
  await host.search('a red car');
  const second = performance.now() - t;
  await host.close();
  fs.rmSync(home, { recursive: true, force: true });
  return { first, second };
}

const child = process.argv[2];
if (child === '--child-preload' || child === '--child-lazy') {
  console.log(JSON.stringify(await oneRun(child === '--child-preload')));
} else {
  if (!fs.existsSync(fixtureModelDir(VIT_B32_IMMICH))) throw new Error('no ViT-B/32 fixture: npx tsx scripts/generate-fixtures.ts --vit-b32');
  const rounds = Number(child ?? 3);
  const self = fileURLToPath(import.meta.url);
  const runs = { lazy: [] as { first: number; second: number }[], preload: [] as { first: number; second: number }[] };
  for (let i = 0; i < rounds; i++) {
    for (const mode of ['lazy', 'preload'] as const) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, `--child-${mode}`], { encoding: 'utf8' });
      runs[mode].push(JSON.parse(out.trim().split('\n').at(-1)!) as { first: number; second: number });
    }
  }
  const row = (mode: keyof typeof runs) => ({
    first: Math.round(median(runs[mode].map((r) => r.first))),
    second: Math.round(median(runs[mode].map((r) => r.second))),
  });
  console.log(`| text model | first search (ms, median of ${rounds}) | second search (ms) |\n|---|---|---|`);
  console.log(`| loaded on first use | ${row('lazy').first} | ${row('lazy').second} |`);
  console.log(`| preloaded as the library opens | ${row('preload').first} | ${row('preload').second} |`);
  console.log(JSON.stringify({ firstSearchMs: { lazy: row('lazy'), preload: row('preload') } }));
}
