// Tags (`tags` table): rows keyed by content hash rather than path, so tags and decisions
// follow a photo through moves and renames, and identical copies share them. Paths come from
// joining with the active model's photos table.
//
// Two kinds of rows, so that switching models never loses either:
// - the classifier's tags (`state` 'auto'), one row per (hash, set, label, model): each model
//   keeps its own, and a model's run replaces only its own rows. Switching away and back
//   finds the first model's tags as they were;
// - the user's decisions ('accepted' / 'rejected'), one row per (hash, set, label), whatever
//   the model: a decision holds under every model and hides that model's auto row.
// Rows written before tags were per model have the 3-part key with state 'auto'; they read
// as their `modelId`'s auto tags, and that model's next run replaces them by 4-part rows.
// "A model" is one build of it: auto rows are kept per build as the photos tables are, their
// `modelId` column naming the build (auto-tags-owner.ts); decisions have no build.
import type { TagQuery, TagRecord, TagState } from './types';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TAG_TABLES, tagsSchema } from './tag-tables';
import { autoTagsOwner } from './auto-tags-owner';
import { chunkForPredicate, equals, inList } from './sql';

const STATES: readonly TagState[] = ['auto', 'accepted', 'rejected'];
/** Above this many hashes, one read of the whole set beats chunked IN lists. */
const SCOPED_READ_MAX = 8192;

/** The key of a decision (and of a tag as the user sees it): JSON [hash, set, label]. */
export function tagKey(t: { hash: string; set: string; label: string }): string {
  return JSON.stringify([t.hash, t.set, t.label]);
}

/** The key of one model's auto tag: JSON [hash, set, label, modelId] (`modelId` as stored: its build's, autoTagsOwner). */
export function autoTagKey(t: { hash: string; set: string; label: string; modelId: string }): string {
  return JSON.stringify([t.hash, t.set, t.label, t.modelId]);
}

type StoredTag = TagRecord & { key: string };

export class TagsRepository {
  constructor(private readonly conn: LibraryConnection) {}

  /**
   * Records the user's decisions: 'accepted' or 'rejected' replaces the decision on that
   * (hash, set, label); 'auto' removes it, handing the photo back to the classifier (the
   * active model's auto tag, if it has one, shows again).
   */
  async put(tags: TagRecord[]): Promise<void> {
    if (tags.length === 0) return;
    const table = await this.conn.ensureTable(TAG_TABLES.tags, tagsSchema());
    const byKey = new Map(tags.map((t) => [tagKey(t), t]));
    const decisions = [...byKey.values()].filter((t) => t.state !== 'auto');
    const forgotten = [...byKey].filter(([, t]) => t.state === 'auto').map(([key]) => key);
    if (decisions.length) await table.mergeInsert('key').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(toArrow(decisions, tagKey));
    // Only decision rows have the 3-part key (besides legacy auto rows, which are auto anyway).
    await this.deleteWhere(chunkForPredicate(forgotten).map((chunk) => `NOT (${equals('state', 'auto')}) AND ${inList('key', chunk)}`));
  }

  /**
   * Makes `tags` model `modelId`'s auto tags of set `set` for the photos `hashes`. Writes only
   * what changed: new tags and changed scores in one merge, then deletes that model's auto
   * tags in scope that no longer hold. Other models' tags and the decisions are not touched.
   * A crash in between leaves stale auto tags that the next run deletes, never a lost one.
   * `tablesKey`: the build's (LibraryStore.modelTablesKey; by default the id's own tables):
   * only that build's rows are replaced, other builds of the id keep theirs.
   */
  async replaceAuto(modelId: string, set: string, hashes: readonly string[] | 'all', tags: TagRecord[], tablesKey?: string): Promise<void> {
    const owner = autoTagsOwner(modelId, tablesKey);
    // A small scope (the indexer's batch of new photos) reads only its own rows.
    const scope = hashes === 'all' || hashes.length > SCOPED_READ_MAX ? { set } : { set, hashes };
    const previous = new Map((await this.stored(scope, autoOf(owner))).map((t) => [t.key, t]));
    const fresh = new Map<string, TagRecord>();
    for (const t of tags) {
      if (t.set !== set) throw new Error(`replaceAutoTags(${set}) was given a tag of set ${t.set}`);
      if (t.modelId !== modelId) throw new Error(`replaceAutoTags for model ${modelId} was given a tag of model ${t.modelId}`);
      const row = { ...t, modelId: owner, state: 'auto' as const };
      fresh.set(autoTagKey(row), row);
    }
    const changed = [...fresh].filter(([key, t]) => {
      const old = previous.get(key);
      return !old || Math.abs(old.score - t.score) > 1e-6;
    });
    if (changed.length) {
      const table = await this.conn.ensureTable(TAG_TABLES.tags, tagsSchema());
      await table.mergeInsert('key').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(toArrow(changed.map(([, t]) => t), autoTagKey));
    }
    const inScope = hashes === 'all' ? null : new Set(hashes);
    // Stale: this model's rows in scope not in `fresh`, legacy 3-part rows included (their key differs).
    const stale = [...previous].filter(([key, t]) => (!inScope || inScope.has(t.hash)) && !fresh.has(key)).map(([key]) => key);
    await this.deleteWhere(chunkForPredicate(stale).map((chunk) => `${equals('state', 'auto')} AND ${inList('key', chunk)}`));
  }

  /**
   * Tags as the user sees them under model `modelId`: the decisions, and that model's auto
   * tags (of the build reading the tables of `tablesKey`, as in replaceAuto; their `modelId`
   * is the model's id) where no decision was made on the same (hash, set, label). Without
   * `modelId` (internal use), every row as stored.
   */
  async list(query: TagQuery = {}, modelId?: string, tablesKey?: string): Promise<TagRecord[]> {
    const states = query.states ?? STATES;
    if (modelId === undefined) return (await this.stored(query, states.length < STATES.length ? inList('state', states) : null)).map(strip);
    const wantsAuto = states.includes('auto');
    const decided = STATES.filter((s) => s !== 'auto' && (wantsAuto || states.includes(s)));
    // A decision hides the auto tag it is about, so asking for auto tags reads decisions too.
    const own = autoOf(autoTagsOwner(modelId, tablesKey));
    const rows = (await this.stored(query, `(${inList('state', decided)})${wantsAuto ? ` OR (${own})` : ''}`)).map((t) => (t.state === 'auto' ? { ...t, modelId } : t));
    const seen = new Map<string, StoredTag>();
    for (const row of rows) {
      const key = tagKey(row);
      const other = seen.get(key);
      if (!other || rank(row) > rank(other)) seen.set(key, row);
    }
    return [...seen.values()].filter((t) => states.includes(t.state)).map(strip);
  }

  /** Every model's automatic tags of the set; the user's decisions on it stay (a set imported again finds them). */
  async removeSet(set: string): Promise<void> {
    await this.deleteWhere([`${equals('state', 'auto')} AND ${equals('set', set)}`]);
  }

  /** Every model's automatic tags of these labels of the set; the decisions on them stay.
   *  Returns the rows removed, as stored (`modelId` naming each build: autoTagsOwner). */
  async removeAutoOfLabels(set: string, labels: readonly string[]): Promise<TagRecord[]> {
    const predicates = chunkForPredicate([...labels]).map((chunk) => `${equals('state', 'auto')} AND ${inList('label', chunk)}`);
    const removed: TagRecord[] = [];
    for (const predicate of predicates) removed.push(...(await this.stored({ set }, predicate)).map(strip));
    await this.deleteWhere(predicates.map((predicate) => `${predicate} AND ${equals('set', set)}`));
    return removed;
  }

  private async stored(query: TagQuery, extra: string | null): Promise<StoredTag[]> {
    const table = await this.conn.table(TAG_TABLES.tags);
    if (!table) return [];
    const base: string[] = [];
    if (query.set !== undefined) base.push(equals('set', query.set));
    if (query.label !== undefined) base.push(equals('label', query.label));
    if (extra !== null) base.push(extra);
    const hashChunks = query.hashes ? chunkForPredicate([...new Set(query.hashes)]) : [null];
    const out: StoredTag[] = [];
    for (const chunk of hashChunks) {
      const where = chunk ? [...base, inList('hash', chunk)] : base;
      let q = table.query();
      if (where.length) q = q.where(where.map((w) => `(${w})`).join(' AND '));
      const rows = new ColumnReader(await q.toArrow());
      for (let i = 0; i < rows.length; i++) out.push(read(rows, i));
    }
    return out;
  }

  private async deleteWhere(predicates: string[]): Promise<void> {
    if (predicates.length === 0) return;
    const table = await this.conn.table(TAG_TABLES.tags);
    for (const predicate of predicates) await table?.delete(predicate);
  }
}

/** One build's auto rows; `owner` as stored (autoTagsOwner). */
function autoOf(owner: string): string {
  return `${equals('state', 'auto')} AND ${equals('modelId', owner)}`;
}

/** Which row wins for one (hash, set, label): a decision over an auto tag, then the newest. */
function rank(t: StoredTag): number {
  return (t.state === 'auto' ? 0 : 2 ** 52) + t.updatedAt;
}

function strip({ key: _key, ...tag }: StoredTag): TagRecord {
  return tag;
}

function toArrow(tags: TagRecord[], keyOf: (t: TagRecord) => string) {
  return rowsToArrow(
    tagsSchema(),
    tags.map((t) => ({ ...t, key: keyOf(t) })),
  );
}

function read(rows: ColumnReader, i: number): StoredTag {
  const state = rows.string('state', i) as TagState;
  if (!STATES.includes(state)) throw new Error(`Tag row ${i} has an unknown state ${JSON.stringify(state)}`);
  return {
    key: rows.string('key', i),
    hash: rows.string('hash', i),
    set: rows.string('set', i),
    label: rows.string('label', i),
    score: rows.number('score', i),
    state,
    modelId: rows.string('modelId', i),
    updatedAt: rows.number('updatedAt', i),
  };
}
