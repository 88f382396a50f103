// What can be done with the photos selected in a grid: mark them favourites (or remove them
// from the favourites), archive them (or, in the Archive, bring them back), tag them with a
// label (an accepted tag, as in the viewer), pin them to or exclude them from an album,
// set their date taken, export them to a folder, show one in the file manager (desktop app
// only), or move them to the trash after a confirmation (in an album's grid, Delete offers
// removing them from the album first). Each action is one call for the whole selection (one
// write, however many photos) and reports what it did.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { AlbumPhoto, Photo, PlaceChoice } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useOnChange } from '../hooks/useOnChange';
import { useViewingOnly } from '../hooks/useViewingOnly';
import { archiveResultText } from '../lib/archive';
import { trashResultText } from '../lib/trash';
import { favouritesResultText } from '../lib/favourites';
import { formatCount, goneText, shiftResultText } from '../lib/format';
import { shiftUndoneResultText } from '../lib/shift-undone-result';
import { exportResultText } from '../lib/export-result';
import { membershipResultText, tagResultText } from '../lib/tag-pin-result';
import { changedAny, editUndoneText, takenAtResultText } from '../lib/taken-at-result';
import { notifyAlbumsChanged, useAlbumsVersion } from './albums/albums-changed';
import { notifyTagsChanged } from './tags/useTagsVersion';
import { ArchiveIcon } from './ArchiveIcon';
import { RevealButton } from './RevealButton';
import { SelectionTrashDialog } from './SelectionTrashDialog';
import { RemoveFromAlbumDialog } from './albums/RemoveFromAlbumDialog';
import { NewAlbumField, newAlbumWith } from './albums/NewAlbumField';
import { SelectionDatePanel } from './SelectionDatePanel';
import { SelectionPlacePanel } from './SelectionPlacePanel';
import type { AskRotate, Undo } from '../hooks/useListSelection';
import { useRefocus } from '../hooks/useRefocus';
import { selectedCountText, useSelectedPhotosSummary } from '../hooks/useSelectedPhotosSummary';
import { NoLabelSetsHint } from './tags/NoLabelSetsHint';

interface SelectionBarProps {
  count: number;
  /** The selected photos, resolved when an action needs them. */
  photos: () => Promise<Photo[]>;
  onClear: () => void;
  /** Photos went to the trash: the selection's indices name other photos now, so the app
   *  clears it and shows `text` (what moved, what stayed and why). */
  onTrashed: (text: string) => void;
  /** Changes when Delete was pressed in the grid: the trash confirmation opens. */
  askTrash: number;
  /** Changes when F was pressed in the grid: the selection is favourited, or unmarked when
   *  every photo of it is a favourite already. */
  askFavourite?: number;
  /** The selection was added to (true) or removed from the favourites; `text` says what was
   *  done. A list that the favourites filter may lose photos from, and its selection with them. */
  onFavourites?: (favourite: boolean, text: string, undo: Undo) => void;
  /** The grid is the Archive: the action brings the photos back instead of archiving them. */
  inArchive?: boolean;
  /** Changes when Shift+A was pressed in the grid: the selection is archived, or brought back
   *  when every photo of it is archived already. */
  askArchive?: number;
  /** Changes when R or Shift+R was pressed in the grid: the selection turns a quarter right or left. */
  askRotate?: AskRotate;
  /** The selection was archived (true) or brought back; `text` says what was done. A timeline
   *  loses the photos either way (the Archive, or the views that leave archived photos out). */
  onArchived?: (archived: boolean, text: string, undo: Undo) => void;
  /** The photos' date taken or place was set (or put back): the timeline's order or a place
   *  view's photos changed, so the selection's indices name other photos now; the app clears
   *  it and shows `text` (with Undo: the core's undoEdit, for a set and a shift alike). */
  onMoved: (text: string, undo?: Undo) => void;
  /** The album whose photos are shown (its screen): pinning or excluding there reloads them. */
  shownAlbum?: string;
  /** The album whose members are shown: Delete and the bar's Remove… offer to take the photos
   *  out of it (excluded, with Undo) first, and the trash second. */
  removeFrom?: string;
}

type Panel = 'tag' | 'album' | 'date' | 'place' | 'export' | null;

export function SelectionBar({ count, photos, onClear, onTrashed, askTrash, askFavourite = 0, onFavourites, inArchive = false, askArchive = 0, askRotate, onArchived, onMoved, shownAlbum, removeFrom }: SelectionBarProps) {
  const client = useClient();
  const viewingOnly = useViewingOnly();
  const [panel, setPanel] = useState<Panel>(null);
  const [busy, setBusy] = useState(false);
  // The line of the last action; with Undo where the photos stay on screen and the action has
  // an exact inverse (Archive in a search, a folder, a tag view: the app's notice, which offers
  // Undo where they leave the list, is not shown while they are still selected).
  const [message, setMessage] = useState<{ text: string; error: boolean; undo?: Undo } | null>(null);
  const [trash, setTrash] = useState<Photo[] | null>(null);
  // In an album's grid, Delete asks "remove from the album?" first (the trash is its second choice).
  const [removing, setRemoving] = useState<Photo[] | null>(null);
  // What had the focus when Delete asked: the trash's confirmation, opened from the album's, gives it back there.
  const asker = useRef<HTMLElement | null>(null);
  const askDelete = (chosen: Photo[]) => {
    asker.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (removeFrom) setRemoving(chosen);
    else setTrash(chosen);
  };
  const [labels] = useAsync(async () => (panel === 'tag' ? (await client.listLabelSets()).flatMap((s) => s.labels.map((l) => ({ set: s.name, label: l.name }))) : []), [client, panel]);
  // Read again after any album change on this page (a New album made from this very panel).
  const albumsVersion = useAlbumsVersion();
  const [albums] = useAsync(async () => (panel === 'album' ? (await client.listAlbums()).map((a) => a.name) : []), [client, panel, albumsVersion]);
  const [label, setLabel] = useState('');
  const [chosenAlbum, setChosenAlbum] = useState('');
  const [dir, setDir] = useState('');
  const [copy, setCopy] = useState(false);
  const refocus = useRefocus();
  // The selected photos as they are now: the count says videos apart, and Archive becomes
  // Unarchive when every one is archived already (so a second click does not "archive 0").
  const summary = useSelectedPhotosSummary(photos, count);
  const unarchives = summary && summary.count === count ? summary.allArchived : inArchive;
  const archiveButton = useRef<HTMLButtonElement | null>(null);

  /** Runs an action over the selection; one line says what came of it (with its Undo, if any). */
  const run = async (action: (chosen: Photo[]) => Promise<string | { text: string; undo?: Undo }>) => {
    // Its button is disabled while the write runs: the focus comes back to it after, not to the
    // page's body (the bar goes when the photos moved, and the app's focus takes over then).
    const from = document.activeElement;
    if (from instanceof HTMLElement && from.closest('.selection-bar')) refocus(() => from, { ms: 15_000 });
    setBusy(true);
    setMessage(null);
    try {
      const said = await action(await photos());
      setMessage(typeof said === 'string' ? { text: said, error: false } : { ...said, error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  /** `on`: mark or unmark; 'toggle' (the F key): unmark when every chosen photo is a favourite, else mark. */
  const favourite = (on: boolean | 'toggle') =>
    run(async (chosen) => {
      const mark = on === 'toggle' ? !chosen.every((p) => p.favourite) : on;
      const result = await client.setFavourites(chosen.map((p) => p.id), mark);
      const text = favouritesResultText(result, mark);
      // Undo puts back only the photos this changed (as the engine tells): a heart set before, here or elsewhere, stays.
      const changed = result.changed ?? [];
      onFavourites?.(mark, text, async () => favouritesResultText(await client.setFavourites(changed, !mark), !mark));
      return text;
    });
  /** `on`: archive or bring back; 'toggle' (Shift+A): bring back when every chosen photo is archived, else archive. */
  const archive = (on: boolean | 'toggle') =>
    run(async (chosen) => {
      const mark = on === 'toggle' ? !chosen.every((p) => p.archived) : on;
      const result = await client.setArchived(chosen.map((p) => p.id), mark);
      const text = archiveResultText(result, mark);
      const changed = result.changed ?? [];
      const undo: Undo = async () => archiveResultText(await client.setArchived(changed, !mark), !mark);
      onArchived?.(mark, text, undo);
      // Where the photos stay (the app leaves the bar up), the bar's own line offers the Undo.
      return changed.length ? { text, undo } : text;
    });
  /** The line's Undo: its answer replaces the line; the focus, left on the Undo that goes, goes to Archive. */
  const undoLast = (undo: Undo) => {
    refocus(() => archiveButton.current, { ms: 15_000 });
    setBusy(true);
    undo().then(
      (text) => setMessage({ text, error: false }),
      (e: unknown) => setMessage({ text: e instanceof Error ? e.message : String(e), error: true }),
    ).finally(() => setBusy(false));
  };
  /** R / Shift+R in the grid: each photo turns from how it shows now (videos stay as they are). */
  const rotate = (turns: number) =>
    run(async (chosen) => {
      const result = await client.rotatePhotos(chosen.map((p) => p.id), turns);
      const videos = result.videos ? ` ${formatCount(result.videos, 'video')} left as ${result.videos === 1 ? 'it is' : 'they are'}.` : '';
      return `Turned ${formatCount(result.done, 'photo')} a quarter turn ${turns > 0 ? 'right' : 'left'}.${videos}${goneText(result.missing)}`;
    });
  const tag = () =>
    run(async (chosen) => {
      const [set, name] = JSON.parse(label) as [string, string];
      const result = await client.setTagStates(chosen.map((p) => p.id), set, name, 'accepted');
      notifyTagsChanged(); // the sidebar's tag counts and open tag views reload
      return tagResultText(result, name);
    });
  /** Pins the selection to `album` or excludes it; `removed`: said as Delete's "Remove from album". */
  const member = (membership: 'pinned' | 'excluded', album = chosenAlbum, removed = false) =>
    run(async (chosen) => {
      const result = await client.setAlbumMemberships(album, chosen.map((p) => p.id), membership);
      // What changed, and what was so already (the core's `unchanged`), as the CLI says it.
      const text = membershipResultText(result, membership, album, removed);
      // In that album's own screen it reloads, and the selection and this bar go with it: the
      // line is said as a notice there. Elsewhere the selection stays, for the next action.
      // Excluded photos leave that album's grid: Undo puts each back as it was (pinned, or in while it matches).
      const pinned = chosen.filter((p) => (p as Partial<AlbumPhoto>).pinned === true).map((p) => p.id);
      const matched = chosen.filter((p) => (p as Partial<AlbumPhoto>).pinned !== true).map((p) => p.id);
      const putBack = async () => {
        let done = 0;
        if (pinned.length) done += (await client.setAlbumMemberships(album, pinned, 'pinned')).done;
        if (matched.length) done += (await client.setAlbumMemberships(album, matched, 'auto')).done;
        notifyAlbumsChanged();
        return `Put ${formatCount(done, 'photo')} back in “${album}”.`;
      };
      // Undo only where each photo's membership before is known (the album's own listing says
      // which were pinned; its look-alikes do not, and some may have been excluded already).
      const known = chosen.every((p) => typeof (p as Partial<AlbumPhoto>).pinned === 'boolean');
      if (result.done && shownAlbum === album) onMoved(text, membership === 'excluded' && known ? putBack : undefined);
      notifyAlbumsChanged(); // the sidebar's counts and an open album view reload
      return text;
    });
  /** A hand-picked album of the selection (Album…'s "New album"). */
  const newAlbum = (name: string) => run(async (chosen) => newAlbumWith(client, name, chosen.map((p) => p.id)));
  /** Date…'s and Place…'s Undo: the core puts back what each photo had before (its earlier hand
   *  date or place, or its file's own), except on photos changed again since. */
  const undoEdit = (undo: number | undefined, what: 'dates' | 'places'): Undo | undefined =>
    undo === undefined ? undefined : async () => editUndoneText(await client.undoEdit(undo), what);
  const setDates = (takenAt: string | null) =>
    run(async (chosen) => {
      const result = await client.setTakenAt(chosen.map((p) => p.id), takenAt);
      const text = takenAtResultText(result, takenAt);
      if (changedAny(result)) onMoved(text, undoEdit(result.undo, 'dates'));
      return text;
    });
  const shiftDates = (seconds: number) =>
    run(async (chosen) => {
      const result = await client.shiftTakenAt(chosen.map((p) => p.id), seconds);
      const text = shiftResultText(result, seconds);
      // The core's undoEdit puts back each photo's date from before the shift (not the same shift
      // back, which would move a photo dated again since off the date the user gave it).
      const { undo } = result;
      const back = undo === undefined ? undefined : async () => shiftUndoneResultText(await client.undoEdit(undo), seconds);
      if (result.done) onMoved(text, back);
      return text;
    });
  const setPlaces = (place: PlaceChoice | 'none' | null) =>
    run(async (chosen) => {
      const result = await client.setPlace(chosen.map((p) => p.id), place === null || place === 'none' ? place : { lat: place.lat, lon: place.lon });
      const photos = formatCount(result.done, 'photo');
      const text = `${place === 'none' ? `Removed the place of ${photos}.` : place ? `Set the place of ${photos} to ${place.label}.` : `Put back the files’ own places on ${photos}.`}${goneText(result.missing)}`;
      if (result.done) onMoved(text, undoEdit(result.undo, 'places'));
      return text;
    });
  const exportTo = () =>
    run(async (chosen) => {
      const report = await client.exportPhotos(chosen.map((p) => p.id), dir, copy);
      return exportResultText(report, copy);
    });

  // Only a new Delete, F or Shift+A press acts, not one made for an earlier selection.
  // They change the library: not while it is only viewed (useViewingOnly).
  useOnChange(askTrash, () => !viewingOnly && void photos().then(askDelete));
  useOnChange(askFavourite, () => !viewingOnly && void favourite('toggle'));
  useOnChange(askArchive, () => !viewingOnly && void archive('toggle'));
  useOnChange(askRotate?.n ?? 0, () => !viewingOnly && askRotate && void rotate(askRotate.turns));

  const toggle = (next: Panel) => setPanel((p) => (p === next ? null : next));
  // Each panel's button, for the focus to go back to when Esc closes it.
  const openers = useRef<Partial<Record<NonNullable<Panel>, HTMLButtonElement | null>>>({});
  const opener = (name: NonNullable<Panel>) => (button: HTMLButtonElement | null) => {
    openers.current[name] = button;
  };
  // Esc closes the open panel, applying nothing (what was typed in it and not applied goes with
  // it; what was applied stays, and its line too), and the focus goes back to the button that
  // opened it. With no panel open, Esc clears the selection, as ✕ says ("Clear selection (Esc)")
  // and as it does in the grid; the bar goes with it, so the focus goes to the grid. A key a
  // field or a dialog used (an input method's composition, the trash dialog's Esc) is theirs.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    if (panel === null) {
      // The grid beside the bar (an album's screen has its own), else the page's.
      const around = event.currentTarget.parentElement;
      refocus(() => around?.querySelector<HTMLElement>('.grid') ?? document.querySelector<HTMLElement>('main .grid'), { outlive: true });
      onClear();
      return;
    }
    setPanel(null);
    openers.current[panel]?.focus();
  };
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected photos" onKeyDown={onKeyDown}>
      <div className="selection-bar__row">
        {/* First, as an icon, as Google Photos has it: the actions then fit on one row at 1280 px. */}
        <button type="button" className="icon-button" aria-label="Clear selection" title="Clear selection (Esc)" onClick={onClear}>
          ✕
        </button>
        <strong aria-live="polite">{selectedCountText(count, summary)}</strong>
        {!viewingOnly && (
          <>
            {/* The hearts alone (named for screen readers, explained on hover), so the bar fits one row. */}
            <button type="button" className="button" aria-label="Favourite" disabled={busy} title="Favourite: mark the selected photos (F)" onClick={() => void favourite(true)}>
              <span className="favourite-toggle__heart favourite-heart" aria-hidden="true">
                ♥
              </span>
            </button>
            <button type="button" className="button" aria-label="Unfavourite" disabled={busy} title="Unfavourite: remove the selected photos from the favourites" onClick={() => void favourite(false)}>
              <span className="favourite-toggle__heart" aria-hidden="true">
                ♡
              </span>
            </button>
            {unarchives ? (
              <button type="button" className="button" ref={archiveButton} disabled={busy} title="Bring the selected photos back to the timeline (Shift+A)" onClick={() => void archive(false)}>
                <ArchiveIcon /> Unarchive
              </button>
            ) : (
              <button type="button" className="button" ref={archiveButton} disabled={busy} title="Keep the selected photos out of the timeline; search still finds them (Shift+A)" onClick={() => void archive(true)}>
                <ArchiveIcon /> Archive
              </button>
            )}
            <button type="button" className="button" ref={opener('tag')} aria-expanded={panel === 'tag'} onClick={() => toggle('tag')}>
              Tag…
            </button>
            <button type="button" className="button" ref={opener('album')} aria-expanded={panel === 'album'} onClick={() => toggle('album')}>
              Album…
            </button>
            <button type="button" className="button" ref={opener('date')} aria-expanded={panel === 'date'} title="Set the date taken of the selected photos" onClick={() => toggle('date')}>
              Date…
            </button>
            <button type="button" className="button" ref={opener('place')} aria-expanded={panel === 'place'} title="Set the place of the selected photos" onClick={() => toggle('place')}>
              Place…
            </button>
          </>
        )}
        <button type="button" className="button" ref={opener('export')} aria-expanded={panel === 'export'} onClick={() => toggle('export')}>
          Export…
        </button>
        {/* Its failure (the file moved, deleted, on a disk not connected) is the bar's one line, as every action's. */}
        <RevealButton photo={count === 1 ? async () => (await photos())[0] : null} hint="Select one photo to show it in its folder" onError={(text) => setMessage(text === null ? null : { text, error: true })} />
        {!viewingOnly &&
          (removeFrom ? (
            // In an album, what Delete offers first: out of the album (the trash is the dialog's second choice).
            <button type="button" className="button" disabled={busy} title={`Remove the selected photos from “${removeFrom}”, or move them to the trash (asks first; Delete)`} onClick={() => void photos().then(askDelete)}>
              Remove…
            </button>
          ) : (
            // "Trash…", not "Move to trash…": the bar fits one row at 1280 px with Date… and Place…; the title and the dialog say the rest.
            <button type="button" className="button button--danger" disabled={busy} title="Move the selected photos to the system's trash (asks first)" onClick={() => void photos().then(askDelete)}>
              Trash…
            </button>
          ))}
      </div>
      {panel === 'tag' && labels.status === 'ready' && labels.value.length === 0 && <NoLabelSetsHint />}
      {/* Each panel's first field takes the focus as it opens (Date…, Place… and Export… too): its
          fields come after the bar's other buttons, where Tab would reach them last; Esc gives the
          focus back to its button. The labels known first, so the field never goes as the hint comes. */}
      {panel === 'tag' && labels.status !== 'loading' && !(labels.status === 'ready' && labels.value.length === 0) && (
        <div className="selection-bar__row">
          <select aria-label="Label" autoFocus value={label} onChange={(e) => setLabel(e.target.value)}>
            <option value="">Choose a label</option>
            {(labels.status === 'ready' ? labels.value : []).map((l) => (
              <option key={`${l.set}|${l.label}`} value={JSON.stringify([l.set, l.label])}>
                {`${l.label} (${l.set})`}
              </option>
            ))}
          </select>
          <button type="button" className="button button--primary" disabled={!label || busy} onClick={() => void tag()}>
            Tag
          </button>
        </div>
      )}
      {panel === 'album' && (
        <div className="selection-bar__row">
          <select aria-label="Album" autoFocus value={chosenAlbum} onChange={(e) => setChosenAlbum(e.target.value)}>
            <option value="">Choose an album</option>
            {(albums.status === 'ready' ? albums.value : []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!chosenAlbum || busy} onClick={() => void member('pinned')}>
            Pin to album
          </button>
          <button type="button" className="button" disabled={!chosenAlbum || busy} onClick={() => void member('excluded')}>
            Exclude from album
          </button>
          <NewAlbumField busy={busy} onCreate={(name) => void newAlbum(name)} />
        </div>
      )}
      {panel === 'date' && <SelectionDatePanel busy={busy} onSet={(takenAt) => void setDates(takenAt)} onShift={(seconds) => void shiftDates(seconds)} />}
      {panel === 'place' && <SelectionPlacePanel busy={busy} onSet={(place) => void setPlaces(place)} />}
      {panel === 'export' && (
        <div className="selection-bar__row">
          <input type="text" autoFocus aria-label="Export folder" placeholder="/home/me/Exports/trip" value={dir} spellCheck={false} onChange={(e) => setDir(e.target.value)} />
          <label>
            <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} /> Copy the files (else links)
          </label>
          <button type="button" className="button button--primary" disabled={!dir.trim() || busy} onClick={() => void exportTo()}>
            Export
          </button>
        </div>
      )}
      {message && (
        <p className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
          {message.undo && (
            <>
              {' '}
              <button type="button" className="link-button" disabled={busy} onClick={() => message.undo && undoLast(message.undo)}>
                Undo
              </button>
            </>
          )}
        </p>
      )}
      {removing && removeFrom && (
        <RemoveFromAlbumDialog
          album={removeFrom}
          count={removing.length}
          onCancel={() => setRemoving(null)}
          onRemove={() => {
            setRemoving(null);
            void member('excluded', removeFrom, true);
          }}
          onTrash={() => {
            setRemoving(null);
            setTrash(removing);
          }}
        />
      )}
      {trash && (
        <SelectionTrashDialog
          photos={trash}
          returnTo={() => asker.current}
          onCancel={() => setTrash(null)}
          onConfirm={() => {
            const chosen = trash;
            setTrash(null);
            void run(async () => {
              const report = await client.trashPhotos(chosen.map((p) => p.id));
              const text = trashResultText(report);
              if (report.moved.length) onTrashed(text);
              return text;
            });
          }}
        />
      )}
    </div>
  );
}
