// What albums need of the library: search's (an album's query is a search query) plus the
// albums table, the store's lookups by path and content (pins and exclusions follow moves),
// the active model's vectors of pinned photos, the library folders (export refuses to write
// into them), the turns and the date and place edits export writes into copies, and the data
// version members are cached under. LibraryService has all of it; unit tests hand in fakes
// (test/helpers/fakes/).
import type { SearchLibrary, SearchStore } from '../search/search-library';
import type { AlbumRepository, FolderRepository, PhotoListing, PhotoLookups, VectorReads } from '../store/types';
import type { ExportEditsStore } from './export-edits';
import type { ExportTurnsStore } from './export-turns';

export type AlbumStore = SearchStore &
  AlbumRepository &
  Pick<FolderRepository, 'listFolders'> &
  Pick<PhotoLookups, 'dataVersion' | 'photosVersion'> &
  Pick<VectorReads, 'pathsByHash' | 'vectorsByHash'> &
  Pick<PhotoListing, 'libraryPathsByHash'> &
  ExportTurnsStore &
  ExportEditsStore;

export interface AlbumLibrary extends SearchLibrary {
  readable(): Promise<AlbumStore>;
  /** The store for writing (LibraryService: takes the writer lock). */
  writable(): Promise<AlbumStore>;
}
