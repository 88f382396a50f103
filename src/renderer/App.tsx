import { useCallback, useEffect, useRef, useState } from 'react';
import { useViewerFollowsPhoto } from './hooks/useViewerFollowsPhoto';
import type { LibraryStatus, Photo, SearchSort } from '../shared/api';
import { hidesArchived } from '../shared/archive-views';
import { AlbumEditor } from './components/albums/AlbumEditor';
import { AlbumScreen } from './components/albums/AlbumScreen';
import { AlbumsSection } from './components/albums/AlbumsSection';
import { DuplicatesScreen } from './components/dupes/DuplicatesScreen';
import { DuplicatesSection } from './components/dupes/DuplicatesSection';
import { LabelSetScreen } from './components/tags/LabelSetScreen';
import { LabelSetsSection } from './components/tags/LabelSetsSection';
import { TagReviewScreen } from './components/tags/TagReviewScreen';
import { PlacesScreen } from './components/places/PlacesScreen';
import { PlaceSuggestion } from './components/places/PlaceSuggestion';
import { DescribedSuggestion } from './components/DescribedSuggestion';
import { ConnectionBanner } from './components/ConnectionBanner';
import { EngineError } from './components/EngineError';
import { isDamage } from './lib/library-damage';
import { EngineNotice } from './components/EngineNotice';
import { RepairReport } from './components/RepairReport';
import { FilterBar } from './components/FilterBar';
import { NoFolders, NoModel } from './components/FirstRun';
import { NoModelBanner } from './components/NoModelBanner';
import { WriterElsewhereBanner } from './components/WriterElsewhereBanner';
import { ImageDropZone } from './components/ImageDropZone';
import { ImageRefused } from './components/ImageRefused';
import { PhotoGrid } from './components/PhotoGrid';
import { TimelineGrid } from './components/TimelineGrid';
import { ResultHeader } from './components/ResultHeader';
import { SearchBox } from './components/SearchBox';
import { SearchByImageButton } from './components/SearchByImageButton';
import { SortToggle } from './components/SortToggle';
import { SelectionBar } from './components/SelectionBar';
import { SelectionNotice } from './components/SelectionNotice';
import { useListSelection } from './hooks/useListSelection';
import { SettingsPanel } from './components/SettingsPanel';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { LeaveDialog } from './components/LeaveDialog';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { ThemeToggle } from './components/ThemeToggle';
import { TopBar } from './components/TopBar';
import { Viewer } from './components/Viewer';
import { useFavouriteCount } from './hooks/useFavouriteCount';
import { useTimelineCount } from './hooks/useTimelineCount';
import { useTimelineTotals } from './hooks/useTimelineTotals';
import { emptyViewText } from './lib/empty-view';
import { shortText } from './lib/format';
import { todayIso } from './lib/on-this-day';
import { useLibrary, type LibraryState } from './hooks/useLibrary';
import { useLibraryDamage } from './hooks/useLibraryDamage';
import { useRepairJob } from './hooks/useRepairJob';
import { timelineOptions, usePhotoSource } from './hooks/usePhotoSource';
import { usePlaces } from './hooks/usePlaces';
import { useTimelineSummary } from './hooks/useTimelineSummary';
import { isTyping, useKeydown } from './hooks/useShortcut';
import { useTheme } from './hooks/useTheme';
import { useFilterFields } from './hooks/useFilterFields';
import { usePhotoToOpen } from './hooks/usePhotoToOpen';
import { focusWhenShown, useFocusAfterRender, type FocusTarget } from './hooks/useRefocus';
import { useClient } from './client/ClientContext';
import { useViewState } from './hooks/useViewState';
import { initialRoute, useHashRoute } from './hooks/useHashRoute';
import { UnsavedChangesContext } from './hooks/useUnsavedChanges';
import { ViewingOnlyContext, viewingOnlyOf } from './hooks/useViewingOnly';
import { useFocusGuard } from './hooks/useFocusGuard';
import { filterProblem, NO_FILTERS, searchErrorText, toSearchFilters } from './lib/filters';
import { PHOTOS_SCREEN, type Screen, type ScreenProps } from './lib/screen';
import { startsNewSearch } from './lib/new-search';
import { LIBRARY_VIEW, viewKey, type View } from './lib/view';
import type { ImageView, Route, SettingsRoute } from './lib/route';
import { imageFileRefusal, LOST_IMAGE_SEARCH_NOTE, lostImageSearch } from './lib/image-search';
import { fromTextQuery, photoTextWords, textModeOff, textModeOn, toTextQuery, type TypedQuery } from './lib/text-query';
import { afterAwayAnswer, type ViewerState } from './lib/viewer-away';
import { FAR_FROM_TOWNS_OPENER, placeOpener, placesOpenerTarget, WITHOUT_PLACE_OPENER, type PlacesOpener } from './lib/places-opener';

/** The whole library's timeline (archived photos left out). */
const ALL_PHOTOS = {};
const VIDEOS = { videos: true };
/** The archive: its count for the sidebar, with its videos for the footer ("1 archived video"). */
const ARCHIVED = { archived: true };

/** The heading of what the content area shows ("Results for “dog”", "Arezzo, Italy", "Places"). */
const contentHeading: FocusTarget = () => document.querySelector<HTMLElement>('main h1[tabindex]');
/** The first photo of the grid the content area shows. */
const firstTile: FocusTarget = () => document.querySelector<HTMLElement>('main .grid .tile[data-index="0"] .tile__open');

/** Whether two screens are the same one (the same album, the same set). */
const sameScreen = (a: Screen, b: Screen) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a view is a search the box's "Text in photo" mode makes: one `text:` term, nothing else. */
const isTextSearch = (view: View | null | undefined) => view?.kind === 'search' && photoTextWords(view.query) !== null;

export function App() {
  const client = useClient();
  const library = useLibrary();
  // Where the page opens: the URL's hash (a reload comes back to the same screen).
  const [opened] = useState(initialRoute);
  const views = useViewState(opened.view ?? LIBRARY_VIEW);
  // Opened on a search by image (a reload of it): All photos says why the search is gone, until the view changes.
  const [imageSearchLost, setImageSearchLost] = useState(() => lostImageSearch(location.hash));
  const openedView = useRef(views.view);
  useEffect(() => {
    if (views.view !== openedView.current) setImageSearchLost(false);
  }, [views.view]);
  const [theme, setTheme] = useTheme();
  // The viewer's photo, by position in the list and by id: see the effects below.
  const [viewer, setViewer] = useState<ViewerState | null>(null);
  // Settings, open at a section (its place is in the URL too), or closed (null).
  const [settings, setSettings] = useState<SettingsRoute | null>(opened.settings);
  const settingsOpen = settings !== null;
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [screen, setScreen] = useState<Screen>(opened.screen);
  const currentScreen = useRef(screen);
  currentScreen.current = screen;
  // An editor's changes not saved (the label-set or album editor's): leaving its screen asks first.
  const unsaved = useRef<string | null>(null);
  const setUnsaved = useCallback((what: string | null) => {
    unsaved.current = what;
  }, []);
  const [leaveAsked, setLeaveAsked] = useState<{ what: string; leave: () => void } | null>(null);
  /** Asks before `go` moves to screen `to` while changes are not saved; true when it asked. */
  const askLeave = useCallback((to: Screen, go: () => void): boolean => {
    const what = unsaved.current;
    if (what === null || sameScreen(to, currentScreen.current)) return false;
    setLeaveAsked({
      what,
      leave: () => {
        unsaved.current = null;
        go();
      },
    });
    return true;
  }, []);
  /** Runs `go` (a move to screen `to`) now, or once the user said yes to leaving changes not saved. */
  const leaveFor = useCallback(
    (to: Screen, go: () => void) => {
      if (!askLeave(to, go)) go();
    },
    [askLeave],
  );
  // A reload or closing the tab (or the window) asks first: the browser's own question under
  // `shoebox serve`, the desktop app's dialog in Electron (src/main/unsaved-changes.ts).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved.current === null) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  // The filter bar's fields and the sort, as the URL had them (a reload keeps them).
  const filterFields = useFilterFields(opened.filters ?? NO_FILTERS);
  const settledFields = filterFields.settled;
  // Filters narrow results only (the library listing ignores them), and so do their problems.
  const problem = views.view.kind === 'library' ? null : filterProblem(settledFields);
  const [sort, setSort] = useState<SearchSort>(opened.sort ?? 'score');
  // "Text in photo" mode of the search box (lib/text-query.ts): a page opened on a search in
  // it (a reload, a link) opens in it, the box showing the words (see restore for Back, Forward).
  const [textMode, setTextMode] = useState(() => isTextSearch(opened.view));
  // The query as typed when text mode was switched on: switched off unchanged, it comes back as it was.
  const typedBeforeTextMode = useRef<TypedQuery | null>(null);
  const source = usePhotoSource(views.view, problem ? undefined : toSearchFilters(settledFields), library.photosVersion, sort);
  const timeline = useTimelineSummary(views.view, library.photosVersion);
  const key = `${viewKey(views.view)}|${JSON.stringify(views.view.kind === 'library' ? {} : settledFields)}|${sort}`;
  // The URL's photo (a reload, Back or Forward onto it, a link) opens once the list has it;
  // one gone since opens nothing, and the URL stops naming it (not an entry of its own). The
  // user opening a photo, or going to another screen, before it turns up drops it.
  // (The hash route's replaceNext, set once it is made: it needs this photo first.)
  const replaceNextEntry = useRef(() => {});
  const photoToOpen = usePhotoToOpen({
    initial: opened.screen.kind === 'photos' ? (opened.photo ?? null) : null,
    listKey: key,
    source,
    active: viewer === null && screen.kind === 'photos',
    open: useCallback((index: number, id: string) => setViewer({ index, id }), []),
    notFound: useCallback(() => replaceNextEntry.current(), []),
  });
  const { openById } = photoToOpen;
  // The photo the viewer shows, for the URL: kept while a step shows one not loaded yet.
  const viewerPhoto = useRef<string | null>(null);
  if (viewer === null) viewerPhoto.current = null;
  else if (viewer.id !== undefined) viewerPhoto.current = viewer.id;
  // An album's own viewer: the photo the URL asks it to open (a reload, Back, Forward), and
  // the one it shows, each of one screen (the very object: going there again is another visit).
  const [askedPhoto, setAskedPhoto] = useState(() => ({ screen: opened.screen, id: opened.screen.kind === 'photos' ? null : (opened.photo ?? null), asked: 0 }));
  const [screenPhoto, setScreenPhoto] = useState<{ screen: Screen; id: string } | null>(() => (opened.screen.kind !== 'photos' && opened.photo ? { screen: opened.screen, id: opened.photo } : null));

  // The control on Places that opened the place (its card or map dot) or the note's view shown
  // last: "‹ All places" and Back give the focus back to it (lib/places-opener.ts).
  const lastPlace = useRef<PlacesOpener | null>(null);
  // Moves the focus for a change that replaces the control it was on (one watch at a time: a
  // newer move's replaces an older one's, which would otherwise take the focus back).
  const focusAfterRender = useFocusAfterRender();
  // The URL's hash follows the screen, and Back / Forward bring the screens visited back.
  const { restore: restoreView } = views;
  const { restore: restoreFields } = filterFields;
  const restore = useCallback(
    (to: Route) => {
      setViewer(null);
      openById(to.screen.kind === 'photos' ? (to.photo ?? null) : null);
      setAskedPhoto((last) => ({ screen: to.screen, id: to.screen.kind === 'photos' ? null : (to.photo ?? null), asked: last.asked + 1 }));
      setScreenPhoto(to.screen.kind !== 'photos' && to.photo ? { screen: to.screen, id: to.photo } : null);
      setSettings(to.settings);
      // Another screen has All photos behind it, as after a reload (the search box empty);
      // Settings opened or closed over the same screen leaves it as it is.
      const otherScreen = !sameScreen(to.screen, currentScreen.current);
      if (to.view) restoreView(to.view);
      else if (otherScreen) restoreView(LIBRARY_VIEW);
      // The box's mode follows the entry's search, as when the page opens on it.
      if (to.view || otherScreen) {
        setTextMode(isTextSearch(to.view));
        typedBeforeTextMode.current = null;
      }
      // The entry's filters and sort where they narrow its results; elsewhere (a timeline)
      // they stay as they are, as they do when the user moves there (a search typed there
      // starts without them: lib/new-search.ts).
      if (to.view?.kind === 'search' || to.view?.kind === 'similar') restoreFields(to.filters ?? NO_FILTERS);
      if (to.view?.kind === 'search') setSort(to.sort ?? 'score');
      // Back onto Places from a view it opened: the focus, on that view (leaving with it) or
      // fallen to the page, goes to the card or button it was opened by, as "‹ All places" gives it.
      const active = document.activeElement;
      const focusGoes = active === null || active === document.body || active.closest('main') !== null;
      if (to.screen.kind === 'places' && currentScreen.current.kind === 'photos' && focusGoes) focusAfterRender(placesOpenerTarget(lastPlace.current, contentHeading));
      setScreen(to.screen);
    },
    [restoreView, restoreFields, openById, focusAfterRender],
  );
  // The last search by image (its image lives in this page only, in no URL): Back and Forward
  // onto its entry bring it back, as they do any other results (its viewer's Back, above all).
  const keptImage = useRef<ImageView | null>(null);
  if (views.view.kind === 'image') keptImage.current = views.view;
  const hashRoute = useHashRoute({
    image: keptImage.current,
    route: {
      screen,
      view: screen.kind === 'photos' ? views.view : null,
      settings,
      filters: settledFields,
      sort,
      photo: (screen.kind !== 'photos' ? (screenPhoto?.screen === screen ? screenPhoto.id : null) : viewer === null ? photoToOpen.wanted : viewerPhoto.current) ?? undefined,
    },
    restore,
    askLeave: useCallback((to: Route, leave: () => void) => askLeave(to.screen, leave), [askLeave]),
  });
  replaceNextEntry.current = hashRoute.replaceNext;
  const onScreenPhoto = useCallback((of: Screen, id: string | null, notFound?: boolean) => {
    if (notFound) replaceNextEntry.current();
    setScreenPhoto(id === null ? null : { screen: of, id });
  }, []);
  const searchInput = useRef<HTMLInputElement>(null);

  const setViewerIndex = useCallback((index: number | null) => setViewer(index === null ? null : { index, id: source.get(index)?.id }), [source]);
  // A photo opened from a list that then changed under it (a search's results arriving after
  // the click, while the old ones were still shown; photos added above it while indexing)
  // stays the photo on screen: the viewer follows it to its new position.
  // A step onto a photo whose page had not arrived yet: the photo once it has (the URL names it).
  const viewerIndex = useViewerFollowsPhoto(viewer, source, setViewer);
  // The viewer's photo is not in the list any more (once the list has answered): it is never
  // silently swapped for the one that took its place, where a following F or Archive would
  // act on a photo the user did not choose. Until the engine says why, the viewer shows no
  // photo (its actions wait); a photo still in the library left this list by the user's own
  // action (archived from a timeline, unfavourited in Favourites: the next one shows, as in
  // Google Photos); one the library no longer has is said to be removed, and ← → go on.
  // A photo the user's own date edit moved (`held`) stays on screen, by itself, until the list
  // has it again (the effect above follows it there) or the user steps on or archives it.
  // While the list is fetched again (any change to the library: a favourite set elsewhere, the
  // watcher's next commit), its old photos show meanwhile and nothing can be known of the new
  // ones: the viewer stays as the last list that answered left it. Its photo away then stays
  // away (removed, held, or being checked): the fetch must not show, name or act on the photo
  // that took its place, which the removed message would then name as the one removed.
  // "Answered" for the viewer: the page holding its place came back (settled alone means the
  // first page did; a viewer far down the list would be taken for away, and lose its photo,
  // at each refresh), or the whole list is shorter than its place.
  const answeredHere = viewer !== null && source.settled && (source.hasLoaded(viewer.index) || (source.complete && viewer.index >= source.count));
  const awayFromList = viewer !== null && viewer.id !== undefined && source.get(viewer.index)?.id !== viewer.id;
  const awayWhenSettled = useRef<string | null>(null);
  if (viewer === null) awayWhenSettled.current = null;
  else if (answeredHere) awayWhenSettled.current = awayFromList && viewer.id !== undefined && source.indexOf(viewer.id) < 0 ? viewer.id : null;
  const viewerAway = viewer !== null && viewer.id !== undefined && awayFromList && (answeredHere ? source.indexOf(viewer.id) < 0 : awayWhenSettled.current === viewer.id);
  const viewerHeld = viewerAway && viewer.held?.id === viewer.id ? viewer.held : undefined;
  // The viewer's date edit: its photo is held where it is (it may leave the loaded part of the list).
  const holdViewerPhoto = useCallback((photo: Photo | null) => setViewer((current) => (current && photo && current.id === photo.id ? { ...current, held: photo } : current && !photo ? { index: current.index, id: current.id } : current)), []);
  const latestSource = useRef(source);
  latestSource.current = source;
  // Undo after Archive in the viewer: back on that photo, at its place once the list has it
  // again; meanwhile shown by itself (held, as after a date edit), never the one after it.
  const showAgain = useCallback(
    (photo: Photo) =>
      setViewer((current) => {
        if (current === null) return current;
        const at = latestSource.current.indexOf(photo.id);
        return at >= 0 ? { index: at, id: photo.id } : { index: current.index, id: photo.id, held: photo };
      }),
    [],
  );
  // Asked once each time a photo is away: the id stays noted until the viewer is back on a
  // listed photo. (Cleared by its answer instead, an effect of a render made before the answer,
  // running after it, asked again: a second answer then swapped the photo said removed for
  // the one that took its place.)
  const checkingAway = useRef<string | null>(null);
  if (!viewerAway) checkingAway.current = null;
  useEffect(() => {
    if (!viewerAway || !viewer.id || viewer.removed || viewerHeld || checkingAway.current === viewer.id) return;
    const id = viewer.id;
    checkingAway.current = id;
    const answer = (inLibrary: boolean | null) => setViewer((current) => afterAwayAnswer(current, id, inLibrary, latestSource.current));
    client.getPhoto(id).then(
      (details) => answer(details !== null),
      () => answer(null),
    );
  });

  const { status } = library;
  // Damage status() says, or the grid's first read met before status() knew (useLibraryDamage):
  // the damaged panel, with Repair library, in place of the grid either way.
  const damaged = useLibraryDamage(status, library.refresh, [source.failure, timeline.failure]);
  // Repair library's job: the panel says it runs or failed; the page, what it did once done.
  const repair = useRepairJob(library.jobs);
  const hasModel = status?.model != null;
  // A library with folders on a device without a model (a shared library's second device):
  // shown for viewing, with the model's install offered above it (NoModelBanner).
  const withoutModel = status !== null && !hasModel && !status.damaged && library.folders.length > 0;
  // Another process writes the library (`shoebox watch` on the GPU box, the app on another
  // laptop): searched and viewed here, every change waits (WriterElsewhereBanner).
  const writerElsewhere = status !== null && hasModel && !status.damaged ? (status.writerElsewhere ?? null) : null;
  // 'no-model' on the first run too (no folders yet): Settings' actions that need one wait.
  const viewingOnly = viewingOnlyOf(status);
  const browsable = (hasModel || withoutModel) && library.folders.length > 0;
  // Searching needs the model, but for the text in photos (a query of `text:` terms only): the
  // engine answers that without one, so a library viewed without a model searches it.
  const ready = hasModel && library.folders.length > 0;
  const textOnly = withoutModel;
  const modal = viewerIndex !== null || settingsOpen || shortcutsOpen;
  const favouriteCount = useFavouriteCount(library.photosVersion, browsable);
  const archiveTotals = useTimelineTotals(ARCHIVED, 'archive', library.photosVersion, browsable);
  const archiveCount = archiveTotals ? archiveTotals.total : null;
  // "All photos" counts what its timeline shows: the library without the archive (asked only
  // while something is archived; otherwise the status's count is the same number).
  const archiving = (archiveCount ?? 0) > 0;
  const timelineCount = useTimelineCount(ALL_PHOTOS, 'all', library.photosVersion, browsable && archiving);
  const today = todayIso();
  const onThisDayCount = useTimelineCount({ onThisDay: today }, today, library.photosVersion, browsable);
  const places = usePlaces(library.photosVersion, browsable);
  const videoCount = useTimelineCount(VIDEOS, 'videos', library.photosVersion, browsable);
  // The status bar's All photos: the core's count, videos said apart, as the header says it.
  const allPhotos = useTimelineTotals(ALL_PHOTOS, 'all', library.photosVersion, browsable);

  // The viewer's photo left a list whose length is known (unfavourited in Favourites, archived
  // from a timeline or brought back from the Archive, moved to the trash): stay on the one that took its place, step back from the end, close when
  // none is left.
  useEffect(() => {
    // A photo removed from the library stays said to be (see above) until the user steps on.
    if (viewerIndex === null || viewerAway || !source.settled || !source.complete || source.error) return;
    if (source.count === 0) setViewer(null);
    else if (viewerIndex >= source.count) setViewerIndex(source.count - 1);
  }, [viewerIndex, viewerAway, source, source.count, source.settled, source.complete, source.error, setViewerIndex]);

  useKeydown((event) => {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === '/') {
      // Its text selected, as a browser's address bar: what is typed next replaces the query.
      searchInput.current?.focus();
      searchInput.current?.select();
    } else if (event.key === ',') setSettings({ section: null });
    else if (event.key === '?') setShortcutsOpen(true);
    else return false;
    return true;
  }, !modal);

  // A change that replaces the control the keyboard was on moves the focus to what replaced
  // it (its heading, a card), never leaving it on the page's body; nor does a control that
  // disables itself while its action runs (useFocusGuard).
  useFocusGuard();
  const { moreLikeThis: showSimilar } = views;
  const moreLikeThis = useCallback<typeof showSimilar>(
    (photo) => {
      setViewerIndex(null);
      showSimilar(photo);
      // The viewer (or the tile's button) is gone: the results' heading says what came.
      focusAfterRender(contentHeading);
    },
    [showSimilar, focusAfterRender],
  );

  // ↓ or Enter in the search box: the typed query is searched at once, and the focus goes to
  // its first result (or its heading, when there is none) once they show. Typing on ends the wait.
  const stopWaitingForResults = useRef<() => void>(() => {});
  const typedResults = useRef({ ready: false, count: 0 });
  typedResults.current = {
    ready: screen.kind === 'photos' && source.settled && (views.query.trim() === '' || (views.view.kind === 'search' && views.view.query === views.query.trim())),
    count: source.count,
  };
  const toResults = () => {
    // Submitted: the search is an entry of the history of its own (typing replaces it until then).
    hashRoute.submitSearch(views.query);
    views.searchNow();
    stopWaitingForResults.current();
    stopWaitingForResults.current = focusWhenShown(() => {
      const { ready, count } = typedResults.current;
      return !ready ? null : count > 0 ? firstTile() : contentHeading();
    }, searchInput.current);
  };
  // The skip link, first on the page: past the top bar and the sidebar, to the photos.
  const skipToContent = () => (firstTile() ?? contentHeading() ?? document.querySelector<HTMLElement>('main button, main a[href], main input'))?.focus();

  const view = views.view;
  // Searching, "more like this" or a dropped image bring the photo grid back.
  useEffect(() => {
    if (view.kind !== 'library') leaveFor(PHOTOS_SCREEN, () => setScreen(PHOTOS_SCREEN));
  }, [view, leaveFor]);
  // Leaving a search (for a timeline, More like this, an image) leaves text mode too: the box
  // is empty, and what is typed next describes a photo, as its placeholder then says. The box
  // emptied by the user while in it (typed away, Esc) keeps it: the next text is typed there.
  useEffect(() => {
    if (view.kind === 'search' || document.activeElement === searchInput.current) return;
    setTextMode(false);
    typedBeforeTextMode.current = null;
  }, [view]);

  // A file picked ("Search by image…") or dropped to search by. One that is no image is refused
  // in a line (ImageRefused), before the view changes: the user stays where they were. An
  // image's results replace what the focus was on (the picker's button is still there, but its
  // job is done): their heading has it, as after More like this. The line goes with the view.
  const [imageRefused, setImageRefused] = useState<string | null>(null);
  const focusImageResults = useRef(false);
  const { searchByImage: showImageSearch } = views;
  const searchByImage = useCallback(
    (file: File) => {
      void imageFileRefusal(file).then((refusal) => {
        setImageRefused(refusal);
        if (refusal !== null) return;
        focusImageResults.current = true;
        showImageSearch(file);
      });
    },
    [showImageSearch],
  );
  useEffect(() => {
    setImageRefused(null);
    if (view.kind !== 'image' || !focusImageResults.current) return;
    focusImageResults.current = false;
    focusAfterRender(contentHeading);
  }, [view, focusAfterRender]);
  const { showFolder, showRecent, showFavourites, showOnThisDay, showArchive, showVideos, showPlace, showWithoutPlace, showFarFromTowns, showDescribed } = views;
  // The sidebar's views: each leaves the screen shown (asking first when it has changes not saved).
  const toPhotos = useCallback(
    (show: () => void) =>
      leaveFor(PHOTOS_SCREEN, () => {
        setScreen(PHOTOS_SCREEN);
        show();
      }),
    [leaveFor],
  );
  const showPhotos = useCallback((folder: string | null) => toPhotos(() => showFolder(folder)), [toPhotos, showFolder]);
  const showRecentlyAdded = useCallback(() => toPhotos(showRecent), [toPhotos, showRecent]);
  const showFavouritesView = useCallback(() => toPhotos(showFavourites), [toPhotos, showFavourites]);
  const showOnThisDayView = useCallback(() => toPhotos(showOnThisDay), [toPhotos, showOnThisDay]);
  const showArchiveView = useCallback(() => toPhotos(showArchive), [toPhotos, showArchive]);
  const showVideosView = useCallback(() => toPhotos(showVideos), [toPhotos, showVideos]);
  // A place's timeline (a town card, a country, the viewer's place link), from any screen.
  // The place shown last, whose card or map dot (the one it was opened by) "‹ All places"
  // gives the focus back to (lastPlace).
  const showPlaceView = useCallback(
    (place: string) => {
      setViewer(null);
      setScreen(PHOTOS_SCREEN);
      showPlace(place);
      lastPlace.current = placeOpener(place, document.activeElement?.closest('.place-map') != null);
      // The card, dot or link that opened it is gone: its heading ("Arezzo, Italy") has the focus.
      focusAfterRender(contentHeading);
    },
    [showPlace, focusAfterRender],
  );
  // A note's "Show them…" is gone with the Places page as a card is: the view's heading has
  // the focus, and the button gets it back on the way out.
  const showWithoutPlaceView = useCallback(() => {
    setScreen(PHOTOS_SCREEN);
    showWithoutPlace();
    lastPlace.current = WITHOUT_PLACE_OPENER;
    focusAfterRender(contentHeading);
  }, [showWithoutPlace, focusAfterRender]);
  const showFarFromTownsView = useCallback(() => {
    setScreen(PHOTOS_SCREEN);
    showFarFromTowns();
    lastPlace.current = FAR_FROM_TOWNS_OPENER;
    focusAfterRender(contentHeading);
  }, [showFarFromTowns, focusAfterRender]);
  const showPlaces = useCallback(() => leaveFor({ kind: 'places' }, () => setScreen({ kind: 'places' })), [leaveFor]);
  // The screens' own moves (the sidebar's albums and label sets, an editor's Cancel).
  const navigate = useCallback((to: Screen) => leaveFor(to, () => setScreen(to)), [leaveFor]);
  // "‹ All places" goes away with the place's timeline: the card of that place takes the
  // focus (the one the user went in by), else the page's heading.
  const backToPlaces = useCallback(() => {
    setScreen({ kind: 'places' });
    focusAfterRender(placesOpenerTarget(lastPlace.current, contentHeading));
  }, [focusAfterRender]);
  const { back } = views;
  const showAllPhotos = useCallback(() => {
    back();
    // "Show all photos" is not offered there: the heading says where the user is.
    focusAfterRender(contentHeading);
  }, [back, focusAfterRender]);
  const recent = screen.kind === 'photos' && view.kind === 'library' && view.order === 'added';
  const favourites = screen.kind === 'photos' && view.kind === 'library' && view.favourites === true;
  const onThisDay = screen.kind === 'photos' && view.kind === 'library' && view.onThisDay === true;
  const archive = screen.kind === 'photos' && view.kind === 'library' && view.archived === true;
  const place = screen.kind === 'photos' && view.kind === 'library' ? (view.place ?? null) : null;
  // Without a place and far from any town: both reached from the Places page, both lead back there.
  const withoutPlace = screen.kind === 'photos' && view.kind === 'library' && (view.withoutPlace === true || view.farFromTowns === true);
  const videos = screen.kind === 'photos' && view.kind === 'library' && view.videos === true;
  // Photos unfavourited here leave this list (the Favourites view, "Favourites only").
  const listOfFavourites = view.kind === 'library' ? view.favourites === true : settledFields.favourite;
  // Photos archived here leave this list (All photos, Recently added, On this day), and so do
  // photos brought back in the Archive; search results and narrowed views keep them, badged.
  const leavesOnArchive = (archived: boolean) => view.kind === 'library' && (view.archived ? !archived : archived && hidesArchived(timelineOptions(view)));
  // The tag review and the duplicates review are there to change the library: when another
  // process starts writing it while one is open, the photos take its place (their sidebar
  // entries are gone too). The editors stay: what was typed there is kept, and a Save says why
  // it has to wait.
  const changesOnlyScreen = viewingOnly !== false && (screen.kind === 'tag-review' || screen.kind === 'duplicates');
  const { replaceNext } = hashRoute;
  useEffect(() => {
    if (!changesOnlyScreen) return;
    const hadFocus = document.activeElement?.closest('main') != null;
    // Not the user's move: Back does not lead to the screen taken away.
    replaceNext();
    setScreen(PHOTOS_SCREEN);
    if (hadFocus) focusAfterRender(contentHeading);
  }, [changesOnlyScreen, focusAfterRender, replaceNext]);
  const screenProps: ScreenProps = {
    screen,
    navigate,
    library,
    showPlace: showPlaceView,
    showWithoutPlace: showWithoutPlaceView,
    showFarFromTowns: showFarFromTownsView,
    photo: { id: askedPhoto.screen === screen ? askedPhoto.id : null, asked: askedPhoto.asked },
    onPhoto: onScreenPhoto,
  };
  const loading = !source.settled && source.count === 0;

  // The selection is of this list's photos by index: another list starts afresh; the same
  // list refreshed (another device's commit, the watcher) keeps the photos still in it.
  const { count: selectedCount, select, clear: clearSelection, photos: selectedPhotos, askTrash, askFavourite, askArchive, askRotate, notice, setNotice, noticeUndone } = useListSelection(key, key, source);

  return (
    <ViewingOnlyContext.Provider value={viewingOnly}>
      <UnsavedChangesContext.Provider value={setUnsaved}>
        <div className="app">
          <a
            className="skip-link"
            href="#content"
            onClick={(event) => {
              event.preventDefault();
              skipToContent();
            }}
          >
            {screen.kind !== 'photos' ? 'Skip to content' : view.kind === 'library' ? 'Skip to photos' : 'Skip to results'}
          </a>
          <TopBar>
            <SearchBox
              ref={searchInput}
              value={textMode ? fromTextQuery(views.query) : views.query}
              onChange={(typed) => {
                stopWaitingForResults.current();
                // Typed where no results show: a new search, without the filters and sort left from the last one.
                if (startsNewSearch(screen, views.view, typed)) {
                  restoreFields(NO_FILTERS);
                  setSort('score');
                }
                views.setQuery(textMode ? toTextQuery(typed) : typed);
              }}
              onResults={toResults}
              disabled={!ready && !textOnly}
              disabledReason={searchDisabledReason(status, library.error, library.connection)}
              textMode={textMode}
              textOnly={textOnly}
              onTextMode={(on) => {
                setTextMode(on);
                if (on) {
                  const { query, before } = textModeOn(views.query);
                  typedBeforeTextMode.current = before;
                  views.setQuery(query);
                } else {
                  views.setQuery(textModeOff(views.query, typedBeforeTextMode.current));
                  typedBeforeTextMode.current = null;
                }
              }}
            />
            <SearchByImageButton onFile={searchByImage} disabled={!ready} />
            <div className="top-bar__end">
              <ThemeToggle theme={theme} onChange={setTheme} />
              <button type="button" className="icon-button" aria-label="Settings" title="Settings (,)" onClick={() => setSettings({ section: null })}>
                <span aria-hidden="true">⚙</span>
              </button>
            </div>
          </TopBar>
          <ConnectionBanner state={library.connection} />
          <EngineNotice lines={library.notices} onDismiss={library.dismissNotices} />
          {repair.done && <RepairReport result={repair.done} onDismiss={repair.dismiss} />}
          {imageRefused && <ImageRefused line={imageRefused} onDismiss={() => setImageRefused(null)} />}
          {/* The first run's own screen (NoModel) offers the install: no banner over it. */}
          {withoutModel && <NoModelBanner problem={status ?? null} onFinished={library.refresh} focusAfter={() => searchInput.current} />}
          {writerElsewhere && <WriterElsewhereBanner line={writerElsewhere} writer={status?.writer} />}
          <div className="app-body">
            {browsable && (
              <Sidebar
                folders={library.folders}
                foldersAt={library.foldersAt}
                jobs={library.jobs}
                sync={library.sync}
                photos={(archiving ? timelineCount : null) ?? status?.photos ?? 0}
                folder={screen.kind === 'photos' && view.kind === 'library' && !recent && !favourites && !onThisDay && !archive && !videos && place === null && !withoutPlace && view.described === undefined ? view.folder : undefined}
                onShowFolder={showPhotos}
                recent={recent}
                onShowRecent={showRecentlyAdded}
                favourites={favourites}
                favouriteCount={favouriteCount}
                onShowFavourites={showFavouritesView}
                onThisDay={onThisDay}
                onThisDayCount={onThisDayCount}
                onShowOnThisDay={showOnThisDayView}
                videos={videos}
                videoCount={videoCount}
                onShowVideos={showVideosView}
                places={screen.kind === 'places' || place !== null || withoutPlace}
                placeCount={places.summary?.located ?? null}
                onShowPlaces={showPlaces}
                archive={archive}
                archiveCount={archiveCount}
                onShowArchive={showArchiveView}
              >
                {/* Zero-shot tags, prompt albums and duplicate scans all need the model. The
                    duplicates' trash is there to change the library: not while another process
                    writes it. Label sets and albums only read to be shown then (LabelSetsSection
                    lists them without its editing links while viewing only). */}
                {hasModel && <LabelSetsSection {...screenProps} />}
                {hasModel && <AlbumsSection {...screenProps} />}
                {hasModel && !viewingOnly && <DuplicatesSection {...screenProps} />}
              </Sidebar>
            )}
            <main className="content" id="content">
              {status === null ? (
                // Refused by `shoebox serve` (no token, or an old one): the banner above says what
                // to do; "cannot open the library" and its Try again would only contradict it.
                library.error && library.connection !== 'ended' && <EngineError message={library.error} damaged={isDamage(library.failure)} onRetry={library.refresh} repair={repair} />
              ) : damaged !== null ? (
                <EngineError message={damaged} damaged onRetry={library.refresh} repair={repair} />
              ) : !browsable && !hasModel ? (
                <NoModel problem={status} onRetry={library.refresh} />
              ) : library.folders.length === 0 ? (
                <NoFolders />
              ) : hashRoute.checking ? (
                // The URL's album, label set or folder may be gone since: known before it is shown.
                <p className="content__empty muted">Loading…</p>
              ) : screen.kind === 'label-set' ? (
                <LabelSetScreen {...screenProps} />
              ) : screen.kind === 'tag-review' ? (
                <TagReviewScreen {...screenProps} />
              ) : screen.kind === 'album' ? (
                <AlbumScreen {...screenProps} />
              ) : screen.kind === 'album-editor' ? (
                <AlbumEditor {...screenProps} />
              ) : screen.kind === 'duplicates' ? (
                <DuplicatesScreen {...screenProps} />
              ) : screen.kind === 'places' ? (
                <PlacesScreen {...screenProps} places={places} />
              ) : (
                <>
                  <ResultHeader
                    view={view}
                    count={source.count}
                    videos={view.kind === 'library' ? (timeline.summary ? (timeline.summary.videos ?? 0) : null) : undefined}
                    countComplete={source.complete}
                    loading={loading}
                    countHidden={problem !== null}
                    closest={view.kind === 'search' && source.closest}
                    error={problem ? null : source.error !== null ? searchErrorText(source.failure ?? source.error) : (timeline.error ?? views.error)}
                    queryThumb={view.kind === 'image' ? view.previewUrl : null}
                    onBack={showAllPhotos}
                    onPlaces={backToPlaces}
                  />
                  {imageSearchLost && (
                    <p className="closest-note muted" role="status">
                      {LOST_IMAGE_SEARCH_NOTE}
                    </p>
                  )}
                  {view.kind === 'search' && <PlaceSuggestion summary={places.summary} query={view.query} onPlace={showPlaceView} />}
                  {view.kind === 'search' && <DescribedSuggestion query={view.query} version={library.photosVersion} onDescribed={showDescribed} />}
                  {view.kind !== 'library' && (
                    <FilterBar fields={filterFields.fields} folders={library.folders} onChange={filterFields.setFields}>
                      {view.kind === 'search' && <SortToggle value={sort} onChange={setSort} />}
                    </FilterBar>
                  )}
                  {view.kind === 'search' && source.closest && source.count > 0 && !problem && (
                    // The cut-off left nothing: say so, and still offer a next step.
                    <p className="closest-note" role="status">
                      No strong matches for “{shortText(view.query)}”. Closest photos:
                    </p>
                  )}
                  {selectedCount > 0 && (
                    <SelectionBar
                      count={selectedCount}
                      photos={selectedPhotos}
                      onClear={clearSelection}
                      onTrashed={(text) => {
                        clearSelection();
                        setNotice(text);
                      }}
                      askTrash={askTrash}
                      askFavourite={askFavourite}
                      onFavourites={(favourite, text, undo) => {
                        // The photos go from this list: the selection's indices would name others.
                        if (favourite || !listOfFavourites) return;
                        clearSelection();
                        setNotice(text, undo);
                      }}
                      inArchive={view.kind === 'library' && view.archived === true}
                      askArchive={askArchive}
                      askRotate={askRotate}
                      onMoved={(text, undo) => {
                        // The photos moved in the timeline or left a place view: the selection's indices would name others.
                        clearSelection();
                        setNotice(text, undo);
                      }}
                      onArchived={(archived, text, undo) => {
                        // As with unfavouriting above: the photos went, and the selection with them.
                        if (!leavesOnArchive(archived)) return;
                        clearSelection();
                        setNotice(text, undo);
                      }}
                    />
                  )}
                  {notice && selectedCount === 0 && <SelectionNotice key={notice.id} notice={notice} onUndone={noticeUndone} />}
                  {problem ? (
                    // Filters no photo can pass: say why, and show none of the unfiltered results.
                    <p className="content__empty form-error" role="alert">
                      {problem}
                    </p>
                  ) : source.settled && source.count === 0 && !source.error ? (
                    <p className="content__empty muted">
                      {emptyViewText(view, { folders: library.folders, jobs: library.jobs, syncing: library.sync !== null, archived: archiveCount, writer: status.damaged ? null : (status.writer ?? null) }, source.emptyAnswer)}
                    </p>
                  ) : view.kind === 'library' ? (
                    // Laid out once the first page has answered too (or the list shows its last
                    // photos meanwhile): a first read that fails on damage shows the damaged
                    // panel in place of the grid, never a moment of placeholder tiles before it.
                    timeline.summary &&
                    (source.settled || source.count > 0) && (
                      <TimelineGrid
                        source={source}
                        days={timeline.summary.days}
                        listKey={key}
                        reveal={viewerIndex}
                        onOpen={setViewerIndex}
                        onMoreLikeThis={moreLikeThis}
                        label={recent ? 'Recently added' : favourites ? 'Favourites' : onThisDay ? 'On this day' : archive ? 'Archive' : videos ? 'Videos' : (place ?? 'Photos')}
                        select={select}
                      />
                    )
                  ) : (
                    <PhotoGrid
                      source={source}
                      listKey={key}
                      reveal={viewerIndex}
                      onOpen={setViewerIndex}
                      onMoreLikeThis={moreLikeThis}
                      label="Search results"
                      select={select}
                    />
                  )}
                </>
              )}
            </main>
          </div>
          {/* Refused by serve before any status: nothing to say here that the banner does not (no "Connecting…"). */}
          {!(status === null && library.connection === 'ended') && <StatusBar status={status} error={library.error} archived={archiveTotals} shown={allPhotos} />}
          {viewerIndex !== null && (
            <Viewer
              source={source}
              index={viewerIndex}
              photoId={viewer?.id}
              away={viewerAway ? (viewer.removed ? 'removed' : viewerHeld ? 'held' : 'checking') : undefined}
              held={viewerHeld}
              onHold={holdViewerPhoto}
              onIndex={setViewerIndex}
              onShowAgain={showAgain}
              onNotice={setNotice}
              onClose={() => setViewerIndex(null)}
              onMoreLikeThis={moreLikeThis}
              onPlace={showPlaceView}
            />
          )}
          {settings && <SettingsPanel theme={theme} onTheme={setTheme} section={settings.section} onSection={(section) => setSettings({ section })} onClose={() => setSettings(null)} />}
          {leaveAsked && (
            <LeaveDialog
              what={leaveAsked.what}
              onStay={() => setLeaveAsked(null)}
              onLeave={() => {
                setLeaveAsked(null);
                leaveAsked.leave();
              }}
            />
          )}
          {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
          <ImageDropZone onImage={searchByImage} enabled={ready && !modal} />
        </div>
      </UnsavedChangesContext.Provider>
    </ViewingOnlyContext.Provider>
  );
}

/** Why the search box is off: the library out of reach is said as such, not as a missing model. */
function searchDisabledReason(status: LibraryStatus | null, error: string | null, connection: LibraryState['connection']): string {
  if (status === null && connection === 'ended') return 'This page has no access to shoebox serve: see the message above';
  if (status?.damaged || (status === null && error)) return 'The library cannot be opened: see the message below';
  if (status === null) return 'Connecting to the library…';
  return status.model != null ? 'Add a folder of photos to search them' : 'Search needs a model: see Settings';
}
