// Run by index-scale.ts in a process of its own, so its peak RSS is the indexer's alone:
// a first index of a folder of photos, then a re-run over the unchanged library and
// a `status`, each timed. Prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/core/engine';
import type { LibraryEvent } from '../src/shared/api';

const [modelDir, folder] = process.argv.slice(2) as [string, string];
const count = fs.readdirSync(folder).filter((f) => f.endsWith('.jpg')).length;

/**
 * This process's peak RSS in MB. On Linux from VmHWM, this program's own: getrusage's maxRSS
 * keeps the peak of the process image it replaced, and a child forked from the bench (2.5 GB
 * by then) started at the bench's size: the bench reported 2,504 MB for a run whose own
 * peak was 1,254 MB.
 */
function peakRssMb(): number {
  const status = process.platform === 'linux' ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
  return hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-scale-home-'));
try {
  const rssBefore = peakRssMb();
  // Peak RSS after each tenth of the photos: a flat line is the model and the pipeline's
  // working set, a slope is memory kept per photo, a jump at the end is the upkeep after
  // the run (index training, compaction).
  const peakRssByTenthMb: number[] = [];
  const emit = (e: LibraryEvent) => {
    if (e.type !== 'index-progress' || e.progress.done < ((peakRssByTenthMb.length + 1) * count) / 10) return;
    peakRssByTenthMb.push(Math.round(peakRssMb()));
  };
  const library = openLibrary({ home, modelDir: modelDir!, provider: 'cpu', command: 'bench', emit });
  const t0 = performance.now();
  const first = await library.index([folder]);
  const indexSeconds = (performance.now() - t0) / 1000;
  const peakRss = peakRssMb();
  const t1 = performance.now();
  const again = await library.index();
  const rerunSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await library.status();
  const statusSeconds = (performance.now() - t2) / 1000;
  await library.close();
  console.log(JSON.stringify({ photos: count, embedded: first.embedded, failed: first.failed.length, indexSeconds, peakRssMb: peakRss, peakRssByTenthMb, rssBeforeMb: rssBefore, rerunSeconds, rerunEmbedded: again.embedded, statusSeconds }));
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
