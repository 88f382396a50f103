// Which of the photos a description edit names it would change, and which are described so
// already: the same words (as kept: trimmed), or, for a removal (null or blank text), none.
// Those are said apart ("1 photo had no description"), never counted as done.
import type { PhotosAtPaths } from './edits-by-path';

export function describedAlready(at: Pick<PhotosAtPaths, 'found' | 'rows'>, descriptions: ReadonlyMap<string, string>, text: string | null): { changed: string[]; unchanged: string[] } {
  const wanted = text === null || text.trim() === '' ? undefined : text.trim();
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const p of at.found) (descriptions.get(at.rows.get(p)!.hash) === wanted ? unchanged : changed).push(p);
  return { changed, unchanged };
}
