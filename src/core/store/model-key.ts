// Table names for model ids. LanceDB table names allow [A-Za-z0-9_.-] and become directory
// names, which are case-insensitive on macOS and Windows. So the key is the id lower-cased
// with every other character turned into `-`, cut to 48 characters, plus the first 8 hex
// digits of the id's SHA-256 so that ids differing only in case or punctuation never share
// a table:   `ViT-B-32__openai`            -> `vit-b-32__openai-<8 hex>`
//            `Xenova/clip-vit-base-patch32` -> `xenova-clip-vit-base-patch32-<8 hex>`
// The mapping only depends on the id, so it is stable across versions; the exact id is
// kept in the table's schema metadata (`shoebox.modelId`) for listing.
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

export function photosTableName(modelId: string): string {
  return PHOTOS_TABLE_PREFIX + modelKey(modelId);
}

export function isPhotosTable(tableName: string): boolean {
  return tableName.startsWith(PHOTOS_TABLE_PREFIX);
}
