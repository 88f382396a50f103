// Choices that belong to the library, not to one device (`library_settings`): they travel
// with it (a library on S3 shared by several devices) and every device honours them, such
// as "read the text in photos". Named JSON values; the features validate them. Created by
// the first write: a library without the table has every setting at its default.
import { NamedJsonRepository } from './named-json-repository';
import type { LibraryConnection } from './connection';
import { labelSetsSchema } from './tag-tables';

export const LIBRARY_SETTINGS_TABLE = 'library_settings';

/** The same columns as the other named-JSON tables: name, json, updatedAt. */
export function librarySettingsRepository(conn: LibraryConnection): NamedJsonRepository {
  return new NamedJsonRepository(conn, LIBRARY_SETTINGS_TABLE, labelSetsSchema);
}
