// In-memory video frames (VideoFrameRepository of src/core/store/types.ts): ranked by cosine
// like LanceDB's table, so a search policy can be tested against chosen frame vectors.
import type { FrameHit, VideoFrameRecord, VideoFrameRepository } from '../../../src/core/store/types';

/** `liveHashes`: the content hashes the library's photo rows hold (what pruning keeps). */
export function fakeVideoFrames(liveHashes: () => Set<string>): VideoFrameRepository & { readonly frames: Map<string, VideoFrameRecord[]> } {
  const frames = new Map<string, VideoFrameRecord[]>();
  return {
    frames,
    async putVideoFrames(hash, records) {
      frames.set(hash, [...records]);
    },
    async searchVideoFrames(vector, limit, hashes) {
      const allowed = hashes ? new Set(hashes) : null;
      const hits: FrameHit[] = [];
      for (const [hash, list] of frames) {
        if (allowed && !allowed.has(hash)) continue;
        for (const f of list) hits.push({ hash, timeMs: f.timeMs, score: f.vector.reduce((s, v, i) => s + v * vector[i]!, 0) });
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
    async videoFramesOf(hashes) {
      return new Map(hashes.flatMap((h) => (frames.has(h) ? [[h, frames.get(h)!] as const] : [])));
    },
    async videosWithFrames(hashes) {
      return new Set(hashes.filter((h) => frames.has(h)));
    },
    async countVideoFrames() {
      return [...frames.values()].reduce((n, l) => n + l.length, 0);
    },
    async pruneVideoFrames() {
      const live = liveHashes();
      const gone = [...frames.keys()].filter((h) => !live.has(h));
      for (const h of gone) frames.delete(h);
      return gone.length;
    },
  };
}
