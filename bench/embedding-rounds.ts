// Issue #2's figures, taken in rounds: in each round Shoebox's work bound and embed rate, then
// transformers.js on the same photos, back to back, so that each ratio compares figures the
// machine produced at the same speed (it drifts 10-20% between minutes). Medians are reported,
// with the spread of the ratios so a reader sees how much one run can be trusted.
import { ClipThroughputProbe, type ThroughputRound } from './clip-throughput';
import { TransformersJsProbe } from './transformers-js';
import { median } from './stats';

export interface EmbeddingRound extends ThroughputRound {
  tjsPerPhoto: number;
  tjsBatch8: number;
}

export interface EmbeddingFigures {
  cores: number;
  rounds: EmbeddingRound[];
  /** Medians over the rounds. */
  inferenceRateBatch8: number;
  decodeCpuMsPerPhoto: number;
  workBound: number;
  embedRate: number;
  tjsPerPhoto: number;
  tjsBatch8: number;
  /** Medians of the per-round ratios. */
  embedVsBound: number;
  embedVsTjs: number;
  embedVsTjsBatch8: number;
  /** The most any pipeline could be, per round: work bound / transformers.js. */
  boundVsTjs: number;
  inferenceRateBatch1: number;
  textLatencyP50Ms: number;
  textLatencyP95Ms: number;
}

export async function embeddingRounds(shoeboxModelDir: string, tjsModelDir: string, photos: string[], count: number): Promise<EmbeddingFigures> {
  const probe = await ClipThroughputProbe.open(shoeboxModelDir, photos);
  const rounds: EmbeddingRound[] = [];
  let tjs: TransformersJsProbe | undefined;
  try {
    tjs = await TransformersJsProbe.open(tjsModelDir, photos);
    for (let r = 0; r < count; r++) {
      const ours = await probe.round();
      rounds.push({ ...ours, tjsPerPhoto: await tjs.rate(photos, 1), tjsBatch8: await tjs.rate(photos, 8) });
    }
    const text = await probe.textLatencyMs();
    const of = (f: (r: EmbeddingRound) => number) => median(rounds.map(f));
    return {
      cores: probe.cores,
      rounds,
      inferenceRateBatch8: of((r) => r.inferenceRateBatch8),
      decodeCpuMsPerPhoto: of((r) => r.decodeCpuMsPerPhoto),
      workBound: of((r) => r.workBound),
      embedRate: of((r) => r.embedRate),
      tjsPerPhoto: of((r) => r.tjsPerPhoto),
      tjsBatch8: of((r) => r.tjsBatch8),
      embedVsBound: of((r) => r.embedRate / r.workBound),
      embedVsTjs: of((r) => r.embedRate / r.tjsPerPhoto),
      embedVsTjsBatch8: of((r) => r.embedRate / r.tjsBatch8),
      boundVsTjs: of((r) => r.workBound / r.tjsPerPhoto),
      inferenceRateBatch1: await probe.inferenceRateBatch1(),
      textLatencyP50Ms: text.p50,
      textLatencyP95Ms: text.p95,
    };
  } finally {
    await tjs?.close();
    await probe.close();
  }
}

/** "2.61-2.93" over the rounds, for the table. */
export function spread(rounds: EmbeddingRound[], f: (r: EmbeddingRound) => number): string {
  const values = rounds.map(f);
  return `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;
}
