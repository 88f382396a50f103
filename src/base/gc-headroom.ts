// More room for V8's heap between full collections while a long, allocation-heavy run lasts.
//
// Why: indexing allocates fast (megabytes of pixels per photo outside V8's heap, and many
// short-lived objects). V8 set its old-generation limit at ~1.5x the live heap (42 MB live,
// limit 66 MB), which left less room than its young generation holds, and it then starts
// marking at once: it marked continuously, a full collection every ~9 photos, ~7% of a first
// index's CPU. Letting the old generation grow to 2x the live heap between collections
// (V8's --heap-growing-percent, read at every full collection) made it one in ~17 photos.
// Measured on 192 camera-like photos, 2 cores: 20-27 -> 10-12 full collections, about
// 8 ms less CPU per photo. Scoped: V8's own sizing returns when the last run ends.
import v8 from 'node:v8';

/** Old generation allowed between full collections: (1 + PERCENT/100) x the live heap. */
const PERCENT = 100;

let runs = 0;

/** Runs `work` with the larger heap headroom; nested and concurrent runs share it. */
export async function withGcHeadroom<T>(work: () => Promise<T>): Promise<T> {
  if (runs++ === 0) setGrowingPercent(PERCENT);
  try {
    return await work();
  } finally {
    if (--runs === 0) setGrowingPercent(0); // 0: V8 chooses the factor itself
  }
}

function setGrowingPercent(percent: number): void {
  // The flag exists in every V8 that Node 18-24 and Electron 25-38 ship (10.x-14.x); an unknown
  // flag would print "unrecognized flag" on stderr, so other engines are left alone.
  const major = Number(process.versions.v8?.split('.')[0]);
  if (major >= 10 && major <= 14) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
