// A report's pictures: groups sharing a photo (a picture's exact copies are also members of
// its near group, near groups sit inside similar ones) are one picture. Grouped here once for
// every front end: `shoebox dupes` lists pictures in this order, and the app's pages come with
// their pictures made (pagePictures), so the app lays out what it is sent and never regroups.
import type { DuplicateGroupInfo, DuplicatePictureInfo } from '../../shared/api';
import { duplicatePicture } from '../../shared/duplicate-picture';
import { UnionFind } from '../dupes/union-find';

type Grouped = { members: readonly { path: string }[] };

// Pictures are asked for on every page turn; the groups array of a kept report never changes.
const picturesOf = new WeakMap<readonly Grouped[], Grouped[][]>();

/** The groups of each picture, pictures in the order of their first group (the scan's order). */
export function pictures<G extends Grouped>(groups: readonly G[]): G[][] {
  const known = picturesOf.get(groups) as G[][] | undefined;
  if (known) return known;
  const sets = new UnionFind(groups.length);
  const firstGroupOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const m of g.members) {
      const first = firstGroupOf.get(m.path);
      if (first === undefined) firstGroupOf.set(m.path, i);
      else sets.union(first, i);
    }
  });
  const byRoot = new Map<number, G[]>();
  groups.forEach((g, i) => {
    const root = sets.find(i);
    const list = byRoot.get(root);
    if (list) list.push(g);
    else byRoot.set(root, [g]);
  });
  const out = [...byRoot.values()]; // Map order: by each picture's first group
  picturesOf.set(groups, out);
  return out;
}

/** The pictures of a page's groups (a page carries every group of its pictures), in the core's
 *  order, each as the CLI lists one (duplicatePicture): each photo once, one keeper. */
export function pagePictures(groups: readonly DuplicateGroupInfo[]): DuplicatePictureInfo[] {
  return pictures(groups).map((set) => {
    const picture = duplicatePicture(set, (m) => m.id);
    // The picture's keeper is its widest group's: that group's reasons.
    const why = set[picture.widest]?.why;
    const held = set.some((g) => g.held);
    const heldFor = [...new Set(set.flatMap((g) => g.heldFor ?? []))];
    return { kinds: picture.kinds, keep: picture.keep, members: picture.members, decided: picture.decided, ...(why ? { why } : {}), ...(held ? { held: true as const } : {}), ...(heldFor.length ? { heldFor } : {}) };
  });
}
