// In-memory tagging tables: label sets, tags with the user's decisions, auto-tag folders
// (LabelSetRepository, TagRepository, AutoTagFolderRepository of src/core/store/types.ts),
// with the real store's rules (src/core/store/tags-repository.ts): auto tags are per model,
// a decision is per (hash, set, label) whatever the model and hides the active model's auto
// tag on that label, `putTags` with state 'auto' forgets the decision, `replaceAutoTags`
// touches only the model's auto tags in scope, removing a set removes its tags and folders.
import type { AutoTagFolderRecord, AutoTagFolderRepository, LabelSetRecord, LabelSetRepository, TagQuery, TagRecord, TagRepository } from '../../../src/core/store/types';

export type FakeTags = LabelSetRepository &
  TagRepository &
  AutoTagFolderRepository & {
    /** Every stored row, auto tags of every model and decisions (tests inspect it). */
    readonly rows: Map<string, TagRecord>;
  };

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `touch` marks a write for `dataVersion`. */
export function fakeTags(modelId: string, touch: () => void = () => {}): FakeTags {
  const sets = new Map<string, LabelSetRecord>();
  const rows = new Map<string, TagRecord>();
  const folders = new Map<string, AutoTagFolderRecord>();
  const decisionKey = (t: Pick<TagRecord, 'hash' | 'set' | 'label'>) => JSON.stringify([t.hash, t.set, t.label]);
  const autoKey = (t: Pick<TagRecord, 'hash' | 'set' | 'label' | 'modelId'>) => JSON.stringify([t.hash, t.set, t.label, t.modelId]);
  const inQuery = (t: TagRecord, q: TagQuery) =>
    (q.set === undefined || t.set === q.set) && (q.label === undefined || t.label === q.label) && (q.hashes === undefined || q.hashes.includes(t.hash));

  const listTags = async (query: TagQuery = {}): Promise<TagRecord[]> => {
    const states = query.states ?? ['auto', 'accepted', 'rejected'];
    const seen = new Map<string, TagRecord>();
    for (const t of rows.values()) {
      if (!inQuery(t, query) || (t.state === 'auto' && t.modelId !== modelId)) continue;
      const other = seen.get(decisionKey(t));
      const rank = (x: TagRecord) => (x.state === 'auto' ? 0 : 2 ** 52) + x.updatedAt;
      if (!other || rank(t) > rank(other)) seen.set(decisionKey(t), t);
    }
    return [...seen.values()].filter((t) => states.includes(t.state)).map((t) => ({ ...t }));
  };

  return {
    rows,
    async putLabelSet(record) {
      sets.set(record.name, { ...record });
    },
    async getLabelSet(name) {
      return sets.get(name) ?? null;
    },
    async listLabelSets() {
      return [...sets.values()].sort(byName);
    },
    async removeLabelSet(name) {
      for (const [key, t] of rows) if (t.set === name && t.state === 'auto') rows.delete(key);
      for (const [key, f] of folders) if (f.set === name) folders.delete(key);
      sets.delete(name);
      touch();
    },
    async replaceAutoTags(set, hashes, tags) {
      const scope = hashes === 'all' ? null : new Set(hashes);
      for (const t of tags) {
        if (t.set !== set) throw new Error(`replaceAutoTags(${set}) was given a tag of set ${t.set}`);
        if (t.modelId !== modelId) throw new Error(`replaceAutoTags for model ${modelId} was given a tag of model ${t.modelId}`);
      }
      for (const [key, t] of rows) if (t.state === 'auto' && t.set === set && t.modelId === modelId && (!scope || scope.has(t.hash))) rows.delete(key);
      for (const t of tags) rows.set(autoKey(t), { ...t, state: 'auto' });
      touch();
    },
    async removeAutoTagsOfLabels(set, labels) {
      const removed: TagRecord[] = [];
      for (const [key, t] of rows) {
        if (t.state !== 'auto' || t.set !== set || !labels.includes(t.label)) continue;
        removed.push({ ...t });
        rows.delete(key);
      }
      touch();
      return removed;
    },
    async putTags(tags) {
      for (const t of tags) {
        if (t.state === 'auto') rows.delete(decisionKey(t));
        else rows.set(decisionKey(t), { ...t });
      }
      touch();
    },
    listTags,
    async addAutoTagFolder(folder, set) {
      const key = JSON.stringify([folder, set]);
      if (!folders.has(key)) folders.set(key, { folder, set, addedAt: Date.now() });
    },
    async removeAutoTagFolder(folder, set) {
      for (const [key, f] of folders) if (f.folder === folder && (set === undefined || f.set === set)) folders.delete(key);
    },
    async listAutoTagFolders() {
      return [...folders].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, f]) => ({ ...f }));
    },
  };
}
