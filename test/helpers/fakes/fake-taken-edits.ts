// In-memory dates taken set by hand (TakenEditRepository of src/core/store/types.ts), over the
// fake photos' rows as the real store does over its tables: an edit rewrites every row of the
// content, a commit of an edited content takes the edit, a restore puts the file's date back.
import type { PhotoRecord, TakenEdit, TakenEditRepository } from '../../../src/core/store/types';
import { withTakenEdits } from '../../../src/core/store/taken-edits-repository';
import type { FakePhotos } from './fake-photos';

export function fakeTakenEdits(photos: FakePhotos): TakenEditRepository & Pick<FakePhotos, 'upsertPhotos'> {
  let edits = new Map<string, TakenEdit>();
  const rewrite = (hashes: ReadonlySet<string>, date: (hash: string) => [number | null, number | null]) => {
    for (const [p, row] of photos.rows) {
      if (!hashes.has(row.hash)) continue;
      const [takenAt, takenOffset] = date(row.hash);
      photos.rows.set(p, { ...row, takenAt, takenOffset });
    }
    photos.touch();
  };
  return {
    async setTakenAt(list) {
      edits = new Map(edits); // a map handed out earlier stays as it was, like the real cache's
      for (const e of list) {
        const before = edits.get(e.hash);
        edits.set(e.hash, before ? { ...e, fileTakenAt: before.fileTakenAt, fileTakenOffset: before.fileTakenOffset, editedAt: Date.now() } : { ...e, editedAt: Date.now() });
      }
      rewrite(new Set(list.map((e) => e.hash)), (h) => [edits.get(h)!.takenAt, edits.get(h)!.takenOffset]);
    },
    async restoreTakenAt(hashes) {
      const restored = new Map(hashes.flatMap((h) => (edits.has(h) ? [[h, edits.get(h)!] as const] : [])));
      rewrite(new Set(restored.keys()), (h) => [restored.get(h)!.fileTakenAt, restored.get(h)!.fileTakenOffset]);
      edits = new Map([...edits].filter(([h]) => !restored.has(h)));
    },
    async repairTakenAt() {
      const stale = new Set([...photos.rows.values()].filter((r) => edits.has(r.hash) && (r.takenAt !== edits.get(r.hash)!.takenAt || (r.takenOffset ?? null) !== edits.get(r.hash)!.takenOffset)).map((r) => r.hash));
      if (stale.size) rewrite(stale, (h) => [edits.get(h)!.takenAt, edits.get(h)!.takenOffset]);
      return stale.size;
    },
    async takenEdits() {
      return edits;
    },
    async upsertPhotos(records: PhotoRecord[]) {
      await photos.upsertPhotos(withTakenEdits(records, edits));
    },
  };
}
