// What search needs of the library: the active model (to embed query texts and images), the
// home (where its calibration is kept) and the store's reads a query makes. LibraryService
// has all of it; albums extend it (src/core/albums) and unit tests hand in fakes
// (test/helpers/fakes/), so search never depends on the library service itself.
import type { ClipModel } from '../clip/clip-model';
import type { TextEmbedder } from '../tags/label-embeddings';
import type { FailureRepository, FavouriteRepository, LabelSetRepository, PhotoListing, PhotoLookups, PhotoTextRepository, StoreUpkeep, TagRepository, VectorReads, VectorSearch, VideoFrameRepository } from '../store/types';
import type { LibraryFiles } from '../location/library-files';

/** The store's reads a search makes: ranking, counting, result rows, and the tag, favourites and place filters' tables. */
export type SearchStore = VectorSearch &
  // An example the index failed on says why (example-index-failure.ts).
  Pick<FailureRepository, 'listFailures'> &
  Pick<FavouriteRepository, 'favouriteHashes'> &
  Pick<PhotoListing, 'countPhotos' | 'listPhotoDates'> &
  Pick<PhotoLookups, 'getPhoto' | 'photosByPath' | 'dataVersion' | 'photosVersion'> &
  Pick<LabelSetRepository, 'listLabelSets'> &
  Pick<TagRepository, 'listTags'> &
  // `text:` terms (text-terms.ts): the text read in photos, and their paths and vectors by content.
  Pick<PhotoTextRepository, 'searchPhotoText'> &
  Pick<VectorReads, 'pathsByHash' | 'vectorsByHash'> &
  // The same without a model (text-without-model.ts): the library's rows, not a model's.
  Pick<PhotoListing, 'libraryPathsByHash' | 'listPhotos' | 'countListed'> &
  // Videos rank by their best frame (video-moments.ts).
  Pick<VideoFrameRepository, 'searchVideoFrames' | 'videoFramesOf'> &
  // Which build's vectors are read: the calibration is kept per build (search-service.ts calibrationKey).
  Pick<StoreUpkeep, 'modelTablesKey'>;

/** The model as query terms use it (ClipModel): texts, and images outside the library. */
export interface QueryModel extends TextEmbedder {
  embedImageFiles: ClipModel['embedImageFiles'];
  readonly folder: Pick<ClipModel['folder'], 'preprocessing'>;
}

export interface SearchLibrary {
  readonly modelId: string;
  readonly paths: { readonly home: string };
  /** The library's own files: the calibration is kept there (location/library-files.ts). */
  readonly files: LibraryFiles;
  /** Set when this device has no model (the library opened for viewing only): clip() throws it,
   *  and only `text:` terms can be searched (text-without-model.ts). */
  readonly modelMissing?: Error | undefined;
  clip(): QueryModel;
  readable(): Promise<SearchStore>;
}
