// The duplicate scan over a library: reads through the read-only store (so it runs while a
// watcher writes), and saves the signatures it had to compute when it can take the writer;
// when another process holds it, the signatures are used for this scan and computed again
// next time.
import type { PhotoLookups, SignatureRecord, SignatureRepository } from '../store/types';
import type { ThumbnailReader } from '../media';
import { findDuplicates, type FindDuplicatesOptions, type ScanStore } from './find-duplicates';
import { keepRealFiles } from './keep-best';
import { planTrash, trashPhotos, type TrashPhotosOptions, type TrashPhotosResult, type TrashPlan, type TrashStore } from './trash-duplicates';
import type { DuplicateGroup, DuplicateScan } from './types';
import { storeForEachRead } from './store-for-each-read';

/** The repositories duplicates use: the scan's reads, signatures, trashing, the rows' scan states. */
export type DupesStore = ScanStore & TrashStore & SignatureRepository & Pick<PhotoLookups, 'photoStates'>;

/** What the scan needs of the library (LibraryService has it; unit tests hand in fakes). */
export interface DupesLibrary {
  readonly thumbnails: ThumbnailReader;
  readable(): Promise<DupesStore>;
  writable(): Promise<DupesStore>;
}

export class DupesService {
  constructor(private readonly library: DupesLibrary) {}

  /** `writer`: the caller holds (or wants) the writer anyway, e.g. to trash afterwards. */
  async scan(options: FindDuplicatesOptions & { writer?: boolean } = {}): Promise<DuplicateScan> {
    const { writer = false, ...scanOptions } = options;
    const writing = writer ? await this.library.writable() : undefined;
    // Reading, each read asks for the store anew: saving signatures takes the writer partway,
    // which retires the reader the scan began on (store-for-each-read.ts).
    const store = writing ?? storeForEachRead(() => this.library.readable());
    let target: DupesStore | null | undefined = writing;
    const saveSignatures = async (records: SignatureRecord[]) => {
      if (target === undefined) {
        try {
          target = await this.library.writable();
        } catch (err) {
          if ((err as Error).name !== 'LibraryBusyError') throw err;
          target = null; // another process writes: keep them for this scan only
        }
      }
      await target?.putSignatures(records);
    };
    const scan = await findDuplicates({ store, thumbs: this.library.thumbnails, saveSignatures }, scanOptions);
    if (target === null) scan.stats.signaturesSaved = false;
    // Rows cannot tell a link from its target: the real file is kept over links to it.
    return { ...scan, groups: await keepRealFiles(scan.groups) };
  }

  /** What trashing these groups would move (keepers and changed files excluded). */
  async planTrash(groups: readonly DuplicateGroup[]): Promise<TrashPlan> {
    const store = await this.library.writable();
    return planTrash(groups, await store.photoStates());
  }

  /**
   * Moves the paths of a plan to the trash and forgets them in the library; a path whose
   * real file a staying photo (`keep`, or any library photo of the same content) resolves
   * to is refused, in `refused` (trash-duplicates.ts).
   */
  async trash(paths: readonly string[], options: TrashPhotosOptions = {}): Promise<TrashPhotosResult> {
    return trashPhotos(await this.library.writable(), paths, options);
  }
}
