// A smart album's photos in the virtualized grid, best match first, with its query and
// threshold (a hand-picked album's, in the order they were added, without either); Edit, Export, and the photos excluded by hand (to put back). Opening a photo
// shows it in the shared viewer with the album's actions inside it (pin, unpin, exclude; an
// exclusion is said with Undo in a line that stays as the viewer moves on).
// "More like this" stays in the album screen: it lists a photo's look-alikes, any of which
// can be pinned into the album. Photos are selected as in the other grids (click,
// shift-click, ctrl/cmd-click, the keyboard) for the selection bar's actions; Delete there
// offers "Remove from album" (an exclusion, with Undo) before the trash.
import { useViewerFollowsPhoto } from '../../hooks/useViewerFollowsPhoto';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlbumInfo, AlbumPhoto, Photo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useListSelection } from '../../hooks/useListSelection';
import { usePhotoToOpen } from '../../hooks/usePhotoToOpen';
import { useViewingOnly } from '../../hooks/useViewingOnly';
import { refocusWhenLost } from '../../hooks/useRefocus';
import { baseName } from '../../lib/format';
import { PHOTOS_SCREEN, type ScreenProps } from '../../lib/screen';
import { PhotoGrid } from '../PhotoGrid';
import { SelectionBar } from '../SelectionBar';
import { SelectionNotice } from '../SelectionNotice';
import { Viewer } from '../Viewer';
import { AlbumPhotoBar } from './AlbumPhotoBar';
import { notifyAlbumsChanged, useAlbumsVersion } from './albums-changed';
import { albumCountText, describeFilters, describeThreshold, emptyAlbumText } from './album-text';
import { useTagsVersion } from '../tags/useTagsVersion';
import { ExcludedPhotos } from './ExcludedPhotos';
import { ExportPanel } from './ExportPanel';
import { PinnedMarks } from './PinnedMarks';
import { listingKey, useAlbumSource, type AlbumListing } from './useAlbumSource';

export function AlbumScreen({ screen, navigate, library, showPlace, photo, onPhoto }: ScreenProps) {
  const client = useClient();
  const version = useAlbumsVersion();
  // A label set changed (a tag renamed or removed) can break or mend an album's tag filter:
  // the album is read again, with its state and reason (the core's).
  const tagsVersion = useTagsVersion();
  const name = screen.kind === 'album' ? screen.name : '';
  const [state] = useAsync(async () => {
    const found = (await client.listAlbums()).find((a) => a.name === name);
    if (!found) throw new Error(`There is no album named “${name}” any more.`);
    return found;
  }, [client, name, version, library.photosVersion, tagsVersion]);

  if (state.status === 'error') {
    return (
      <div className="album-screen album-screen--message">
        <p className="form-error" role="alert">
          {state.message}
        </p>
        <button type="button" className="button" onClick={() => navigate(PHOTOS_SCREEN)}>
          Show all photos
        </button>
      </div>
    );
  }
  // A previous album's answer may still be here until this one's arrives.
  if (state.status === 'loading' || state.value.name !== name) return <p className="album-screen album-screen--message muted">Loading…</p>;
  return <AlbumView key={name} album={state.value} screen={screen} navigate={navigate} showPlace={showPlace} photo={photo} onPhoto={onPhoto} refresh={`${version}|${library.photosVersion}|${tagsVersion}`} />;
}

type Panel = 'export' | 'excluded' | null;

interface AlbumViewProps extends Pick<ScreenProps, 'screen' | 'navigate' | 'showPlace' | 'photo' | 'onPhoto'> {
  album: AlbumInfo;
  refresh: string;
}

function AlbumView({ album, screen, navigate, showPlace, photo, onPhoto, refresh }: AlbumViewProps) {
  const client = useClient();
  const title = useRef<HTMLHeadingElement>(null);
  const excludedToggle = useRef<HTMLButtonElement>(null);
  const [listing, setListing] = useState<AlbumListing>({ kind: 'members', album: album.name });
  // The viewer's photo, by position and by id (as App's): see the effect below.
  const [viewer, setViewer] = useState<{ index: number; id: string | undefined } | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  // Only viewed here (another process writes the library): the album shows, and exports, but
  // is not edited, and no photo is pinned, excluded or put back.
  const viewingOnly = useViewingOnly();
  const source = useAlbumSource(listing, refresh);
  const { photos } = source;
  const setViewerIndex = useCallback((index: number | null) => setViewer(index === null ? null : { index, id: photos.get(index)?.id }), [photos]);
  // The photo on screen stays on screen when the list changes under it (an exclusion undone
  // puts a photo back before it): the viewer follows it to its new position. One excluded
  // from the viewer is not in the list any more: the photo that took its place stays shown.
  // A step onto a photo whose page had not arrived yet: the photo once it has (the URL names it).
  const viewerIndex = useViewerFollowsPhoto(viewer, photos, setViewer);
  const members = listing.kind === 'members';

  // The URL's photo (a reload, Back or Forward onto it) opens in the viewer once the album's
  // list has it (one gone since opens nothing); the photo shown is told back for the URL, so
  // that opening one is a history entry Back closes. Only the album's own: its look-alikes'
  // listing is not in the URL. A photo the user opens first (or the look-alikes) drops it.
  const toOpen = usePhotoToOpen({
    initial: photo?.id ?? null,
    listKey: listingKey(listing),
    source: photos,
    active: viewer === null && members,
    open: useCallback((index: number, id: string) => setViewer({ index, id }), []),
    notFound: useCallback(() => onPhoto?.(screen, null, true), [onPhoto, screen]),
  });
  const { openById } = toOpen;
  const asked = useRef(photo?.asked);
  useEffect(() => {
    if (!photo || photo.asked === asked.current) return;
    asked.current = photo.asked;
    setViewer(null);
    setListing({ kind: 'members', album: album.name });
    openById(photo.id);
  }, [photo, album.name, openById]);
  const shownPhoto = useRef<string | null>(null);
  if (viewer === null) shownPhoto.current = null;
  else if (viewer.id !== undefined) shownPhoto.current = viewer.id;
  const reported = members ? (viewer === null ? toOpen.wanted : shownPhoto.current) : null;
  useEffect(() => onPhoto?.(screen, reported), [onPhoto, screen, reported]);
  // The selection is of this listing's photos, as the main grid's: a pin, an exclusion, a
  // favourite or a photo the watcher indexed meanwhile reloads the list (refresh), and the
  // photos selected stay selected wherever they now sit (those gone leave it); what was done
  // stays said (the notice) until another listing.
  const chosen = useListSelection(listingKey(listing), listingKey(listing), photos);
  const selectedCount = chosen.count;

  // A photo excluded from inside the viewer leaves the list: stay on the one that took its
  // place, step back from the end, close when none is left.
  useEffect(() => {
    if (viewerIndex === null || !photos.settled) return;
    if (photos.count === 0) setViewerIndex(null);
    else if (viewerIndex >= photos.count) setViewerIndex(photos.count - 1);
  }, [viewerIndex, photos, photos.count, photos.settled]);

  // Opened from the editor (Save, Cancel, Esc) or after a deletion elsewhere, the control that
  // had the focus is gone: the album's title takes it, so the keyboard starts from here. A
  // viewer opened meanwhile (the URL's photo) has the focus, and gives it back to its tile.
  const titleWatch = useRef<() => void>(() => {});
  useEffect(() => (titleWatch.current = refocusWhenLost(() => title.current, 1000)), []);
  useEffect(() => {
    if (viewerIndex !== null) titleWatch.current();
  }, [viewerIndex]);

  // Excluded from the viewer: said in the screen's line (shown in the viewer while it is open),
  // with Undo putting back what the photo was (pinned, or in while it matches).
  const excluded = (photo: Photo, wasPinned: boolean) => {
    const name = baseName(photo.path);
    chosen.setNotice(`Excluded ${name} from “${album.name}”.`, async () => {
      await client.setAlbumMembership(album.name, photo.id, wasPinned ? 'pinned' : 'auto');
      notifyAlbumsChanged();
      return `Put ${name} back in “${album.name}”${wasPinned ? ', pinned' : ''}.`;
    });
  };

  const moreLikeThis = (photo: Photo) => {
    setViewerIndex(null);
    setListing({ kind: 'similar', id: photo.id, label: baseName(photo.path) });
  };
  const toggle = (which: Panel) => setPanel((p) => (p === which ? null : which));
  const current = viewerIndex === null ? undefined : photos.get(viewerIndex);
  const filters = describeFilters(album.filters);

  return (
    <div className="album-screen">
      <header className="album-header">
        <div className="album-header__text">
          <h1 className="album-header__title" ref={title} tabIndex={-1}>{members ? album.name : `More like ${listing.label}`}</h1>
          <p className="album-header__meta muted">
            {members ? (
              <>
                {album.handPicked ? (
                  // Its photos are its pins, in the order they were added: no query, no threshold.
                  <>
                    Hand-picked · <span aria-live="polite">{albumCountText(album)}</span>
                  </>
                ) : (
                  <>
                    <span className="album-query">“{album.query}”</span> · {describeThreshold(album)}
                    {filters && ` · ${filters}`} · <span aria-live="polite">{albumCountText(album)}</span>
                    {album.pinned > 0 && ` · ${album.pinned} pinned`}
                  </>
                )}
              </>
            ) : (
              viewingOnly ? 'Photos like it across the library.' : `Open a photo and “Pin to album” to add it to ${album.name}.`
            )}
          </p>
        </div>
        <div className="album-header__actions">
          {members ? (
            <>
              {!viewingOnly && (
                <button type="button" className="button" onClick={() => navigate({ kind: 'album-editor', name: album.name })}>
                  Edit
                </button>
              )}
              <button type="button" className="button" aria-expanded={panel === 'export'} onClick={() => toggle('export')}>
                Export…
              </button>
              {!viewingOnly && !album.handPicked && (
                <button type="button" className="button" ref={excludedToggle} aria-expanded={panel === 'excluded'} onClick={() => toggle('excluded')}>
                  Excluded ({album.excluded})
                </button>
              )}
            </>
          ) : (
            <button type="button" className="button" onClick={() => setListing({ kind: 'members', album: album.name })}>
              Back to {album.name}
            </button>
          )}
        </div>
      </header>
      {members && panel === 'export' && <ExportPanel album={album.name} />}
      {members && panel === 'excluded' && !viewingOnly && <ExcludedPhotos album={album} onPutBack={(text) => chosen.setNotice(text)} fallbackFocus={() => excludedToggle.current} />}
      {photos.error && (
        <p className="form-error album-screen__error" role="alert">
          {photos.error}
        </p>
      )}
      {selectedCount > 0 && (
        <SelectionBar
          count={selectedCount}
          photos={chosen.photos}
          onClear={chosen.clear}
          onTrashed={(text) => {
            chosen.clear();
            chosen.setNotice(text);
          }}
          askTrash={chosen.askTrash}
          askFavourite={chosen.askFavourite}
          onFavourites={(_favourite, text, undo) => chosen.setNotice(text, undo)}
          // An album keeps its archived photos (badged): the line outlives the reload.
          askArchive={chosen.askArchive}
          askRotate={chosen.askRotate}
          onArchived={(_archived, text, undo) => chosen.setNotice(text, undo)}
          onMoved={(text, undo) => {
            chosen.clear();
            chosen.setNotice(text, undo);
          }}
          shownAlbum={album.name}
          // Delete here means "not in this album" first; the trash is the second choice.
          removeFrom={members ? album.name : undefined}
        />
      )}
      {chosen.notice && selectedCount === 0 && viewerIndex === null && <SelectionNotice key={chosen.notice.id} notice={chosen.notice} onUndone={chosen.noticeUndone} />}
      {photos.settled && photos.count === 0 && !photos.error ? (
        // Why it is empty: a broken album's reason (the core's, the app's wording), else why none matches.
        <p className={album.error !== undefined ? 'content__empty album-screen__broken' : 'content__empty muted'} role={album.error !== undefined ? 'status' : undefined}>
          {emptyAlbumText(album)}
        </p>
      ) : (
        <div className="album-grid">
          {/* In a hand-picked album every photo is pinned: no badge to tell them apart. */}
          {members && !album.handPicked && <PinnedMarks pinned={source.pinned} />}
          <PhotoGrid
            source={photos}
            listKey={listingKey(listing)}
            reveal={viewerIndex}
            onOpen={setViewerIndex}
            onMoreLikeThis={moreLikeThis}
            label={members ? `Photos in ${album.name}` : 'Look-alikes'}
            select={chosen.select}
          />
        </div>
      )}
      {viewerIndex !== null && (
        <Viewer source={photos} index={viewerIndex} photoId={viewer?.id} onIndex={setViewerIndex} onClose={() => setViewerIndex(null)} onNotice={chosen.setNotice} onMoreLikeThis={moreLikeThis} onPlace={showPlace}>
          {!viewingOnly && (
            <AlbumPhotoBar
              album={album.name}
              photo={current}
              member={members}
              pinned={members && !!current && (current as AlbumPhoto).pinned}
              onExcluded={excluded}
              notice={chosen.notice && <SelectionNotice key={chosen.notice.id} notice={chosen.notice} onUndone={chosen.noticeUndone} />}
            />
          )}
        </Viewer>
      )}
    </div>
  );
}
