// Arrow schemas of the tables that tagging and albums add. They are model-independent and
// created by the first write that needs them (a library without them reads as having none),
// so adding them changed no existing table and needed no schema version (migrations.ts).
import { Field, Float64, Int32, Schema, Utf8 } from 'apache-arrow';

export const TAG_TABLES = {
  labelSets: 'label_sets',
  tags: 'tags',
  autoTagFolders: 'auto_tag_folders',
  albums: 'albums',
  favourites: 'favourites',
  archived: 'archived',
  takenEdits: 'taken_edits',
  placeEdits: 'place_edits',
  descriptions: 'descriptions',
  rotations: 'rotations',
} as const;

const text = (name: string): Field => new Field(name, new Utf8(), false);
const float = (name: string): Field => new Field(name, new Float64(), false);

/** A label set by name; `json` is the set as the user exports it (src/core/tags/label-set.ts). */
export function labelSetsSchema(): Schema {
  return new Schema([text('name'), text('json'), float('updatedAt')]);
}

/**
 * One tag of one photo content: `key` is JSON [hash, set, label] (the merge key), `state`
 * 'auto' | 'accepted' | 'rejected', `score` the confidence of the last classification,
 * `modelId` the model that computed it: its id, or `<id>@<tables key>` for another weights build
 * under an id used before (auto-tags-owner.ts).
 */
export function tagsSchema(): Schema {
  return new Schema([
    text('key'),
    text('hash'),
    text('set'),
    text('label'),
    float('score'),
    text('state'),
    text('modelId'),
    float('updatedAt'),
  ]);
}

/** Folders whose newly indexed photos are tagged with a set; `key` is JSON [folder, set]. */
export function autoTagFoldersSchema(): Schema {
  return new Schema([text('key'), text('folder'), text('set'), float('addedAt')]);
}

/** A smart album by name; `json` is its definition (src/core/albums/album.ts). */
export function albumsSchema(): Schema {
  return new Schema([text('name'), text('json'), float('updatedAt')]);
}

/** A photo content the user marked a favourite: `hash` (the merge key) and when. */
export function favouritesSchema(): Schema {
  return new Schema([text('hash'), float('favouredAt')]);
}

/** A photo content the user archived (left out of the timelines): `hash` (the merge key) and when. */
export function archivedSchema(): Schema {
  return new Schema([text('hash'), float('archivedAt')]);
}

/**
 * A photo content whose date taken the user set by hand (the file is never touched): the date
 * and offset set (the camera's clock read as UTC, as `takenAt` is stored), the file's own (to
 * restore them), and when. `hash` is the merge key.
 */
export function takenEditsSchema(): Schema {
  const nullable = (name: string, type: Float64 | Int32) => new Field(name, type, true);
  return new Schema([
    text('hash'),
    float('takenAt'),
    nullable('takenOffset', new Int32()),
    nullable('fileTakenAt', new Float64()),
    nullable('fileTakenOffset', new Int32()),
    float('editedAt'),
  ]);
}

/**
 * A photo content whose place the user set by hand (the file is never touched): the position
 * set (WGS84 degrees, as `gpsLat` / `gpsLon` are stored; null when the user removed the place),
 * the file's own (to restore it), and when. `hash` is the merge key. Tables made before places
 * could be removed have `gpsLat` / `gpsLon` not nullable: the first write widens them
 * (content-edits.ts).
 */
export function placeEditsSchema(): Schema {
  const nullable = (name: string) => new Field(name, new Float64(), true);
  return new Schema([text('hash'), nullable('gpsLat'), nullable('gpsLon'), nullable('fileGpsLat'), nullable('fileGpsLon'), float('editedAt')]);
}

/** A photo content's description, written by the user ("Grandma's 80th"): `hash` (the merge key), the text and when. */
export function descriptionsSchema(): Schema {
  return new Schema([text('hash'), text('text'), float('describedAt')]);
}

/** How a photo content is turned to show (Rotate): `hash` (the merge key), clockwise quarter turns 1-3 (none: no row) and when. */
export function rotationsSchema(): Schema {
  return new Schema([text('hash'), new Field('turns', new Int32(), false), float('rotatedAt')]);
}
