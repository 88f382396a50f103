// Albums have no engine event of their own (LibraryEvent has none): an edit made on this
// page (save, remove, pin, exclude) is announced here, so the sidebar's counts and an open
// album view reload at once. Photos indexed or removed reach them through
// library.photosVersion instead.
import { useEffect, useState } from 'react';

const listeners = new Set<() => void>();

/** Tells every mounted album view that albums or their members changed. */
export function notifyAlbumsChanged(): void {
  for (const listener of listeners) listener();
}

/** A number that changes whenever this page changed an album: put it in deps. */
export function useAlbumsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    listeners.add(bump);
    return () => {
      listeners.delete(bump);
    };
  }, []);
  return version;
}
