// Damages a library the ways a torn write or a failing disk does, for the repair tests: a
// data fragment truncated, garbled or deleted, or the latest manifest truncated. No test
// hooks here, so the CLI tests can import it too.
import fs from 'node:fs';
import path from 'node:path';

export const DAMAGE_KINDS = ['truncated fragment', 'garbled fragment', 'deleted fragment', 'truncated manifest'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

/** A table's data fragment files (`<library>/<table>.lance/data/*.lance`). */
export function dataFiles(libraryDir: string, table: string): string[] {
  const dir = path.join(libraryDir, `${table}.lance`, 'data');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.lance')).map((f) => path.join(dir, f));
}

/** The newest manifest: Lance's v2 names count down from u64::MAX, so the smallest number. */
export function latestManifest(libraryDir: string, table: string): string {
  const dir = path.join(libraryDir, `${table}.lance`, '_versions');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.manifest'));
  files.sort((a, b) => (BigInt(a.split('.')[0]!) < BigInt(b.split('.')[0]!) ? -1 : 1));
  return path.join(dir, files[0]!);
}

/**
 * Damages `table`: the newest fragment written since `before` (a dataFiles() listing), or
 * every one of them (`every`: a write LanceDB later rewrote leaves no readable version of its
 * rows), or the latest manifest. Returns the damaged files.
 */
export function damageTable(libraryDir: string, table: string, kind: DamageKind, before: readonly string[], every = false): string[] {
  if (kind === 'truncated manifest') {
    const manifest = latestManifest(libraryDir, table);
    fs.truncateSync(manifest, Math.floor(fs.statSync(manifest).size / 2));
    return [manifest];
  }
  const fresh = dataFiles(libraryDir, table).filter((f) => !before.includes(f));
  if (fresh.length === 0) throw new Error(`no fragment of ${table} was written since the listing`);
  fresh.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const files = every ? fresh : fresh.slice(0, 1);
  for (const file of files) damageFile(file, kind);
  return files;
}

function damageFile(file: string, kind: Exclude<DamageKind, 'truncated manifest'>): void {
  const size = fs.statSync(file).size;
  if (kind === 'truncated fragment') fs.truncateSync(file, Math.floor(size / 3));
  else if (kind === 'deleted fragment') fs.rmSync(file);
  else {
    // Same size, other bytes (a sector of garbage): a fixed pattern so every run sees the same.
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 131 + 7) & 0xff;
    fs.writeFileSync(file, bytes);
  }
}
