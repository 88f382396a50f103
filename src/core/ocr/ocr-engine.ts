// Text in a photo: PaddleOCR's PP-OCRv4 detector finds the text lines, its recogniser reads
// each one. Both run on the project's own ONNX Runtime through CLIP's session loader (the
// same provider choice: a GPU provider that loads and is measured faster, else CPU). The
// sessions are loaded once per engine, on first use, however many callers arrive at once;
// model runs take turns, so concurrent photos never oversubscribe the cores.
import ort from 'onnxruntime-node';
import type { ExecutionProviderName } from '../../shared/api';
import { loadSession, type LoadedSession } from '../clip/session-loader';
import { providerOrder } from '../clip/providers';
import { ctcGreedyDecode } from './ctc-decode';
import { dbBoxes, DB_DEFAULTS } from './db-postprocess';
import { detectionInput, DET_MAX_SIDE } from './detection-input';
import type { Point, Quad } from './geometry';
import { cropLine, REC_HEIGHT } from './line-crop';
import { readingLines } from './reading-order';
import { OcrError } from './ocr-error';
import { OCR_DECODE_SIDE, readRgb, type OcrImage, type RgbImage } from './ocr-image';
import { addTurns } from '../../shared/rotation';
import { packagedOcrModels, readCharset, type OcrModelFiles } from './ocr-models';

/** One detected box (a line, or the part of a printed line between wide spaces) and what it reads. */
export interface OcrLine {
  text: string;
  /** Mean character probability, 0..1. */
  score: number;
  /** Corners in pixels of the upright photo (turned, when read turned): top-left, top-right, bottom-right, bottom-left. */
  box: Quad;
}

export interface OcrResult {
  /** The text in reading order: one line of output per printed line, its boxes' texts joined by spaces. */
  text: string;
  lines: OcrLine[];
  /** The upright photo's size (turned, when read turned), the frame of the boxes. */
  width: number;
  height: number;
}

export interface OcrEngineOptions {
  provider?: ExecutionProviderName | 'auto';
  /** Intra-op threads per session; ONNX Runtime's own choice (the core count) when absent. */
  threads?: number;
  /** Long side of the detector's input (PaddleOCR: 960). Smaller is faster and misses small text. */
  detMaxSide?: number;
  /** Lines read with a lower mean character probability are dropped (PaddleOCR: 0.5). */
  minScore?: number;
  models?: OcrModelFiles;
  verdictCache?: string;
}

export const OCR_MIN_SCORE = 0.5;
/**
 * A lone character is the recogniser's usual invention on texture (carving, foliage): one
 * is kept only when read with at least this probability. Measured on ../shared's photos
 * without text: "欢" at 0.66 on a fountain's ornament; the digits on a real odometer read 0.99.
 */
const SINGLE_CHAR_MIN_SCORE = 0.8;

export class OcrEngine {
  private constructor(
    private readonly det: LoadedSession,
    private readonly rec: LoadedSession,
    private readonly charset: readonly string[],
    private readonly options: OcrEngineOptions,
  ) {}

  static async load(options: OcrEngineOptions = {}): Promise<OcrEngine> {
    const requested = options.provider ?? 'auto';
    const common = { providers: providerOrder(requested), mode: requested === 'auto' ? ('auto' as const) : ('forced' as const), threads: options.threads, verdictCache: options.verdictCache };
    try {
      const models = options.models ?? packagedOcrModels();
      const det = await loadSession(models.detection, { ...common, probe: { batch: 1, imageSize: 640 } });
      const rec = await loadSession(models.recognition, { ...common, probe: { batch: 1, imageSize: 320 } });
      return new OcrEngine(det, rec, readCharset(models.dictionary), options);
    } catch (err) {
      throw new OcrError(`OCR models cannot be loaded: ${err instanceof Error ? err.message : String(err)}`, 'engine');
    }
  }

  /** The provider each model runs on, e.g. for `info`. */
  get providers(): { detection: ExecutionProviderName; recognition: ExecutionProviderName } {
    return { detection: this.det.provider, recognition: this.rec.provider };
  }

  /** Reads the image as it shows once turned by `turns` clockwise quarter turns (Rotate): the
   *  boxes and the size are then the turned image's. */
  async recognize(image: OcrImage, turns = 0): Promise<OcrResult> {
    const rgb = await readRgb(image, OCR_DECODE_SIDE, addTurns(turns, 0));
    const input = await detectionInput(rgb, this.options.detMaxSide ?? DET_MAX_SIDE);
    const probs = await this.turn(() => this.det.session.run({ [this.det.session.inputNames[0]!]: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) }));
    const map = probs[this.det.session.outputNames[0]!]!;
    const [, , mapHeight, mapWidth] = map.dims as number[];
    const boxes = dbBoxes(map.data as Float32Array, mapWidth!, mapHeight!, DB_DEFAULTS);
    // Map pixels → raster pixels (the two may differ by the rounding to multiples of 32).
    const sx = rgb.width / mapWidth!;
    const sy = rgb.height / mapHeight!;
    const quads = boxes.map((b) => b.quad.map(([x, y]) => [x * sx, y * sy]) as Quad);
    const lines: OcrLine[] = [];
    // The boxes of one printed line (the detector splits a line at wide spaces) read as one line of text.
    const printed: string[] = [];
    for (const row of readingLines(quads)) {
      const words: string[] = [];
      for (const quad of row) {
        const read = await this.readLine(rgb, quad);
        const text = read.text.trim();
        const minScore = this.options.minScore ?? OCR_MIN_SCORE;
        if (text === '' || read.score < minScore || ([...text].length === 1 && read.score < Math.max(minScore, SINGLE_CHAR_MIN_SCORE))) continue;
        lines.push({ text, score: read.score, box: quad.map((p) => toOriginal(p, rgb)) as Quad });
        words.push(text);
      }
      if (words.length > 0) printed.push(words.join(' '));
    }
    return { text: printed.join('\n'), lines, width: rgb.originalWidth, height: rgb.originalHeight };
  }

  async release(): Promise<void> {
    await this.queue;
    await Promise.all([this.det.session.release(), this.rec.session.release()]);
  }

  private async readLine(rgb: RgbImage, quad: Quad): Promise<{ text: string; score: number }> {
    const line = cropLine(rgb, quad);
    const out = await this.turn(() => this.rec.session.run({ [this.rec.session.inputNames[0]!]: new ort.Tensor('float32', line.data, [1, 3, REC_HEIGHT, line.width]) }));
    const probs = out[this.rec.session.outputNames[0]!]!;
    const [, steps, classes] = probs.dims as number[];
    return ctcGreedyDecode(probs.data as Float32Array, steps!, classes!, this.charset);
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** One model run at a time per engine: each already uses every intra-op thread. */
  private turn<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function toOriginal(p: Point, rgb: RgbImage): Point {
  const round = (v: number, max: number): number => Math.round(Math.min(Math.max(v * rgb.scale, 0), max) * 10) / 10;
  return [round(p[0], rgb.originalWidth), round(p[1], rgb.originalHeight)];
}
