// `npm run bench`: a table for people and one JSON line for scripts. Targets (issue #2):
// embed rate >= 0.95x the work bound and >= 2.8x transformers.js on camera-sized JPEGs with
// a ViT-B/32-shaped model. The machine is noisy: compare figures from one run.
import { fixtureModelDir, VIT_B32_IMMICH, VIT_B32_TRANSFORMERS } from '../test/fixtures/models/paths';
import { cameraPhotos } from './bench-photos';
import { clipThroughput } from './clip-throughput';
import { transformersJsRate } from './transformers-js';
import { peakRssMb, printTable, round } from './stats';

async function main(): Promise<void> {
  const photos = cameraPhotos();
  const clip = await clipThroughput(fixtureModelDir(VIT_B32_IMMICH), photos);
  const rssAfterShoebox = peakRssMb();
  const tjs = await transformersJsRate(fixtureModelDir(VIT_B32_TRANSFORMERS), photos);

  const vsBound = clip.embedRate / clip.workBound;
  const vsTjs = clip.embedRate / tjs;
  printTable(`CLIP embedding, ViT-B/32-shaped model, ${photos.length} camera JPEGs (6 MP), ${clip.cores} cores`, [
    ['inference on ready tensors, batch 8', `${clip.inferenceRateBatch8.toFixed(1)} photos/s`],
    ['inference on ready tensors, batch 1', `${clip.inferenceRateBatch1.toFixed(1)} photos/s`],
    ['decode + preprocess CPU per photo', `${clip.decodeCpuMsPerPhoto.toFixed(1)} ms`],
    ['work bound', `${clip.workBound.toFixed(1)} photos/s`, '1 / (1/inference + decode_cpu/cores)'],
    ['Shoebox embed rate (decode to vector)', `${clip.embedRate.toFixed(1)} photos/s`, `${vsBound.toFixed(2)}x the bound (target >= 0.95)`],
    ['transformers.js embed rate', `${tjs.toFixed(1)} photos/s`, `Shoebox is ${vsTjs.toFixed(2)}x (target >= 2.8)`],
    ['text query latency p50 / p95', `${clip.textLatencyP50Ms.toFixed(1)} / ${clip.textLatencyP95Ms.toFixed(1)} ms`, 'tokenize + encode'],
    ['peak RSS (Shoebox part / whole run)', `${rssAfterShoebox.toFixed(0)} / ${peakRssMb().toFixed(0)} MB`],
  ]);
  console.log(
    JSON.stringify({
      bench: 'clip-embed',
      photos: photos.length,
      cores: clip.cores,
      inference_rate_b8: round(clip.inferenceRateBatch8),
      inference_rate_b1: round(clip.inferenceRateBatch1),
      decode_cpu_ms: round(clip.decodeCpuMsPerPhoto),
      work_bound: round(clip.workBound),
      embed_rate: round(clip.embedRate),
      embed_vs_bound: round(vsBound, 3),
      transformers_js_rate: round(tjs),
      embed_vs_transformers_js: round(vsTjs, 3),
      text_p50_ms: round(clip.textLatencyP50Ms),
      text_p95_ms: round(clip.textLatencyP95Ms),
      peak_rss_mb: round(peakRssMb(), 0),
      peak_rss_shoebox_mb: round(rssAfterShoebox, 0),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(`bench: ${(err as Error).message}`);
  process.exitCode = 1;
});
