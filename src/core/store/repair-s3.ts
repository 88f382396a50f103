// `shoebox repair` on an S3 library: what repair.ts does for a folder, with objects. Taking a
// table back to its last readable version is LanceDB's checkout + restore, which works on S3
// as on disk; only keeping the damaged files differs: an object cannot be moved, so every
// object of a damaged table is first copied (server-side) to `.damaged/<time>/` under the
// library's prefix, before anything of it changes. Then, as on disk: a torn latest manifest is
// removed (newest first) until a version opens, and a table no version of which reads is
// dropped, to start again empty. The copies are never deleted, and nothing is deleted that was
// not copied first: a table whose listing comes back empty is refused, not dropped.
import { CopyObjectCommand, DeleteObjectCommand, ListObjectsV2Command, type ListObjectsV2CommandOutput, type S3Client } from '@aws-sdk/client-s3';
import type { LibraryLocation } from '../location/library-location';
import { LibraryLocationError } from '../location/location-error';
import { s3ClientFor, s3LocationError } from '../location/s3-client';
import { LibraryConnection } from './connection';
import { manifestVersion, repairEachTable, type StoreRepairReport, type TableFiles } from './repair';
import { readWhole } from './store-health';

/** Lance's note of a table's newest version, beside its manifests. */
const VERSION_HINT = 'latest_version_hint.json';

/** What the copies send: the S3 client's `send` (a test's fake in its place). */
export type S3Sender = Pick<S3Client, 'send'>;

/** Copies of damaged tables' objects under `<prefix>/.damaged/<time>/`, made once per table. */
export class S3DamagedCopies implements TableFiles {
  private at: string | null = null;
  private readonly bucket: string;
  private readonly root: string;
  /** Keys copied aside: the only ones `remove` deletes. */
  private readonly kept = new Set<string>();

  constructor(
    private readonly location: LibraryLocation,
    private readonly client: () => S3Sender = () => s3ClientFor(location),
  ) {
    this.bucket = location.s3!.bucket;
    this.root = location.s3!.prefix ? `${location.s3!.prefix}/` : '';
  }

  /** Where the copies are (s3://bucket/prefix/.damaged/<time>), or null when none was made. */
  movedAside(): string | null {
    return this.at && `${this.location.uri}/${this.at}`;
  }

  /** Every damaged table's objects are copied before anything of it changes, going back a version too. */
  async keepBeforeRestore(name: string): Promise<void> {
    await this.keep(name);
  }

  /** Every object copied first; then the newest manifests removed (repair-s3's dropUnreadableManifests). */
  async dropUnreadableManifests(conn: LibraryConnection, name: string): Promise<{ restoredTo: number; rowsAfter: number } | null> {
    return dropUnreadableManifests(conn, name, await this.keep(name), this);
  }

  /** The table (copied already) is dropped. */
  async setAside(conn: LibraryConnection, name: string): Promise<void> {
    await conn.dropTable(name);
  }

  /** The key every object of the table starts with. */
  tablePrefix(name: string): string {
    return `${this.root}${name}.lance/`;
  }

  /** The table's object keys (under the prefix), every one. */
  async tableKeys(name: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page: ListObjectsV2CommandOutput = await this.client().send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.tablePrefix(name), ...(token ? { ContinuationToken: token } : {}) }));
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw s3LocationError(this.location, error, { midRun: true });
    }
    return keys;
  }

  /**
   * Copies every object of the table aside, keeping its path under the prefix, and returns their
   * keys. A listing with no keys (a table LanceDB names has objects) is refused: nothing copied
   * must never lead to anything deleted.
   */
  async keep(name: string): Promise<string[]> {
    const keys = await this.tableKeys(name);
    if (keys.length === 0) {
      throw new LibraryLocationError(
        `repair stopped: listing the objects of table ${name} in ${this.location.describe()} returned none, so none could be copied aside and nothing was changed; run repair again`,
      );
    }
    this.at ??= `.damaged/${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const key of keys) {
      const source = `${this.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
      try {
        await this.client().send(new CopyObjectCommand({ Bucket: this.bucket, Key: `${this.root}${this.at}/${key.slice(this.root.length)}`, CopySource: source }));
      } catch (error) {
        throw s3LocationError(this.location, error, { midRun: true });
      }
      this.kept.add(key);
    }
    return keys;
  }

  /** Removes one object (a torn manifest, the version hint), once it has been kept; one not kept is refused. */
  async remove(key: string): Promise<void> {
    if (!this.kept.has(key)) throw new Error(`repair: ${key} was not copied aside, so it is not deleted`);
    try {
      await this.client().send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw s3LocationError(this.location, error, { midRun: true });
    }
  }

}

export async function repairS3LibraryStore(location: LibraryLocation): Promise<StoreRepairReport> {
  return repairEachTable(location, new S3DamagedCopies(location));
}

/**
 * The newest manifests removed (each kept already), one at a time, until a version reads whole.
 * `keys` are the table's objects as kept (the writer lock is held: nothing else changes them), so
 * no listing after the copies decides what is deleted.
 */
async function dropUnreadableManifests(
  conn: LibraryConnection,
  name: string,
  keys: readonly string[],
  copies: S3DamagedCopies,
): Promise<{ restoredTo: number; rowsAfter: number } | null> {
  const versions = `${copies.tablePrefix(name)}_versions/`;
  const fileOf = (k: string) => k.slice(versions.length);
  const manifests = keys
    .filter((k) => k.startsWith(versions) && /^\d+\.manifest$/.test(fileOf(k)))
    .sort((a, b) => (manifestVersion(fileOf(b)) > manifestVersion(fileOf(a)) ? 1 : -1));
  // The hint names the newest version; Lance lists the manifests when it is gone (as repair.ts does on disk).
  const hint = keys.find((k) => k === `${versions}${VERSION_HINT}`);
  if (hint) await copies.remove(hint);
  for (const manifest of manifests.slice(0, -1)) {
    await copies.remove(manifest);
    conn.forget(name);
    try {
      const table = await conn.table(name);
      if (!table) return null;
      return { restoredTo: await table.version(), rowsAfter: await readWhole(table) };
    } catch {
      // This version is unreadable too: the one before, then.
    }
  }
  conn.forget(name);
  return null;
}
