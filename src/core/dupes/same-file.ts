// Hard links: two paths that are one file on disk (same device and inode). A scan sees two
// rows with the same bytes, so they form an exact group, but moving one of them frees no space
// and only takes the photo out of that folder: a member that is the same file as the photo its
// group keeps stays. Told on disk as it is now (a link made or broken since the scan counts),
// as keepRealFiles tells symbolic links. A symbolic link is not a hard link: it is its own
// small file, and moving it leaves its target (trash-duplicates.ts).
import fs from 'node:fs/promises';

/** Why the trash leaves such a member: the words both front ends show (src/shared). */
export { SAME_FILE_AS_KEPT } from '../../shared/same-file-text';

/** The file a path names, as "device:inode"; a symbolic link is followed when `follow`
 *  (a keeper that is a link keeps its target), else it is its own file. null when gone. */
export async function fileKey(file: string, follow = false): Promise<string | null> {
  try {
    const st = await (follow ? fs.stat(file) : fs.lstat(file));
    return st.isFile() ? `${st.dev}:${st.ino}` : null;
  } catch {
    return null;
  }
}

/** Each path's file key (not following symbolic links), looked up once per path. */
export async function fileKeys(paths: Iterable<string>): Promise<Map<string, string | null>> {
  const unique = [...new Set(paths)];
  const keys = await Promise.all(unique.map((p) => fileKey(p)));
  return new Map(unique.map((p, i) => [p, keys[i]!]));
}

/**
 * For each path, the other paths among `paths` that are the same file on disk (hard links of
 * one another); paths with none are left out.
 */
export async function sameFiles(paths: Iterable<string>): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  for (const [file, key] of await fileKeys(paths)) if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), file]);
  const out = new Map<string, string[]>();
  for (const files of byKey.values()) if (files.length > 1) for (const f of files) out.set(f, files.filter((o) => o !== f));
  return out;
}

/** `groups` with each member's `sameFileAs`: the group's other members that are the same file. */
export async function withSameFiles<M extends { path: string; sameFileAs?: string[] }, G extends { members: M[] }>(groups: readonly G[]): Promise<G[]> {
  const linked = await sameFiles(groups.flatMap((g) => g.members.map((m) => m.path)));
  if (linked.size === 0) return [...groups];
  return groups.map((g) => {
    const inGroup = new Set(g.members.map((m) => m.path));
    const members = g.members.map((m) => {
      const same = (linked.get(m.path) ?? []).filter((p) => inGroup.has(p));
      return same.length ? { ...m, sameFileAs: same } : m;
    });
    return { ...g, members };
  });
}
