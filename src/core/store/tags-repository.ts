// Tags (`tags` table): one row per (content hash, label set, label), with the confidence of
// the last classification and the user's decision. Rows are keyed by content hash rather
// than path, so tags and decisions follow a photo through moves and renames, and identical
// copies share them. Paths come from joining with the active model's photos table.
import type { TagQuery, TagRecord, TagState } from './types';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TAG_TABLES, tagsSchema } from './tag-tables';
import { chunkForPredicate, column, equals, inList } from './sql';

const STATES: readonly TagState[] = ['auto', 'accepted', 'rejected'];
/** Above this many hashes, one read of the whole set beats chunked IN lists. */
const SCOPED_READ_MAX = 8192;

export function tagKey(t: { hash: string; set: string; label: string }): string {
  return JSON.stringify([t.hash, t.set, t.label]);
}

export class TagsRepository {
  constructor(private readonly conn: LibraryConnection) {}

  async put(tags: TagRecord[]): Promise<void> {
    if (tags.length === 0) return;
    const table = await this.conn.ensureTable(TAG_TABLES.tags, tagsSchema());
    const byKey = new Map(tags.map((t) => [tagKey(t), t]));
    await table.mergeInsert('key').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(toArrow([...byKey.values()]));
  }

  /**
   * Writes only what changed: new auto tags and changed scores in one merge (which never
   * overwrites a user's decision), then deletes the scope's auto tags that no longer hold.
   * A crash in between leaves stale auto tags that the next run deletes, never a lost one.
   */
  async replaceAuto(set: string, hashes: readonly string[] | 'all', tags: TagRecord[]): Promise<void> {
    // A small scope (the indexer's batch of new photos) reads only its own rows.
    const existing = await this.list(hashes === 'all' || hashes.length > SCOPED_READ_MAX ? { set } : { set, hashes });
    const decided = new Set(existing.filter((t) => t.state !== 'auto').map(tagKey));
    const previous = new Map(existing.filter((t) => t.state === 'auto').map((t) => [tagKey(t), t]));
    const fresh = new Map<string, TagRecord>();
    for (const t of tags) {
      if (t.set !== set) throw new Error(`replaceAutoTags(${set}) was given a tag of set ${t.set}`);
      const key = tagKey(t);
      if (!decided.has(key)) fresh.set(key, { ...t, state: 'auto' });
    }
    const changed = [...fresh].filter(([key, t]) => {
      const old = previous.get(key);
      return !old || Math.abs(old.score - t.score) > 1e-6 || old.modelId !== t.modelId;
    });
    if (changed.length) {
      const table = await this.conn.ensureTable(TAG_TABLES.tags, tagsSchema());
      await table
        .mergeInsert('key')
        .whenMatchedUpdateAll({ where: `target.${column('state')} = 'auto'` })
        .whenNotMatchedInsertAll()
        .execute(toArrow(changed.map(([, t]) => t)));
    }
    const scope = hashes === 'all' ? null : new Set(hashes);
    const stale = [...previous].filter(([key, t]) => (!scope || scope.has(t.hash)) && !fresh.has(key)).map(([key]) => key);
    await this.deleteWhere(chunkForPredicate(stale).map((chunk) => `${equals('state', 'auto')} AND ${inList('key', chunk)}`));
  }

  async list(query: TagQuery = {}): Promise<TagRecord[]> {
    const table = await this.conn.table(TAG_TABLES.tags);
    if (!table) return [];
    const base: string[] = [];
    if (query.set !== undefined) base.push(equals('set', query.set));
    if (query.label !== undefined) base.push(equals('label', query.label));
    if (query.states) base.push(inList('state', query.states));
    const hashChunks = query.hashes ? chunkForPredicate([...new Set(query.hashes)]) : [null];
    const out: TagRecord[] = [];
    for (const chunk of hashChunks) {
      const where = chunk ? [...base, inList('hash', chunk)] : base;
      let q = table.query();
      if (where.length) q = q.where(where.map((w) => `(${w})`).join(' AND '));
      const rows = new ColumnReader(await q.toArrow());
      for (let i = 0; i < rows.length; i++) out.push(read(rows, i));
    }
    return out;
  }

  async removeSet(set: string): Promise<void> {
    await this.deleteWhere([equals('set', set)]);
  }

  private async deleteWhere(predicates: string[]): Promise<void> {
    if (predicates.length === 0) return;
    const table = await this.conn.table(TAG_TABLES.tags);
    for (const predicate of predicates) await table?.delete(predicate);
  }
}

function toArrow(tags: TagRecord[]) {
  return rowsToArrow(
    tagsSchema(),
    tags.map((t) => ({ ...t, key: tagKey(t) })),
  );
}

function read(rows: ColumnReader, i: number): TagRecord {
  const state = rows.string('state', i) as TagState;
  if (!STATES.includes(state)) throw new Error(`Tag row ${i} has an unknown state ${JSON.stringify(state)}`);
  return {
    hash: rows.string('hash', i),
    set: rows.string('set', i),
    label: rows.string('label', i),
    score: rows.number('score', i),
    state,
    modelId: rows.string('modelId', i),
    updatedAt: rows.number('updatedAt', i),
  };
}
