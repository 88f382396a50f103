// Run by index-scale.ts in a process of its own, so its peak RSS is the indexer's alone:
// a first index of a folder of photos, then a re-run over the unchanged library and
// a `status`, each timed. Prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/core/engine';

const [modelDir, folder] = process.argv.slice(2) as [string, string];
const count = fs.readdirSync(folder).filter((f) => f.endsWith('.jpg')).length;

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-scale-home-'));
try {
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const library = openLibrary({ home, modelDir: modelDir!, provider: 'cpu', command: 'bench' });
  const t0 = performance.now();
  const first = await library.index([folder]);
  const indexSeconds = (performance.now() - t0) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const t1 = performance.now();
  const again = await library.index();
  const rerunSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await library.status();
  const statusSeconds = (performance.now() - t2) / 1000;
  await library.close();
  console.log(JSON.stringify({ photos: count, embedded: first.embedded, failed: first.failed.length, indexSeconds, peakRssMb, rssBeforeMb: rssBefore, rerunSeconds, rerunEmbedded: again.embedded, statusSeconds }));
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
