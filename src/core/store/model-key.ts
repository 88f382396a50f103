// Table names for model ids. LanceDB table names allow [A-Za-z0-9_.-] and become directory
// names, which are case-insensitive on macOS and Windows. So the key is the id lower-cased
// with every other character turned into `-`, cut to 48 characters, plus the first 8 hex
// digits of the id's SHA-256 so that ids differing only in case or punctuation never share
// a table:   `ViT-B-32__openai`            -> `vit-b-32__openai-<8 hex>`
//            `Xenova/clip-vit-base-patch32` -> `xenova-clip-vit-base-patch32-<8 hex>`
// The mapping only depends on the id, so it is stable across versions; the exact id is
// kept in the table's schema metadata (`shoebox.modelId`) for listing.
//
// An id alone does not say which weights made a table's vectors: a model removed and another
// imported under the same id, or two devices sharing a library with different builds of "the
// same" id. So each photos table also records its weights' fingerprint (model-tables.ts), and a
// build whose fingerprint differs from the one the id's own tables hold gets tables of its own:
// the key plus `-w` and 12 hex digits of its fingerprint (weightsKey). The id's own key ends in
// 8 hex digits, a weights key in `w` and 12, so no id's key is another build's.
import { createHash } from 'node:crypto';

export const PHOTOS_TABLE_PREFIX = 'photos__';

export function modelKey(modelId: string): string {
  if (modelId.length === 0) throw new Error('A model id must not be empty');
  const slug = modelId
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 48);
  const digest = createHash('sha256').update(modelId, 'utf8').digest('hex').slice(0, 8);
  return `${slug}-${digest}`;
}

/** What weightsKey puts between the id's key and the weights' 12 hex digits. */
const WEIGHTS_SEPARATOR = '-w';

/** The key of the tables of a build of `modelId` other than the one its own tables hold. */
export function weightsKey(modelId: string, weights: string): string {
  if (!/^[0-9a-f]{12,}$/.test(weights)) throw new Error(`Not a weights fingerprint: ${weights}`);
  return `${modelKey(modelId)}${WEIGHTS_SEPARATOR}${weights.slice(0, 12)}`;
}

/**
 * Whether `tablesKey` names tables of `modelId`: the id's own key, or a build's (weightsKey).
 * Not a bare prefix test: the id `vit-b-<8 hex>` (the key of `vit-b`, taken as an id) has a key
 * that begins with `vit-b`'s, and that model's tables, report or tags must never pass for these.
 * A build's key is exactly the id's plus `-w` and 12 hex digits, which no id's key is (those
 * end in `-` and 8 hex digits).
 */
export function isBuildKeyOf(tablesKey: string, modelId: string): boolean {
  const own = modelKey(modelId);
  if (tablesKey === own) return true;
  if (!tablesKey.startsWith(own + WEIGHTS_SEPARATOR)) return false;
  return /^[0-9a-f]{12}$/.test(tablesKey.slice(own.length + WEIGHTS_SEPARATOR.length));
}

/** The photos table of `modelId`: its own (the key of the id), or that of one build of it (`key`: weightsKey). */
export function photosTableName(modelId: string, key = modelKey(modelId)): string {
  return PHOTOS_TABLE_PREFIX + key;
}

export function isPhotosTable(tableName: string): boolean {
  return tableName.startsWith(PHOTOS_TABLE_PREFIX);
}
