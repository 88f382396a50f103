// Text in photos end to end (issue #14): the index rate with "Text in photos" off and on
// (the same photos, fresh libraries: embedding + thumbnails, then the reading pass), the
// OCR's cost per photo inside that run, and recall/precision of `search --text` on the
// photos with known text (test/helpers/text-photos.ts: phrases set in DejaVu fonts over real
// photos, level, tilted, small, faint; exact and with one misread letter), on the real photos
// with text in ../shared (a cash machine's signs, a Chinese watermark), single words (the
// drawn phrases' words of four letters or more: a word also held elsewhere counts against
// precision), and for phrases and near-miss words (hotel beside MOTEL) no photo holds. `npx tsx bench/ocr-search.ts` runs this part alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibrary } from '../src/core/engine';
import { closeRecognizeText } from '../src/core/ocr';
import { search } from '../src/core/search/search-service';
import { setTextInPhotos } from '../src/core/text';
import { fixtureModelDir, TINY_IMMICH, VIT_B32_IMMICH } from '../test/fixtures/models/paths';
import { writeTextPhotos, type MadeTextPhoto } from '../test/helpers/text-photos';
import { cameraPhotos } from './bench-photos';
import { measure, printTable, round, type Row } from './stats';

/** Phrases no photo of the set holds, for false matches. */
const ABSENT = ['zebra crossing ahead', 'parking fines apply tonight', 'fresh fish market', 'no entry after dark', 'happy birthday grandma'];
/** Words no photo holds, one letter from words some photo holds (MOTEL, CASE/CAFE, OPEN, SALE, BREAD): a real word is not a misread. */
const NEAR_MISSES = ['hotel', 'care', 'opens', 'sole', 'bead', 'exits'];

export interface TextSearchBench {
  model: string;
  photos: number;
  rateOff: number;
  rateOn: number;
  /** Extra CPU and wall time per photo with the setting on (the OCR pass). */
  ocrCpuMs: number;
  ocrWallMs: number;
  sets: { name: string; queries: number; recall: number; precision: number }[];
  absentHits: number;
  nearMissHits: number;
}

/** One letter of the longest word changed to its neighbour in the alphabet: a misread. */
function misread(phrase: string): string {
  const words = phrase.split(' ');
  const i = words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0);
  const w = words[i]!;
  const k = Math.floor(w.length / 2);
  const c = w[k]!;
  const next = /[a-y]/i.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : 'a';
  words[i] = w.slice(0, k) + next + w.slice(k + 1);
  return words.join(' ');
}

function modelDir(): { id: string; dir: string } {
  const vit = fixtureModelDir(VIT_B32_IMMICH);
  return fs.existsSync(vit) ? { id: VIT_B32_IMMICH, dir: vit } : { id: TINY_IMMICH, dir: fixtureModelDir(TINY_IMMICH) };
}

async function indexOnce(dir: string, model: string, textOn: boolean) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-text-'));
  const library = openLibrary({ home, modelDir: model, provider: 'cpu', command: 'bench' });
  if (textOn) await setTextInPhotos(await library.writable(), true);
  const m = await measure(() => library.index([dir]));
  return { library, home, ...m };
}

export async function textSearchBench(): Promise<TextSearchBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-text-photos-'));
  const made: MadeTextPhoto[] = await writeTextPhotos(dir);
  // Camera frames (6.3 MP, no text) as most of a library is: the rate is for them too.
  const camera = cameraPhotos().slice(0, Number(process.env.BENCH_TEXT_CAMERA ?? 8));
  fs.mkdirSync(path.join(dir, 'camera'));
  for (const p of camera) fs.copyFileSync(p, path.join(dir, 'camera', `${path.basename(path.dirname(p))}-${path.basename(p)}`));
  const photos = made.length + camera.length;
  const { id, dir: model } = modelDir();
  const off = await indexOnce(dir, model, false);
  await off.library.close();
  const on = await indexOnce(dir, model, true);
  try {
    const drawn = made.flatMap((m) => (m.case ? m.case.text.map((t) => ({ phrase: t.text, file: m.file })) : []));
    const real = made.filter((m) => !m.case && m.text !== '').map((m) => ({ phrase: m.text, file: m.file }));
    const sets = [
      { name: 'rendered, as written', list: drawn },
      { name: 'rendered, single words', list: drawn.flatMap((q) => q.phrase.split(' ').filter((w) => w.length >= 4).map((w) => ({ phrase: w, file: q.file }))) },
      { name: 'rendered, one letter misread', list: drawn.map((q) => ({ ...q, phrase: misread(q.phrase), written: q.phrase })) },
      { name: 'real photos with text', list: real },
    ];
    const figures: TextSearchBench['sets'] = [];
    // A hit is right when it is the photo the phrase came from, or another that holds all its words as written.
    const textOf = new Map(made.map((m) => [m.file, new Set(m.text.toLowerCase().split(/[^\p{L}\p{N}]+/u))]));
    const holds = (file: string, phrase: string) => phrase.toLowerCase().split(' ').every((w) => textOf.get(file)?.has(w));
    for (const set of sets as { name: string; list: { phrase: string; file: string; written?: string }[] }[]) {
      let found = 0;
      let returned = 0;
      let right = 0;
      for (const q of set.list) {
        const hits = (await search(on.library, `text:"${q.phrase}"`, { limit: 50 })).hits.map((h) => h.path);
        returned += hits.length;
        right += hits.filter((h) => h === q.file || holds(h, q.written ?? q.phrase)).length;
        if (hits.includes(q.file)) found++;
      }
      figures.push({ name: set.name, queries: set.list.length, recall: found / set.list.length, precision: returned ? right / returned : 1 });
    }
    let absentHits = 0;
    for (const phrase of ABSENT) absentHits += (await search(on.library, `text:"${phrase}"`, { limit: 50 })).hits.length;
    let nearMissHits = 0;
    for (const word of NEAR_MISSES) nearMissHits += (await search(on.library, `text:"${word}"`, { limit: 50 })).hits.length;
    return {
      model: id,
      photos,
      rateOff: photos / off.wall,
      rateOn: photos / on.wall,
      ocrCpuMs: ((on.cpu - off.cpu) * 1000) / photos,
      ocrWallMs: ((on.wall - off.wall) * 1000) / photos,
      sets: figures,
      absentHits,
      nearMissHits,
    };
  } finally {
    await on.library.close();
    await closeRecognizeText();
  }
}

export function printTextSearchBench(b: TextSearchBench): void {
  const rows: Row[] = [
    ['index rate, text in photos off', `${b.rateOff.toFixed(2)} photos/s`, `${b.photos} photos, model ${b.model}, fresh library`],
    ['index rate, text in photos on', `${b.rateOn.toFixed(2)} photos/s`, `costs ${((1 - b.rateOn / b.rateOff) * 100).toFixed(0)}% of the rate: opt-in (issue #14: on by default only at <= 25%)`],
    ['OCR per photo, in the index run', `${b.ocrCpuMs.toFixed(0)} ms CPU`, `${b.ocrWallMs.toFixed(0)} ms wall`],
    ...b.sets.map((s): Row => [`search --text: ${s.name}`, `recall ${(s.recall * 100).toFixed(0)}%`, `precision ${(s.precision * 100).toFixed(0)}%, ${s.queries} phrases`]),
    ['search --text: phrases no photo holds', `${b.absentHits} photos found`, `${ABSENT.length} phrases`],
    ['search --text: near misses no photo holds', `${b.nearMissHits} photos found`, `${NEAR_MISSES.length} words one letter from words held (${NEAR_MISSES.join(', ')})`],
  ];
  printTable(`Text in photos, end to end (${os.availableParallelism()} cores)`, rows);
}

export function textSearchJson(b: TextSearchBench): Record<string, unknown> {
  return {
    model: b.model,
    photos: b.photos,
    index_rate_off: round(b.rateOff),
    index_rate_on: round(b.rateOn),
    ocr_cpu_ms: round(b.ocrCpuMs),
    ocr_wall_ms: round(b.ocrWallMs),
    search: b.sets.map((s) => ({ set: s.name, queries: s.queries, recall: round(s.recall, 3), precision: round(s.precision, 3) })),
    absent_hits: b.absentHits,
    near_miss_hits: b.nearMissHits,
  };
}

/** For run.ts: the table now, the JSON fields for its line. */
export async function runTextSearchBench(): Promise<Record<string, unknown> | null> {
  if (process.env.BENCH_SKIP_OCR) return null;
  const b = await textSearchBench();
  printTextSearchBench(b);
  return textSearchJson(b);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTextSearchBench()
    .then((json) => console.log(JSON.stringify({ bench: 'shoebox-ocr-search', ...json })))
    .catch((err: unknown) => {
      console.error(`bench: ${(err as Error).message}`);
      process.exitCode = 1;
    });
}
