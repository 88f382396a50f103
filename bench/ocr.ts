// Text in photos (issue #14): what PaddleOCR PP-OCRv4 costs per photo at the sizes the
// indexer sees (the 6.3 MP strecha frames), how well it reads the rendered set of
// test/helpers/ocr-cases.ts, and what it would cost the index rate. CPU time is the figure
// that matters on a busy or small machine (it is what the indexer's other work competes
// for); wall time is the latency of one photo. `npx tsx bench/ocr.ts` runs this part alone.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { OcrEngine, type OcrResult } from '../src/core/ocr';
import { readRgb } from '../src/core/ocr/ocr-image';
import { OCR_CASES, basePhotoPath, caseText } from '../test/helpers/ocr-cases';
import { photoWithText } from '../test/helpers/ocr-photos';
import { scoreWords } from '../test/helpers/ocr-words';
import { cameraPhotos, SHARED } from './bench-photos';
import { measure, median, printTable, round, type Row } from './stats';

/** The rule: text reading is on by default only if it costs at most this much of the index rate. */
const DEFAULT_ON_MAX_COST = 0.25;
/** Index rate on this 2-core machine from `npm run bench` (README), when none is passed. */
const KNOWN_INDEX_RATE = 12;

export interface OcrConfigFigures {
  threads: number;
  detMaxSide: number;
  cpuMsPerPhoto: number;
  wallMsPerPhoto: number;
  recall: number;
  precision: number;
  /** Letters and digits read, in all, on real photos without text. */
  inventedChars: number;
  /** Recall of a phrase set at each font size (px) on a full 3072 px camera frame. */
  bySize: Array<{ size: number; recall: number }>;
}

export interface OcrBench {
  cores: number;
  photos: number;
  decodeCpuMs: number;
  configs: OcrConfigFigures[];
  chosen: OcrConfigFigures;
  indexRate: number;
  indexRateWithOcr: number;
  cost: number;
}

/** Font sizes for the smallest-text ladder, in pixels of a 3072×2048 frame (cap height ≈ 0.73×). */
const LADDER_SIZES = [14, 20, 28, 40, 56];
const LADDER_TEXT = 'Departures board updated hourly';

const NO_TEXT_PHOTOS = ['strecha/fountain-P11/0000.jpg', 'strecha/entry-P10/0000.jpg', 'imagenet/n01440764_tench.JPEG', 'imagenet/n01530575_brambling.JPEG', 'imagenet/n02776631_bakery.JPEG'];

export async function ocrBench(indexRate = KNOWN_INDEX_RATE): Promise<OcrBench> {
  const cores = os.availableParallelism();
  const photos = cameraPhotos().slice(0, Number(process.env.BENCH_OCR_PHOTOS ?? 8));
  const rendered = await Promise.all(OCR_CASES.map((c) => photoWithText(basePhotoPath(c.base), c.width, c.text)));
  const ladder = await Promise.all(LADDER_SIZES.map((size) => photoWithText(photos[1]!, 3072, [{ text: LADDER_TEXT, x: 900, y: 1200, size, panel: '#ffffff' }])));
  const decode = await measure(async () => {
    for (const p of photos) await readRgb(p);
  });
  const configs: OcrConfigFigures[] = [];
  for (const detMaxSide of [960, 640]) {
    for (const threads of [1, cores]) {
      if (threads === 1 && cores === 1 && configs.some((c) => c.detMaxSide === detMaxSide)) continue;
      const engine = await OcrEngine.load({ provider: 'cpu', threads, detMaxSide });
      try {
        await engine.recognize(photos[0]!); // warm-up: first-run allocations
        const cpu: number[] = [];
        const wall: number[] = [];
        for (const p of photos) {
          const m = await measure(() => engine.recognize(p));
          cpu.push(m.cpu * 1000);
          wall.push(m.wall * 1000);
        }
        let expected = 0;
        let found = 0;
        let read = 0;
        let matched = 0;
        for (let i = 0; i < OCR_CASES.length; i++) {
          const s = scoreWords(caseText(OCR_CASES[i]!), (await engine.recognize(rendered[i]!)).text);
          expected += s.expected;
          found += s.found;
          read += s.read;
          matched += s.matched;
        }
        let inventedChars = 0;
        for (const p of NO_TEXT_PHOTOS) inventedChars += letters(await engine.recognize(`${SHARED}/photos/${p}`));
        const bySize: OcrConfigFigures['bySize'] = [];
        for (let i = 0; i < LADDER_SIZES.length; i++) {
          const s = scoreWords(LADDER_TEXT, (await engine.recognize(ladder[i]!)).text);
          bySize.push({ size: LADDER_SIZES[i]!, recall: s.found / s.expected });
        }
        configs.push({ threads, detMaxSide, cpuMsPerPhoto: median(cpu), wallMsPerPhoto: median(wall), recall: found / expected, precision: read ? matched / read : 1, inventedChars, bySize });
      } finally {
        await engine.release();
      }
    }
  }
  // The engine's defaults: PaddleOCR's 960, and the thread count with the least CPU per photo.
  const at960 = configs.filter((c) => c.detMaxSide === 960);
  const chosen = at960.reduce((a, b) => (b.cpuMsPerPhoto < a.cpuMsPerPhoto ? b : a));
  // Indexing keeps every core busy: OCR's CPU time per photo adds to the indexer's own.
  const indexRateWithOcr = 1 / (1 / indexRate + chosen.cpuMsPerPhoto / 1000 / cores);
  return { cores, photos: photos.length, decodeCpuMs: (decode.cpu * 1000) / photos.length, configs, chosen, indexRate, indexRateWithOcr, cost: 1 - indexRateWithOcr / indexRate };
}

function letters(result: OcrResult): number {
  return result.text.replace(/[^\p{L}\p{N}]/gu, '').length;
}

export function printOcrBench(b: OcrBench): void {
  const rows: Row[] = b.configs.map((c) => [
    `detector ${c.detMaxSide} px, ${c.threads} thread${c.threads > 1 ? 's' : ''}`,
    `${c.cpuMsPerPhoto.toFixed(0)} ms CPU`,
    `${c.wallMsPerPhoto.toFixed(0)} ms wall per 6.3 MP photo; rendered set recall ${(c.recall * 100).toFixed(0)}%, precision ${(c.precision * 100).toFixed(0)}%; ${c.inventedChars} characters read on ${NO_TEXT_PHOTOS.length} photos without text`,
  ]);
  for (const detMaxSide of [...new Set(b.configs.map((c) => c.detMaxSide))]) {
    const c = b.configs.find((x) => x.detMaxSide === detMaxSide)!;
    rows.push([`  text size read, detector ${detMaxSide} px`, c.bySize.map((s) => `${(s.recall * 100).toFixed(0)}%`).join(' / '), `recall at font sizes ${LADDER_SIZES.join(' / ')} px on a 3072 px frame`]);
  }
  rows.push(['decoding alone (to 1536 px), in the above', `${b.decodeCpuMs.toFixed(0)} ms CPU`, 'shared with the indexer if OCR reads the raster it already decodes']);
  rows.push([
    'index rate with OCR (chosen: 960 px)',
    `${b.indexRateWithOcr.toFixed(1)} photos/s`,
    `from ${b.indexRate.toFixed(1)} photos/s without: costs ${(b.cost * 100).toFixed(0)}% (default on only if <= ${DEFAULT_ON_MAX_COST * 100}%: ${b.cost <= DEFAULT_ON_MAX_COST ? 'on by default' : 'opt-in'})`,
  ]);
  printTable(`Text in photos: PaddleOCR PP-OCRv4 on ONNX Runtime (CPU), ${b.photos} camera JPEGs, ${OCR_CASES.length} rendered photos, ${b.cores} cores, medians`, rows);
}

export function ocrBenchJson(b: OcrBench): Record<string, unknown> {
  return {
    photos: b.photos,
    decode_cpu_ms: round(b.decodeCpuMs),
    configs: b.configs.map((c) => ({
      threads: c.threads,
      det_max_side: c.detMaxSide,
      cpu_ms: round(c.cpuMsPerPhoto),
      wall_ms: round(c.wallMsPerPhoto),
      recall: round(c.recall, 3),
      precision: round(c.precision, 3),
      invented_chars: c.inventedChars,
      recall_by_font_px: Object.fromEntries(c.bySize.map((s) => [s.size, round(s.recall, 3)])),
    })),
    chosen_threads: b.chosen.threads,
    index_rate: round(b.indexRate),
    index_rate_with_ocr: round(b.indexRateWithOcr),
    cost: round(b.cost, 3),
    default_on: b.cost <= DEFAULT_ON_MAX_COST,
  };
}

/** For run.ts: the table now, the JSON fields for its line. */
export async function runOcrBench(indexRate?: number): Promise<Record<string, unknown> | null> {
  if (process.env.BENCH_SKIP_OCR) return null;
  const b = await ocrBench(indexRate);
  printOcrBench(b);
  return ocrBenchJson(b);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runOcrBench(process.env.BENCH_INDEX_RATE ? Number(process.env.BENCH_INDEX_RATE) : undefined)
    .then((json) => console.log(JSON.stringify({ bench: 'shoebox-ocr', ...json })))
    .catch((err: unknown) => {
      console.error(`bench: ${(err as Error).message}`);
      process.exitCode = 1;
    });
}
