// In-memory photo text and library settings (photo_text, library_settings) for the fake
// store. Search here is a plain word match, not LanceDB's index: policy tests that need the
// real full-text search use a real library (test/integration/text-*.test.ts).
import type { LibrarySettings, PhotoTextHit, PhotoTextRecord, PhotoTextRepository } from '../../../src/core/store/types';

export function fakePhotoText(): PhotoTextRepository & LibrarySettings {
  const rows = new Map<string, PhotoTextRecord>();
  const settings = new Map<string, string>();
  return {
    async putPhotoText(records) {
      for (const r of records) rows.set(r.hash, { ...r });
    },
    async photoTextModels() {
      return new Map([...rows.values()].map((r) => [r.hash, r.model]));
    },
    async getPhotoText(hashes) {
      return hashes.flatMap((h) => (rows.has(h) ? [{ ...rows.get(h)! }] : []));
    },
    async searchPhotoText(query, options) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const hits: PhotoTextHit[] = [];
      for (const r of rows.values()) {
        const score = words.filter((w) => r.text.toLowerCase().includes(w)).length;
        if (score > 0) hits.push({ ...r, score });
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, options.limit);
    },
    async getLibrarySetting(name) {
      return settings.get(name) ?? null;
    },
    async putLibrarySetting(name, json) {
      settings.set(name, json);
    },
  };
}
