// "This album was made": said by newAlbumWith once the engine saved it, heard by the New album
// field, which keeps what was typed until then: a refused name (another album holds it) stays
// in the field to be corrected, not lost. The field's onCreate says nothing of how it went.
const listeners = new Set<(name: string) => void>();

export function announceAlbumMade(name: string): void {
  for (const listener of listeners) listener(name);
}

/** Calls `listener` with the name of each album made; returns the unsubscribe. */
export function onAlbumMade(listener: (name: string) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
