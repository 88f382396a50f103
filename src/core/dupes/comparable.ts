// Which two contents the near and similar kinds may join. A video's signature and vector are
// its poster frame's (about 1 s in), so videos that open alike look like one picture: the
// parts of one recording, a long take and a short clip of its start, a clip made from a photo
// and that photo. A copy or a re-encode of a video keeps its length, so videos are joined only
// to videos of about the same length, and never to a photo (exact copies, by content, still are).

/** Two videos' lengths may differ by this much (the larger of the two) and still be one video. */
export const VIDEO_LENGTH_TOLERANCE = { ms: 1_000, share: 0.02 } as const;

/** The test for contents 0..n-1 given each one's video length (null for a photo). */
export function comparableContents(durationsMs: readonly (number | null)[]): (i: number, j: number) => boolean {
  return (i, j) => {
    const a = durationsMs[i] ?? null;
    const b = durationsMs[j] ?? null;
    if (a === null || b === null) return a === b;
    return Math.abs(a - b) <= Math.max(VIDEO_LENGTH_TOLERANCE.ms, VIDEO_LENGTH_TOLERANCE.share * Math.max(a, b));
  };
}
