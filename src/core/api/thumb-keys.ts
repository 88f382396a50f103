// The thumbnail keys (and rotations) of photos this process has just shown (in a page of results, a
// timeline, an album), so the grid's thumbnail requests that follow need no second store
// lookup each: on an S3 library that lookup is a LanceDB query over the network (~0.2 s
// here), the thumbnail itself ~1 ms from the device cache. Only photos the engine returned
// are in it, so it names no path that was not a library photo; bounded, oldest dropped.
//
// It only says what a path's thumbnail WAS: forgotten whenever the library's photos change
// (a photo removed, replaced or turned must not keep its thumbnail; LibraryApi calls
// forgetThumbKeys on every photos-changed and folders-changed event) and when a host opens
// a library (another library's path may name another photo). Forgetting costs only the
// lookup of the next thumbnails, until the grid asks for its page again.
const MAX_KEYS = 50_000;
/** A thumbnail's key and how its photo is turned (Rotate: clockwise quarter turns). */
export interface KnownThumb {
  key: string;
  turns: number;
}

const keys = new Map<string, KnownThumb>();

export function rememberThumbKey(path: string, thumbKey: string, turns = 0): void {
  if (!thumbKey) return;
  keys.delete(path); // re-inserted as the newest
  keys.set(path, { key: thumbKey, turns });
  if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value!);
}

export function knownThumbKey(path: string): KnownThumb | undefined {
  return keys.get(path);
}

export function forgetThumbKeys(): void {
  keys.clear();
}
