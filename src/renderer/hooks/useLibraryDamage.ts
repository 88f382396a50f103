// The library's damage, for the page to show its panel (and Repair library) by. status()
// says it only once the core has met it: damage in a table the open does not read (favourites,
// tags) is met by the first read of it, the grid's first page. That read's error is the same
// one line status() then says (told by the error's name: lib/library-damage.ts): the panel shows at once, never the grid's placeholders under
// the CLI's advice, and status is asked again, so the core's own answer takes over.
import { useEffect, useRef } from 'react';
import type { LibraryStatus } from '../../shared/api';
import { damageLineOf } from '../lib/library-damage';

export function useLibraryDamage(status: LibraryStatus | null, refresh: () => void, readErrors: readonly unknown[]): string | null {
  const read = damageLineOf(...readErrors);
  const asked = useRef<string | null>(null);
  const said = status?.damaged ?? null;
  useEffect(() => {
    // Once for each line: a status that still does not say it must not be asked for in a loop.
    if (read === null) asked.current = null;
    if (read === null || said !== null || asked.current === read) return;
    asked.current = read;
    refresh();
  });
  return said ?? (status !== null ? read : null);
}
