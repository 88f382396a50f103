// The kinds of edit a user makes by hand on a photo (content-edits.ts): each its table and the
// photo-row columns it sets.
import type { EditKind } from './content-edits';
import { TAG_TABLES, placeEditsSchema, takenEditsSchema } from './tag-tables';

/** The date taken (Edit date & time, Shift dates). */
export const TAKEN_EDITS: EditKind = { table: TAG_TABLES.takenEdits, schema: takenEditsSchema, columns: ['takenAt', 'takenOffset'] };

/** The place (Edit location): a position, named like a GPS one (core/places). */
export const PLACE_EDITS: EditKind = { table: TAG_TABLES.placeEdits, schema: placeEditsSchema, columns: ['gpsLat', 'gpsLon'] };
