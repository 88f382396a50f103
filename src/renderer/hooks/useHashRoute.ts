// Keeps the URL's hash on where the user is (lib/route.ts) and the app on the hash: each new
// screen is a history entry, Back and Forward (the browser's, the mouse's) restore the
// entries' screens, and a reload opens on the hash's. A search typed replaces its entry until
// it is submitted (Enter); a photo opened in the viewer is an entry that Back closes, and
// closing the viewer goes back to the entry it was opened from (lib/route.ts historyStep); a
// hash that names nothing, or something gone since (an album deleted, a folder removed), lands
// on All photos.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShoeboxClient } from '../client/client';
import { useClient } from '../client/ClientContext';
import { ALL_PHOTOS_ROUTE, hashToRoute, historyStep, routeToHash, type ImageView, type Route } from '../lib/route';

export interface HashRouteOptions {
  /** Where the app is now. */
  route: Route;
  /** Takes the app to `route` (Back, Forward, a route found gone). */
  restore: (route: Route) => void;
  /** Leaving for `to` needs a yes first (changes not saved): asks, runs `leave` on yes, and
   *  returns true; false when nothing needs asking. */
  askLeave: (to: Route, leave: () => void) => boolean;
  /** The search by image the page holds (the image is in no URL): Back or Forward onto its hash brings it back. */
  image?: ImageView | null;
}

export interface HashRoute {
  /** The route the page opened on (or went back to) is being checked: its album, label set,
   *  folder or photo may be gone. The screen waits for the answer rather than saying it is gone. */
  checking: boolean;
  /** Enter in the search box: `query` is submitted, and what is typed next is a new entry. */
  submitSearch: (query: string) => void;
  /** The next change of route replaces the current entry (one the app made by itself). */
  replaceNext: () => void;
}

/** The route the page opens on: its hash's, else All photos. */
export function initialRoute(): Route {
  return hashToRoute(location.hash) ?? ALL_PHOTOS_ROUTE;
}

/** Where this page's entries keep their position in the history (history.state). */
const KEY = 'shoeboxEntry';
/** And the hash of the entry before, as it was when this one was pushed: after a reload the
 *  page knows it still (closing the viewer goes back to it when it is the screen under it). */
const BEFORE = 'shoeboxBefore';

function stateOf(state: unknown): Record<string, unknown> {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

function entryIndex(state: unknown): number | null {
  const value = stateOf(state)[KEY];
  return typeof value === 'number' ? value : null;
}

function entryBefore(state: unknown): string | undefined {
  const value = stateOf(state)[BEFORE];
  return typeof value === 'string' ? value : undefined;
}

function entryState(state: unknown, index: number): Record<string, unknown> {
  return { ...stateOf(state), [KEY]: index };
}

/** The page's URL with another hash: the path and the query (under `serve`, the token's) stay as they are. */
const urlWith = (hash: string) => `${location.pathname}${location.search}${hash}`;

const searchOf = (route: Route | null) => (route?.screen.kind === 'photos' && route.view?.kind === 'search' ? route.view.query : null);

/** Whether the route names something that may be gone since its URL was made. */
function checkable(route: Route): boolean {
  const { screen, view } = route;
  return (
    screen.kind === 'album' ||
    ((screen.kind === 'album-editor' || screen.kind === 'label-set') && screen.name !== null) ||
    screen.kind === 'tag-review' ||
    (screen.kind === 'photos' && ((view?.kind === 'library' && view.folder !== null) || view?.kind === 'similar'))
  );
}

/** True when what the route names is gone; false when it is there, or when the engine could not say. */
async function isGone(client: ShoeboxClient, route: Route): Promise<boolean> {
  const { screen, view } = route;
  try {
    if (screen.kind === 'album' || screen.kind === 'album-editor') return !(await client.listAlbums()).some((a) => a.name === screen.name);
    if (screen.kind === 'label-set' || screen.kind === 'tag-review') {
      const name = screen.kind === 'label-set' ? screen.name : screen.set;
      return !(await client.listLabelSets()).some((s) => s.name === name);
    }
    if (view?.kind === 'library') return !(await client.listFolders()).some((f) => f.path === view.folder);
    if (view?.kind === 'similar') return (await client.getPhoto(view.id)) === null;
  } catch {
    // The engine is not reachable (yet): the screen says so itself.
  }
  return false;
}

export function useHashRoute({ route, restore, askLeave, image = null }: HashRouteOptions): HashRoute {
  const client = useClient();
  const hash = routeToHash(route);
  const latest = useRef({ route, restore, askLeave, image });
  latest.current = { route, restore, askLeave, image };
  /** This page's entry in the history, and the hashes of the entries it made (by position). */
  const index = useRef(0);
  const entries = useRef<string[]>([]);
  /** The current entry is a search typed, not submitted: typing on replaces it. */
  const typing = useRef(false);
  const submitted = useRef<string | null>(null);
  const replacing = useRef(false);
  /** Moves in the history this page made itself (a Back taken back while asking), whose popstate is not the user's. */
  const ownMoves = useRef(0);
  /** The user said yes to leaving: the next popstate goes through. */
  const leaving = useRef(false);
  /** The viewer closed by going back to the entry under it: the hash that entry should have.
   *  Its popstate is the app's own (the app is there already), unless the entry is another. */
  const closing = useRef<string | null>(null);
  /** The app moved while that Back was on its way (Esc, then Enter on a tile at once): the
   *  history follows once it has arrived, from the entry it lands on. */
  const heldMove = useRef(false);
  /** Takes the history to where the app is now (below). */
  const follow = useRef(() => {});
  /** replaceNext() was called: counted, so that a render follows in which it is known whether the hash changed. */
  const [replaceAsked, setReplaceAsked] = useState(0);
  const [checking, setChecking] = useState(() => checkable(route));
  const checkId = useRef(0);

  const check = useCallback(
    (target: Route) => {
      const id = ++checkId.current;
      if (!checkable(target)) {
        setChecking(false);
        return;
      }
      setChecking(true);
      void isGone(client, target).then((gone) => {
        if (id !== checkId.current) return;
        setChecking(false);
        if (!gone) return;
        replacing.current = true;
        latest.current.restore(ALL_PHOTOS_ROUTE);
      });
    },
    [client],
  );

  // First (before the effect below): the entry the page opened on, under its canonical hash
  // (a garbage one becomes All photos'). A reload keeps the entry's position (history.state).
  useEffect(() => {
    const at = entryIndex(history.state) ?? 0;
    index.current = at;
    entries.current[at] = hash;
    const before = entryBefore(history.state);
    if (at > 0 && before !== undefined) entries.current[at - 1] = before;
    history.replaceState(entryState(history.state, at), '', urlWith(hash));
    check(latest.current.route);

    const onPop = (event: PopStateEvent) => {
      const at = entryIndex(event.state);
      if (ownMoves.current > 0) {
        ownMoves.current--;
        if (at !== null) index.current = at;
        return;
      }
      const closed = closing.current;
      closing.current = null;
      if (closed !== null && at !== null && location.hash === closed) {
        index.current = at;
        if (heldMove.current) {
          heldMove.current = false;
          follow.current();
        }
        return;
      }
      heldMove.current = false;
      const to = hashToRoute(location.hash, latest.current.image) ?? ALL_PHOTOS_ROUTE;
      const from = index.current;
      // An entry of this page (Back, Forward): the entry stays the current one until the user
      // says yes to leaving changes not saved. (A hash typed in the address bar just goes.)
      if (!leaving.current && at !== null && at !== from) {
        const delta = at - from;
        const asked = latest.current.askLeave(to, () => {
          leaving.current = true;
          history.go(delta);
        });
        if (asked) {
          ownMoves.current++;
          history.go(-delta);
          return;
        }
      }
      leaving.current = false;
      const next = at ?? from + 1;
      const canonical = routeToHash(to);
      index.current = next;
      if (at === null) entries.current.length = next;
      entries.current[next] = canonical;
      const before = entryBefore(event.state);
      if (next > 0 && entries.current[next - 1] === undefined && before !== undefined) entries.current[next - 1] = before;
      if (at === null || location.hash !== canonical) history.replaceState(entryState(event.state, next), '', urlWith(canonical));
      typing.current = false;
      submitted.current = null;
      replacing.current = false;
      latest.current.restore(to);
      check(to);
    };
    window.addEventListener('popstate', onPop);
    // The desktop app has no browser around it: the mouse's back and forward buttons are ours.
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== 3 && event.button !== 4) return;
      event.preventDefault();
      if (event.button === 3) history.back();
      else history.forward();
    };
    if (client.transport === 'ipc') window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('mouseup', onMouseUp);
    };
    // Once, for the page: the route is read through `latest`.
  }, []);

  // The app moved (a click, a search typed): the history follows.
  follow.current = () => {
    const hash = routeToHash(latest.current.route);
    const at = index.current;
    const from = entries.current[at] ?? hash;
    let step = historyStep(from, hash, typing.current, at > 0 ? entries.current[at - 1] : undefined);
    // A move the app made by itself leaves no entry; but the viewer it closed (a photo gone
    // since, Forward onto it) still goes back to the entry it was opened from, or two entries
    // would read the same and the next Back would do nothing.
    if (replacing.current && step !== 'none' && step !== 'back') step = 'replace';
    replacing.current = false;
    if (step === 'none') return;
    // What the user moved to is theirs: a check of where they were no longer applies.
    checkId.current++;
    setChecking(false);
    if (step === 'back') {
      // The entry before is where the app is now: going back there leaves no entry over it.
      closing.current = hash;
      history.back();
    } else if (step === 'replace') {
      entries.current[at] = hash;
      history.replaceState(entryState(history.state, at), '', urlWith(hash));
    } else {
      index.current = at + 1;
      entries.current.length = at + 1;
      entries.current[at + 1] = hash;
      history.pushState({ [KEY]: at + 1, [BEFORE]: from }, '', urlWith(hash));
    }
    const query = searchOf(latest.current.route);
    // A new query is typed until submitted; Settings opened over it and closed leaves it as it was.
    if (query === null) typing.current = false;
    else if (query !== searchOf(hashToRoute(from))) typing.current = submitted.current !== query;
    submitted.current = null;
  };
  useEffect(() => {
    // The viewer's close is going back still: the current entry is the photo's until it has.
    if (closing.current !== null) heldMove.current = true;
    else follow.current();
  }, [hash]);
  // A replaceNext() with no change of hash in its render replaces nothing: the user's next move is an entry.
  useEffect(() => {
    if (closing.current === null) replacing.current = false;
  }, [replaceAsked]);

  const submitSearch = useCallback((query: string) => {
    const typed = query.trim();
    if (!typed) return;
    if (searchOf(latest.current.route) === typed) typing.current = false;
    else submitted.current = typed;
  }, []);
  const replaceNext = useCallback(() => {
    replacing.current = true;
    setReplaceAsked((n) => n + 1);
  }, []);
  return { checking, submitSearch, replaceNext };
}
