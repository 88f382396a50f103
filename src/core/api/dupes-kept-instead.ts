// The keepers of the report a person last saw that are gone from disk now, each with the copy
// the report as read now keeps in its place. `shoebox dupes` scans again on every run, and the
// new scan ranks a missing file last, so without this the keeper the last run named just
// vanishes from the list (or, before gone files were left out, showed up as a photo "not
// trashed"): the run says which copy is kept instead, in the app's words (kept-instead-text.ts).
import { duplicatePicture } from '../../shared/duplicate-picture';
import type { DuplicateGroup } from '../dupes/types';
import { pictures } from './dupes-pictures';

export interface KeptInstead {
  /** The keeper the earlier report named, gone from disk. */
  gone: string;
  /** The photo kept now in the picture that holds the rest of its group. */
  kept: string;
}

/** `before`: the groups last shown; `now`: the groups as read now (gone files left out);
 *  `gone`: the paths gone from disk. */
export function keptInstead(before: readonly DuplicateGroup[], now: readonly DuplicateGroup[], gone: ReadonlySet<string>): KeptInstead[] {
  // Each photo's picture keeper now: the one the list shows as "keep".
  const keeperNow = new Map<string, string>();
  for (const picture of pictures(now)) {
    const { keep } = duplicatePicture(picture, (m) => m.path);
    for (const g of picture) for (const m of g.members) keeperNow.set(m.path, keep);
  }
  const out = new Map<string, string>();
  for (const g of before) {
    if (!gone.has(g.keep) || out.has(g.keep)) continue;
    const kept = g.members.map((m) => keeperNow.get(m.path)).find((k) => k !== undefined);
    if (kept !== undefined) out.set(g.keep, kept);
  }
  return [...out].map(([goneKeeper, kept]) => ({ gone: goneKeeper, kept }));
}
