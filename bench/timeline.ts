// The timeline at 100k photos (#15 item 1), measured where the user sees it: a synthetic
// library (rows written straight to the store, dates spread over 8 years, a tenth without a
// date, thumbnails shared among 64 real JPEGs: no embedding needed), served by `shoebox
// serve`, opened in Debian's Chromium.
//
// Figures: the API's first summary (the date order built from the store) and a warm page;
// time to first screen (navigation to every visible thumbnail loaded); a long scroll (a
// fling of 10 viewports a second for 15 s, then scrubber jumps),
// sampled every frame: frames where the viewport showed a blank row (no row in the DOM
// there: the virtualisation fell behind) and frames where tiles were still placeholders
// (their page on its way), and how long after stopping the screen is filled.
// Standalone: `npx tsx bench/timeline.ts [photos]` prints a table and one JSON line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { openLibrary } from '../src/core/engine';
import { thumbnailKey } from '../src/core/media/thumbnail';
import type { PhotoRecord } from '../src/core/store';
import { buildApp } from '../test/helpers/build-app';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../test/fixtures/models/paths';
import { printTable, round } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const THUMBS = 64;
const BATCH = 10_000;
const YEARS = 8;
/** A fast mouse-wheel or trackpad fling: ~8,000 px/s on an 800 px window. */
const FLING_VIEWPORTS_PER_S = 10;
/** How long the fling lasts (about 150 viewports, some 15% of the timeline at 100k). */
const FLING_SECONDS = 15;
/** A folder that does not exist: the watcher keeps its photos ("folder not found"). */
const FOLDER = '/shoebox-bench-timeline/photos';

export interface TimelineFigures {
  photos: number;
  writeSeconds: number;
  /** store.listPhotos() of every photo, in process: what the first summary built on before. */
  listMs: number;
  /** store.listPhotoDates(), in process: the narrow read the first summary builds on. */
  datesMs: number;
  summaryColdMs: number;
  summaryWarmMs: number;
  pageWarmMs: number;
  days: number;
  firstScreenMs: number;
  scrollFrames: number;
  blankRowFrames: number;
  placeholderFrames: number;
  filledAfterStopMs: number;
  jumps: number;
  jumpFilledP50Ms: number;
  jumpBlankRowFrames: number;
}

/** Writes `count` photos into a fresh home with the tiny fixture model's table. */
async function writeLibrary(home: string, count: number): Promise<{ seconds: number; listMs: number; datesMs: number }> {
  const t0 = performance.now();
  const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'bench' });
  const store = await lib.writable();
  const keys: string[] = [];
  for (let i = 0; i < THUMBS; i++) {
    const hash = (i.toString(16).padStart(2, '0') + 'ab').repeat(16);
    const key = thumbnailKey(hash);
    const hue = (i * 360) / THUMBS;
    await lib.thumbnails.write(key, await sharp({ create: { width: 384, height: 288, channels: 3, background: `hsl(${hue}, 60%, 55%)` } }).jpeg({ quality: 80 }).toBuffer());
    keys.push(key);
  }
  await store.addFolder(FOLDER);
  const now = Date.now();
  const span = YEARS * 365 * 86_400_000;
  for (let start = 0; start < count; start += BATCH) {
    const rows: PhotoRecord[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      // Newer years hold more photos, as libraries do; a tenth have no date (scans, edits).
      const age = Math.floor(span * Math.pow((i * 7919) % count / count, 1.6));
      const taken = now - age - ((i * 104729) % 86_400_000);
      const dated = i % 10 !== 0;
      rows.push({
        path: `${FOLDER}/${Math.floor(i / 1000)}/IMG_${String(i).padStart(6, '0')}.jpg`,
        folder: FOLDER,
        size: 2_000_000,
        mtimeMs: taken + 3_600_000,
        hash: i.toString(16).padStart(64, '0'),
        width: 4000,
        height: 3000,
        takenAt: dated ? taken : null,
        cameraMake: null,
        cameraModel: null,
        gpsLat: null,
        gpsLon: null,
        orientation: 1,
        modelId: lib.modelId,
        vector: Float32Array.from([Math.cos(i), Math.sin(i), 0.5, 0.1]),
        thumbKey: keys[i % THUMBS]!,
        indexedAt: now - (count - i) * 1000,
      });
    }
    await store.upsertPhotos(rows);
  }
  // What indexing does after a scan of a library this size: the B-trees on path and hash
  // (every page and thumbnail looks its rows up by path) and the vector index.
  await store.ensureVectorIndex();
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await store.listPhotos();
  const listMs = performance.now() - t1;
  const t2 = performance.now();
  await store.listPhotoDates();
  const datesMs = performance.now() - t2;
  await lib.close();
  return { seconds, listMs, datesMs };
}

async function startServe(home: string, uiDir: string): Promise<{ url: string; origin: string; token: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)], {
    cwd: REPO_ROOT,
    env: { ...process.env, SHOEBOX_UI_DIR: uiDir },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`shoebox serve exited (${code}):\n${stderr}`)));
  });
  const url = new URL(line);
  return {
    url: line,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

async function timedCall(origin: string, token: string, method: string, args: unknown[]): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (response.status !== 200 || body.result === undefined) throw new Error(`${method}: ${JSON.stringify(body.error ?? body)}`);
  return { ms: performance.now() - t0, body: body.result };
}

/** In the page: is every visible tile's thumbnail loaded, and is there a blank row? */
const PROBE = `(() => {
  const scroller = document.querySelector('.timeline__scroller');
  if (!scroller) return { blank: true, placeholders: 1, loaded: false };
  const box = scroller.getBoundingClientRect();
  let blank = false;
  for (let y = box.top + 60; y < box.bottom - 10; y += 40) {
    const hit = document.elementFromPoint(box.left + 40, y);
    if (!hit || !hit.closest('.grid__row, .timeline__month, .timeline__day, .timeline__pinned')) { blank = true; break; }
  }
  let placeholders = 0, loaded = true;
  for (const tile of document.querySelectorAll('.timeline__scroller .tile')) {
    const r = tile.getBoundingClientRect();
    if (r.bottom < box.top || r.top > box.bottom) continue;
    if (tile.classList.contains('tile--placeholder')) { placeholders++; loaded = false; continue; }
    const img = tile.querySelector('img');
    if (!img || !img.complete || img.naturalWidth === 0) loaded = false;
  }
  return { blank, placeholders, loaded };
})()`;

export async function timelineBench(count = 100_000): Promise<TimelineFigures> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-timeline-'));
  const outDir = await buildApp();
  try {
    const { seconds: writeSeconds, listMs, datesMs } = await writeLibrary(home, count);
    const serve = await startServe(home, path.join(outDir, 'renderer'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
    try {
      const options = { order: 'taken', utcOffset: 0 };
      const cold = await timedCall(serve.origin, serve.token, 'timelineSummary', [options]);
      const warm = await timedCall(serve.origin, serve.token, 'timelineSummary', [options]);
      const pageCall = await timedCall(serve.origin, serve.token, 'timeline', [{ ...options, offset: Math.floor(count / 2), limit: 200 }]);
      const days = (cold.body as { days: unknown[] }).days.length;

      // The probes are strings evaluated in the page: the app's CSP (no eval) would refuse them.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      const t0 = performance.now();
      await page.goto(serve.url);
      await page.waitForFunction(`(() => { const p = ${PROBE}; return document.querySelectorAll('.timeline__scroller .tile').length > 0 && p.loaded; })()`, undefined, { timeout: 120_000, polling: 'raf' });
      const firstScreenMs = performance.now() - t0;

      // The fling: SPEED viewports a second for FLING_SECONDS, one step a frame.
      const fling = (await page.evaluate(`(async () => {
        const SPEED = ${FLING_VIEWPORTS_PER_S};
        const probe = () => ${PROBE};
        const scroller = document.querySelector('.timeline__scroller');
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
        const started = performance.now();
        let frames = 0, blank = 0, placeholders = 0;
        let last = performance.now();
        while (performance.now() - started < ${FLING_SECONDS * 1000}) {
          await frame();
          const now = performance.now();
          scroller.scrollTop += (now - last) / 1000 * SPEED * scroller.clientHeight;
          last = now;
          await frame();
          const p = probe();
          frames++;
          if (p.blank) blank++;
          if (p.placeholders > 0) placeholders++;
        }
        const stop = performance.now();
        while (!probe().loaded && performance.now() - stop < 30000) await frame();
        return { frames, blank, placeholders, filledAfterStopMs: performance.now() - stop };
      })()`)) as { frames: number; blank: number; placeholders: number; filledAfterStopMs: number };

      // Scrubber jumps: click months spread over the years, time until each screen is filled.
      const jumps = (await page.evaluate(`(async () => {
        const probe = () => ${PROBE};
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
        const ticks = [...document.querySelectorAll('.scrubber__tick')];
        const times = [];
        let blank = 0;
        for (let k = 1; k <= 10; k++) {
          const tick = ticks[Math.floor((k * (ticks.length - 1)) / 10)];
          const t0 = performance.now();
          tick.click();
          await frame();
          await frame();
          if (probe().blank) blank++;
          while (!probe().loaded && performance.now() - t0 < 30000) await frame();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return { jumps: times.length, p50: times[Math.floor(times.length / 2)], blank };
      })()`)) as { jumps: number; p50: number; blank: number };

      return {
        photos: count,
        writeSeconds,
        listMs,
        datesMs,
        summaryColdMs: cold.ms,
        summaryWarmMs: warm.ms,
        pageWarmMs: pageCall.ms,
        days,
        firstScreenMs,
        scrollFrames: fling.frames,
        blankRowFrames: fling.blank,
        placeholderFrames: fling.placeholders,
        filledAfterStopMs: fling.filledAfterStopMs,
        jumps: jumps.jumps,
        jumpFilledP50Ms: jumps.p50,
        jumpBlankRowFrames: jumps.blank,
      };
    } finally {
      await browser.close();
      await serve.stop();
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export function printTimeline(f: TimelineFigures): void {
  printTable(`Timeline at ${f.photos.toLocaleString('en')} photos in Chromium under shoebox serve (synthetic library, ${f.days.toLocaleString('en')} days)`, [
    ['library written to the store', `${f.writeSeconds.toFixed(1)} s`, 'rows only, no embedding; then the indexes a scan builds'],
    ['store listing of every photo, in process', `${f.listMs.toFixed(0)} ms`, 'LanceDB, summary columns ordered by path'],
    ['store read of every photo\'s dates, in process', `${f.datesMs.toFixed(0)} ms`, 'listPhotoDates: path, hash, times; what the summary builds on'],
    ['timelineSummary, first call', `${f.summaryColdMs.toFixed(0)} ms`, 'builds the date order from the store'],
    ['timelineSummary, warm / a 200-photo page', `${f.summaryWarmMs.toFixed(0)} / ${f.pageWarmMs.toFixed(0)} ms`, 'over HTTP, JSON included'],
    ['time to first screen', `${f.firstScreenMs.toFixed(0)} ms`, 'navigation to every visible thumbnail loaded'],
    ['long scroll: frames with a blank row', `${f.blankRowFrames} of ${f.scrollFrames}`, `a ${FLING_SECONDS} s fling at ${FLING_VIEWPORTS_PER_S} viewports/s`],
    ['  frames with tiles still loading', `${f.placeholderFrames} of ${f.scrollFrames}`, 'placeholders while their page is on its way'],
    ['  screen filled after the fling stops', `${f.filledAfterStopMs.toFixed(0)} ms`],
    ['scrubber jump to a month: screen filled, p50', `${f.jumpFilledP50Ms.toFixed(0)} ms`, `${f.jumps} jumps over the years; ${f.jumpBlankRowFrames} showed a blank row`],
  ]);
}

export function timelineJson(f: TimelineFigures): Record<string, number> {
  return {
    photos: f.photos,
    list_ms: round(f.listMs, 0),
    dates_ms: round(f.datesMs, 0),
    summary_cold_ms: round(f.summaryColdMs, 0),
    summary_warm_ms: round(f.summaryWarmMs, 0),
    page_warm_ms: round(f.pageWarmMs, 0),
    first_screen_ms: round(f.firstScreenMs, 0),
    scroll_frames: f.scrollFrames,
    blank_row_frames: f.blankRowFrames,
    placeholder_frames: f.placeholderFrames,
    filled_after_stop_ms: round(f.filledAfterStopMs, 0),
    jump_filled_p50_ms: round(f.jumpFilledP50Ms, 0),
    jump_blank_row_frames: f.jumpBlankRowFrames,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await timelineBench(Number(process.argv[2] ?? 100_000));
  printTimeline(figures);
  console.log(JSON.stringify({ bench: 'timeline', ...timelineJson(figures) }));
}
