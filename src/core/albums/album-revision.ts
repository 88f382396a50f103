// An album's revision: what the app's editor got when it opened the album, handed back on Save
// so that a save never overwrites a change made meanwhile (the CLI's `albums edit`, another
// window). It covers what the editor edits (name, query, threshold, filters): a pin or an
// exclusion made meanwhile is kept by any save (album-service.ts), so it does not refuse one.
import { createHash } from 'node:crypto';
import { AlbumChangedError, type AlbumDefinition } from './album';

export function albumRevision(album: Pick<AlbumDefinition, 'name' | 'query' | 'threshold' | 'filters'>): string {
  const fields = JSON.stringify([album.name, album.query, album.threshold, sortedKeys(album.filters)]);
  return createHash('sha256').update(fields).digest('hex').slice(0, 16);
}

/** Refuses the save when `album` is no longer the one the editor read (`revision`). */
export function checkRevision(album: AlbumDefinition, revision: string | undefined): void {
  if (revision === undefined || albumRevision(album) === revision) return;
  throw new AlbumChangedError(`${album.name} was changed elsewhere since you opened it: reload to see it`);
}

function sortedKeys(filters: AlbumDefinition['filters']): [string, unknown][] {
  return Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
