import { useRef, useState, type ReactNode } from 'react';
import type { FolderInfo, IndexProgress, JobState } from '../../shared/api';
import { formatCount } from '../lib/format';
import { AddFolderForm } from './AddFolderForm';
import { ImportPhotosForm } from './ImportPhotosForm';
import { FolderRow } from './FolderRow';
import { ProgressLine } from './JobProgress';
import { onThisDayText } from '../lib/on-this-day';
import { useViewingOnly } from '../hooks/useViewingOnly';

interface SidebarProps {
  folders: FolderInfo[];
  jobs: JobState[];
  sync: IndexProgress | null;
  /** When `folders` was read (LibraryState.foldersAt). */
  foldersAt?: number;
  photos: number;
  /** The folder the grid is limited to; null for the whole library; undefined when the
   *  main area shows another screen (nothing here is selected). */
  folder: string | null | undefined;
  onShowFolder: (folder: string | null) => void;
  /** "Recently added" is the view shown. */
  recent: boolean;
  onShowRecent: () => void;
  /** "Favourites" is the view shown; `favouriteCount`: how many (null until known). */
  favourites: boolean;
  favouriteCount: number | null;
  onShowFavourites: () => void;
  /** "On this day" is the view shown; `onThisDayCount`: how many (null until known). The entry
   *  shows only when today has photos from earlier years (or while it is shown). */
  onThisDay?: boolean;
  onThisDayCount?: number | null;
  onShowOnThisDay?: () => void;
  /** "Videos" is the view shown; `videoCount`: how many videos the library has (null until
   *  known). The entry shows only when it has some (or while it is shown). */
  videos?: boolean;
  videoCount?: number | null;
  onShowVideos?: () => void;
  /** The Places page (or a place's timeline) is shown; `placeCount`: photos placed in a town (null until known). */
  places: boolean;
  placeCount: number | null;
  onShowPlaces: () => void;
  /** "Archive" is the view shown; `archiveCount`: how many photos are archived (null until known). */
  archive?: boolean;
  archiveCount?: number | null;
  onShowArchive?: () => void;
  /** The feature sections below the folders: label sets, smart albums, duplicates. */
  children?: ReactNode;
}

/** The library and its folders, then the feature sections. */
/** A watcher catch-up this long offers Pause on the folders; a copied file or two does not flash it. */
const SYNC_WORTH_PAUSING = 20;

export function Sidebar({ folders, foldersAt = 0, jobs, sync, photos, folder, onShowFolder, recent, onShowRecent, favourites, favouriteCount, onShowFavourites, onThisDay = false, onThisDayCount = null, onShowOnThisDay, videos = false, videoCount = null, onShowVideos, places, placeCount, onShowPlaces, archive = false, archiveCount = null, onShowArchive, children }: SidebarProps) {
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  // Esc in the import form: closed, and the focus back on "Import…" (else it falls to the page).
  const closeImport = () => {
    setImporting(false);
    importButton.current?.focus();
  };
  const addButton = useRef<HTMLButtonElement>(null);
  // Esc in the add-folder form, as in the import form: closed, the focus back on "+ Add".
  const closeAdd = () => {
    setAdding(false);
    addButton.current?.focus();
  };
  const viewingOnly = useViewingOnly();
  // When the watcher last started catching up: a run's summary older than that is not shown.
  const [syncedAt, setSyncedAt] = useState(0);
  const [wasSyncing, setWasSyncing] = useState(false);
  if ((sync !== null) !== wasSyncing) {
    setWasSyncing(sync !== null);
    if (sync !== null) setSyncedAt(Date.now());
  }
  // Each folder shows its most recent job (jobs arrive most active first).
  // A folder's own jobs only: an import into the folder, or tagging it, shows where it was started.
  const jobFor = (path: string) => jobs.find((job) => job.folder === path && (job.kind === 'index' || job.kind === 'remove-folder'));
  return (
    <nav className="sidebar" aria-label="Library">
      <button type="button" className={folder === null ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={folder === null} onClick={() => onShowFolder(null)}>
        <span>All photos</span>
        <span className="muted">{photos.toLocaleString()}</span>
      </button>
      <button type="button" className={recent ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={recent} onClick={onShowRecent}>
        <span>Recently added</span>
      </button>
      <button type="button" className={favourites ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={favourites} onClick={onShowFavourites}>
        <span>Favourites</span>
        {favouriteCount !== null && <span className="muted">{favouriteCount.toLocaleString()}</span>}
      </button>
      {onShowOnThisDay && (onThisDay || (onThisDayCount ?? 0) > 0) && (
        <button type="button" className={onThisDay ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={onThisDay} title={`Photos taken on ${onThisDayText()}`} onClick={onShowOnThisDay}>
          <span>On this day</span>
          {onThisDayCount !== null && <span className="muted">{onThisDayCount.toLocaleString()}</span>}
        </button>
      )}
      {onShowVideos && (videos || (videoCount ?? 0) > 0) && (
        <button type="button" className={videos ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={videos} title="The library's videos" onClick={onShowVideos}>
          <span>Videos</span>
          {videoCount !== null && <span className="muted">{videoCount.toLocaleString()}</span>}
        </button>
      )}
      <button type="button" className={places ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={places} title="Photos by where they were taken" onClick={onShowPlaces}>
        <span>Places</span>
        {placeCount !== null && <span className="muted">{placeCount.toLocaleString()}</span>}
      </button>
      {/* Last of the library's views: where photos go to be out of the way. */}
      {onShowArchive && (
        <button type="button" className={archive ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'} aria-pressed={archive} title="Photos kept out of the timeline (search still finds them)" onClick={onShowArchive}>
          <span>Archive</span>
          {archiveCount !== null && <span className="muted">{archiveCount.toLocaleString()}</span>}
        </button>
      )}
      <div className="sidebar__section">
        <h2>Folders</h2>
        {!viewingOnly && (
          <span className="sidebar__section-actions">
            {folders.length > 0 && (
              <button type="button" className="link-button" ref={importButton} aria-expanded={importing} aria-label={importing ? 'Close import' : undefined} onClick={() => setImporting((v) => !v)} title="Copy the photos of a camera card or folder into the library">
                {importing ? 'Close' : 'Import…'}
              </button>
            )}
            <button type="button" className="link-button" ref={addButton} aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
              {adding ? 'Cancel' : '+ Add'}
            </button>
          </span>
        )}
      </div>
      {adding && !viewingOnly && <AddFolderForm autoFocus onAdded={() => setAdding(false)} onClose={closeAdd} />}
      {importing && !viewingOnly && folders.length > 0 && <ImportPhotosForm folders={folders} onClose={closeImport} />}
      {sync && <ProgressLine label="Syncing changes" progress={sync} />}
      <ul className="folders">
        {folders.map((f) => (
          <FolderRow key={f.libraryPath ?? f.path} folder={f} job={jobFor(f.path)} syncing={sync !== null && sync.total >= SYNC_WORTH_PAUSING} syncedAt={syncedAt} folderAt={foldersAt} selected={folder === f.path} onSelect={() => onShowFolder(f.path)} />
        ))}
      </ul>
      {folders.length > 0 && <p className="sidebar__foot muted small">{formatCount(folders.length, 'folder')}</p>}
      {children}
    </nav>
  );
}
