import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Photo, PhotoHit, PlaceSetting } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useFavouriteToggle } from '../hooks/useFavouriteToggle';
import { useMarkToggle } from '../hooks/useMarkToggle';
import { isTyping, useKeydown } from '../hooks/useShortcut';
import { baseName, formatTotal } from '../lib/format';
import type { PagedPhotos } from '../lib/paged-photos';
import { isWriterRefusal } from '../lib/writer-elsewhere';
import { trashResultText, viewerAfterTrash } from '../lib/trash';
import { archivedInViewerNotice } from '../lib/viewer-archive-notice';
import type { Undo } from '../hooks/useListSelection';
import { browserStore } from '../lib/slideshow-settings';
import { detailsShown, rememberDetails } from '../lib/viewer-details';
import { ArchiveButton } from './ArchiveButton';
import { ArchivedLabel } from './ArchivedBadge';
import { FavouriteButton } from './FavouriteButton';
import { InfoIcon } from './InfoIcon';
import { PhotoMetadata } from './PhotoMetadata';
import { RevealButton } from './RevealButton';
import { RotateButtons } from './RotateButtons';
import { Slideshow } from './slideshow/Slideshow';
import { PhotoTags } from './tags/PhotoTags';
import { TextHighlight } from './TextHighlight';
import { VideoPlayer } from './VideoPlayer';
import { ViewerTrashButton } from './ViewerTrashButton';
import { ZoomableImage } from './ZoomableImage';
import { PhotoTextPanel } from './PhotoTextPanel';
import { useCanSearch, useViewingOnly } from '../hooks/useViewingOnly';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useFocusTrap } from '../hooks/useFocusTrap';
import { useRefocus } from '../hooks/useRefocus';

interface ViewerProps {
  source: PagedPhotos;
  index: number;
  /** The id of the photo the viewer means (undefined: whichever is at `index`, once known). */
  photoId?: string | undefined;
  /** The photo last shown is no longer at `index` nor anywhere in the list: 'checking' while
   *  the engine is asked whether it is still in the library, 'removed' when it is not. No photo
   *  shows and nothing acts; ← and → go to the photos now before and at `index`. */
  away?: 'checking' | 'removed' | 'held';
  /** With away 'held': the photo whose date the user just edited here, which the edit moved to a
   *  part of the list not loaded yet. It shows (and acts) by itself; ← and → go on as when away. */
  held?: Photo;
  /** Called with the photo before its date is edited here (it is not to be stepped past when the
   *  edit moves it), and with null when an action should let it go (archived, unfavourited). */
  onHold?: (photo: Photo | null) => void;
  onIndex: (index: number) => void;
  /** Undo after Archive here: the photo brought back, which the viewer goes back to (it had
   *  stepped on past it); absent, the viewer stays where it is. */
  onShowAgain?: (photo: Photo) => void;
  /** The line the viewer leaves in the grid as it closes (a photo archived here, with its Undo):
   *  the grid's notice, as the selection bar's Archive leaves (the app's setNotice). */
  onNotice?: (text: string, undo: Undo) => void;
  onClose: () => void;
  onMoreLikeThis: (photo: Photo) => void;
  /** Shows the timeline of a place (the metadata's place link); absent: the place is plain text. */
  onPlace?: (place: string) => void;
  /** A screen's own actions on the photo (an album's Pin / Exclude): inside the dialog, so
   *  Tab reaches them and a screen reader hears them as part of the viewer. */
  children?: ReactNode;
}

/**
 * One photo large, with its metadata. ← / → step through the current list, F toggles Favourite,
 * Shift+A Archive, R / Shift+R rotate, Delete asks to move it to the trash, Esc closes. The photo zooms and pans (ZoomableImage: click, ctrl+wheel or pinch, + − 0, drag).
 * Slideshow (or S) plays the same list from this photo; it closes back here on its last photo.
 * ⓘ (or I) shows or hides the details (lib/viewer-details.ts: hidden at first in a narrow window);
 * hidden, the photo has the whole width and the bar and actions are a band above it.
 */
export function Viewer({ source, index, photoId, away, held, onHold, onIndex, onShowAgain, onNotice, onClose, onMoreLikeThis, onPlace, children }: ViewerProps) {
  const client = useClient();
  const dialog = useRef<HTMLDivElement>(null);
  // The photo shown last: named once it has gone; and kept on screen, rather than "Loading…",
  // while the list fetched again (any change to the library) has not answered for its place yet.
  const lastShown = useRef<{ photo: Photo; index: number } | undefined>(undefined);
  // Only while the viewer still means that photo (`photoId`): one stepped onto, or one that
  // left the list (shown as removed, then stepped past), is not brought back by it.
  const still = lastShown.current !== undefined && lastShown.current.index === index && photoId !== undefined && lastShown.current.photo.id === photoId;
  const listed = source.get(index) ?? (still && !source.hasLoaded(index) ? lastShown.current!.photo : undefined);
  const photo = away === 'held' ? held : away ? undefined : listed;
  if (photo) lastShown.current = { photo, index };
  const count = source.count;
  const [details, reloadDetails] = useAsync(() => (photo ? client.getPhoto(photo.id) : Promise.resolve(null)), [client, photo?.id, photo?.rotation]);
  // A control that leaves or is disabled (Undo, a Rotate button while the list reloads, the
  // date editor's Save) never leaves the focus on the page's body: `target`, else the viewer.
  const refocus = useRefocus();
  const keepFocus = (target: () => Element | null | undefined = () => null, orViewer = true) =>
    refocus(() => {
      const element = target();
      if (element instanceof HTMLElement && dialog.current?.contains(element) && !(element as HTMLButtonElement).disabled) return element;
      return orViewer ? dialog.current : null;
    });
  // The date taken set from the panel: the engine's answer (an error stays in the editor), then
  // the photo read again. The photo stays on screen when its new date moves it out of the
  // loaded part of the list.
  const editTakenAt = (id: string) => async (takenAt: string | null) => {
    if (photo?.id === id) onHold?.(photo);
    try {
      await client.setTakenAt([id], takenAt);
    } catch (error) {
      onHold?.(null);
      throw error;
    }
    // Its Edit button once the editor has closed (and the panel is read again), not the viewer meanwhile.
    keepFocus(() => dialog.current?.querySelector('button[aria-label="Edit date taken"]'), false);
    reloadDetails();
  };
  const editDescription = (id: string) => async (text: string | null) => {
    await client.setDescription([id], text);
    reloadDetails();
  };
  const editPlace = (id: string) => async (position: PlaceSetting) => {
    await client.setPlace([id], position);
    reloadDetails();
  };
  const favouriteToggle = useFavouriteToggle();
  const archiveToggle = useMarkToggle('archived');
  const [rotateError, setRotateError] = useState<{ id: string; text: string; name?: string } | null>(null);
  // The red line says why the last change asked here failed (heart, archive or a turn). It goes
  // with the next change asked (that one's own answer is what matters now), and a refusal
  // because this device may not write (another process writes, or the connection or its turn
  // to write was lost: the error's name says which) goes once this page may write again (the
  // "Search and view only" banner goes): left, it would say that a Favourite now enabled
  // cannot be set. Each failure is a new object: one said later shows again.
  const errors = [favouriteToggle.error, archiveToggle.error, rotateError];
  const [cleared, setCleared] = useState<ReadonlySet<object>>(() => new Set());
  // (Those cleared before stay so; only the errors still held are kept in mind.)
  const clearErrors = (which: (error: { text: string; name?: string }) => boolean = () => true) =>
    setCleared((before) => new Set(errors.filter((error): error is { id: string; text: string } => error !== null && (before.has(error) || which(error)))));
  const viewingOnly = useViewingOnly();
  const [wasViewingOnly, setWasViewingOnly] = useState(viewingOnly);
  if (wasViewingOnly !== viewingOnly) {
    setWasViewingOnly(viewingOnly);
    if (!viewingOnly) clearErrors(isWriterRefusal); // by the error's name: the engine's kind of refusal
  }
  // Unfavourited in Favourites, a photo held after a date edit leaves the list as any other does.
  const favourites = {
    ...favouriteToggle,
    toggle: (toggled: Photo) => {
      onHold?.(null);
      clearErrors();
      favouriteToggle.toggle(toggled);
    },
  };
  const archive = {
    ...archiveToggle,
    toggle: (toggled: Photo) => {
      clearErrors();
      archiveToggle.toggle(toggled);
    },
  };
  // The photo just archived from here (a timeline steps on past it): where it went, with Undo.
  const [archived, setArchived] = useState<{ photo: Photo; text: string; undo: boolean } | null>(null);
  const onArchiveToggled = (toggled: Photo, on: boolean) => {
    onHold?.(null);
    setArchived(on ? { photo: toggled, text: `Archived ${baseName(toggled.path)}: out of the timeline, still found by search.`, undo: true } : null);
  };
  // Closed (Esc, ×, or by the list once the last photo left it) with that Undo still offered:
  // the grid takes the line over, or the Undo would be gone with the viewer.
  const leaving = useRef<{ text: string; undo: Undo } | null>(null);
  leaving.current = archived?.undo ? archivedInViewerNotice(client, archived.photo.id, archived.text) : null;
  const noticeTo = useRef(onNotice);
  noticeTo.current = onNotice;
  useEffect(
    () => () => {
      if (leaving.current) noticeTo.current?.(leaving.current.text, leaving.current.undo);
    },
    [],
  );
  // The photo moved to the trash from here (Trash… or Delete, confirmed): the grid's words for
  // what the trash did; `pending` until the viewer has stepped past it, as after Archive, to the
  // photo that took its place (the one before at the end; closed when none is left).
  const [trashed, setTrashed] = useState<{ id: string; text: string; error: boolean; pending: boolean } | null>(null);
  const [trashing, setTrashing] = useState(false);
  const trash = (chosen: Photo) => {
    // Kept on screen meanwhile, by itself as after a date edit: gone from the list when it is
    // read again, it is neither said removed from the library nor swapped for another. Held
    // already (its date just edited moved it out of the loaded list), it stays held when the
    // trash moves nothing: let go, the photo that took its place would show.
    const heldBefore = away === 'held' && held?.id === chosen.id;
    if (!heldBefore) onHold?.(chosen);
    const letGo = () => !heldBefore && onHold?.(null);
    clearErrors();
    setTrashed(null);
    setTrashing(true);
    client.trashPhotos([chosen.id]).then(
      (report) => {
        const moved = report.moved.length > 0;
        if (!moved) letGo();
        setTrashed({ id: chosen.id, text: trashResultText(report), error: false, pending: moved });
      },
      (error: unknown) => {
        letGo();
        setTrashed({ id: chosen.id, text: error instanceof Error ? error.message : String(error), error: true, pending: false });
      },
    ).finally(() => setTrashing(false));
  };
  useEffect(() => {
    if (!trashed?.pending) return;
    // Stepped elsewhere meanwhile: the user chose the photo on screen.
    const to = photoId === trashed.id ? viewerAfterTrash(source, index, trashed.id) : 'wait';
    if (photoId === trashed.id && to === 'wait') return;
    setTrashed({ ...trashed, pending: false });
    if (to === 'close') onClose();
    else if (to !== 'wait') onIndex(to);
  });
  // The last failed write (heart, archive or a turn) about this photo, in one line.
  const markError = errors.find((error) => error && error.id === photo?.id && !cleared.has(error));
  // "More like this" only reads: it needs this device's model, not the writer lock.
  const canSearch = useCanSearch();
  const [slideshow, setSlideshow] = useState(false);
  const [showDetails, setShowDetails] = useState(() => typeof window === 'undefined' || detailsShown(browserStore(), window.innerWidth));
  const toggleDetails = () => {
    setShowDetails(!showDetails);
    rememberDetails(browserStore(), window.innerWidth, !showDetails);
    // Hidden with the focus in them (I on a field's Edit), the focus stays in the viewer.
    const at = document.activeElement;
    keepFocus(() => at);
  };

  // Neighbours load ahead, so stepping does not wait on a page fetch.
  useEffect(() => source.request(Math.max(0, index - 1), index + 2), [source, index]);
  // Closed, the focus goes to the tile of the photo last shown, in the grid it was opened from;
  // a grid gone meanwhile (More like this, a place's photos): the opener, if it is still there.
  const [openedFrom] = useState(() => (typeof document === 'undefined' ? null : document.activeElement?.closest('.grid') ?? null));
  // Opened from the URL (a reload, Back or Forward onto it), with the focus anywhere: the grid
  // under it when it closes, as the results may not have been there yet when it opened.
  const gridAtClose = () => (openedFrom ? (openedFrom.isConnected ? openedFrom : null) : document.querySelector('main .grid'));
  useReturnFocus(() => gridAtClose()?.querySelector<HTMLElement>(`.tile[data-index="${index}"] .tile__open`) ?? null);
  useEffect(() => dialog.current?.focus(), []);
  // The slideshow over it keeps the keys while it plays.
  useFocusTrap(dialog, !slideshow);

  // Away, the photo that took its place is the next one.
  const nextIndex = away ? index : index + 1;
  const previous = () => index > 0 && onIndex(index - 1);
  const next = () => nextIndex < count && onIndex(nextIndex);
  const startSlideshow = () => {
    if (!photo) return;
    // A video playing here must not go on playing (and be heard) behind the slideshow.
    dialog.current?.querySelectorAll('video').forEach((video) => video.pause());
    setSlideshow(true);
  };
  const endSlideshow = (at: number) => {
    setSlideshow(false);
    onIndex(at);
    dialog.current?.focus();
    // The slideshow's own return of the focus, or its fullscreen's end, must not drop it.
    keepFocus();
  };

  useKeydown((event) => {
    if (event.key === 'Escape') onClose();
    else if ((event.key === 's' || event.key === 'S') && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) startSlideshow();
    // A focused video player's arrows seek in it, as in every player; elsewhere they step.
    else if (event.target instanceof HTMLVideoElement) return false;
    // So are a field's (the date taken's editor moves between its parts with them).
    else if (isTyping(event.target)) return false;
    else if ((event.key === 'i' || event.key === 'I') && !event.ctrlKey && !event.metaKey && !event.altKey) toggleDetails();
    else if (event.key === 'ArrowLeft') previous();
    else if (event.key === 'ArrowRight') next();
    else return false;
    return true;
  }, !slideshow);

  const goneName = away === 'removed' && lastShown.current ? baseName(lastShown.current.photo.path) : null;
  const name = photo ? baseName(photo.path) : goneName !== null ? `${goneName} (removed)` : 'Loading…';
  // A "Text in photo" search's hit carries the words it matched, to outline on the photo.
  const photoText = (photo as PhotoHit | undefined)?.photoText;
  // A video plays in its player; an unreachable original (another device's folder) shows the
  // library's thumbnail, which zooms like a photo (its 100% is the original's pixels).
  const imageSrc = photo && (photo.kind !== 'video' || photo.unreachable) ? client.imageUrl(photo.id, photo.unreachable ? 'thumb' : 'image', photo.rotation) : null;
  // While the original loads (a large HEIC: seconds), the grid's thumbnail (the very URL its
  // tile loaded, so cached) stands in for it, in its place.
  const standIn = photo && imageSrc && !photo.unreachable ? client.imageUrl(photo.id, 'thumb', photo.rotation) : undefined;
  return (
    <div className={showDetails ? 'viewer' : 'viewer viewer--details-hidden'} role="dialog" aria-modal="true" aria-label={`Photo viewer: ${name}`} ref={dialog} tabIndex={-1}>
      <div className="viewer__stage">
        {photo?.kind === 'video' && !photo.unreachable && <VideoPlayer key={`${photo.id}@${(photo as PhotoHit).time ?? 0}`} photo={photo} time={(photo as PhotoHit).time} name={name} />}
        {photo && imageSrc && (
          // Keyed by its source: another photo, or the original once its folder is located, starts at fit.
          <ZoomableImage key={`${photo.id}@${imageSrc}`} src={imageSrc} standIn={standIn} alt={name} original={{ width: photo.width, height: photo.height }}>
            {photoText && <TextHighlight match={photoText} />}
          </ZoomableImage>
        )}
        <button type="button" className="viewer__nav viewer__nav--prev" aria-label="Previous photo" disabled={index === 0} onClick={previous}>
          ‹
        </button>
        {away === 'removed' && (
          <p className="viewer__removed" role="alert">
            This {lastShown.current?.photo.kind === 'video' ? 'video' : 'photo'} was removed from the library{goneName !== null && <>: {goneName}</>}. Its file was deleted or moved outside Shoebox. ← → go on to the other photos.
          </p>
        )}
        <button type="button" className="viewer__nav viewer__nav--next" aria-label="Next photo" disabled={nextIndex >= count} onClick={next}>
          ›
        </button>
      </div>
      {children}
      <aside className="viewer__side">
        <div className="viewer__bar">
          <span className="viewer__position">
            {away ? '–' : (index + 1).toLocaleString()} of {formatTotal(count, source.complete)}
          </span>
          <span className="viewer__bar-tools">
            <RotateButtons photo={photo} keys={!slideshow} onError={setRotateError} onTurn={() => {
                clearErrors();
                const at = document.activeElement;
                keepFocus(() => at);
              }}
            />
            <button type="button" className="icon-button viewer__details-toggle" aria-label="Details" aria-pressed={showDetails} title={showDetails ? 'Hide the details (I)' : 'Show the details (I)'} onClick={toggleDetails}>
              <InfoIcon />
            </button>
            <button type="button" className="icon-button" aria-label="Close viewer" title="Close (Esc)" onClick={onClose}>
              ×
            </button>
          </span>
        </div>
        <h2 className="viewer__title" title={photo?.path}>
          {name}
        </h2>
        <ArchivedLabel archived={photo ? archive.isOn(photo) : false} />
        <div className="viewer__actions">
          <FavouriteButton photo={photo} favourites={favourites} />
          <ArchiveButton photo={photo} archive={archive} onToggled={onArchiveToggled} />
          {photo && canSearch && (
            <button type="button" className="button" onClick={() => onMoreLikeThis(photo)}>
              More like this
            </button>
          )}
          <button type="button" className="button" title="Play the photos from this one (S)" disabled={!photo} onClick={startSlideshow}>
            <span aria-hidden="true">▶</span> Slideshow
          </button>
          {/* Last, as the grid's selection bar has it: the one action that takes the photo away. */}
          <ViewerTrashButton photo={photo} keys={!slideshow} busy={trashing} onTrash={trash} />
        </div>
        {archived && (
          <p className="selection-notice muted small" role="status">
            {archived.text}
            {archived.undo && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    archive.toggle(archived.photo);
                    // Back on the photo brought back, as in Google Photos (not the one that took its place).
                    onShowAgain?.(archived.photo);
                    // The Undo goes: the viewer keeps the keys.
                    keepFocus();
                    setArchived({ ...archived, text: `Brought ${baseName(archived.photo.path)} back to the timeline.`, undo: false });
                  }}
                >
                  Undo
                </button>
              </>
            )}
          </p>
        )}
        {trashed && (
          <p className={trashed.error ? 'form-error' : 'selection-notice muted small'} role={trashed.error ? 'alert' : 'status'}>
            {trashed.text}
          </p>
        )}
        {markError && (
          <p className="form-error" role="alert">
            {markError.text}
          </p>
        )}
        {photo?.unreachable && (
          <p className="viewer__unreachable small" role="note">
            The original is not reachable from this device: its folder {photo.folder} is not here (another device's path, or not mounted). This is its thumbnail; &ldquo;Locate folder…&rdquo; beside the folder tells Shoebox where it is on this device.
          </p>
        )}
        {/* The details: hidden (ⓘ), the photo has the room. */}
        {showDetails && (
          <>
            {photo && !photo.unreachable && <RevealButton key={photo.id} photo={async () => photo} />}
            {details.status === 'ready' && details.value && details.value.id === photo?.id && <PhotoTags id={details.value.id} tags={details.value.tags} />}
            {details.status === 'ready' && details.value && <PhotoMetadata key={details.value.id} photo={details.value} onPlace={onPlace} {...(viewingOnly ? {} : { editTakenAt: editTakenAt(details.value.id), editPlace: editPlace(details.value.id), editDescription: editDescription(details.value.id) })} />}
            {photoText && <PhotoTextPanel text={photoText.text} />}
            {details.status === 'error' && <p className="form-error">{details.message}</p>}
            {/* A video neither zooms nor turns here: its keys are not offered. */}
            {/* Only viewing: the keys that change the library do nothing, so they are not listed. */}
            <p className="viewer__keys muted small">{['← → to step through', photo?.kind !== 'video' && 'click, + − 0 to zoom', !viewingOnly && 'F favourite · Shift+A archive · Delete trash', !viewingOnly && photo?.kind !== 'video' && 'R rotate', 'S slideshow · I details · Esc to close'].filter(Boolean).join(' · ')}</p>
          </>
        )}
      </aside>
      {slideshow && <Slideshow source={source} start={index} onClose={endSlideshow} />}
    </div>
  );
}
