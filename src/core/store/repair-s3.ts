// `shoebox repair` on an S3 library: what repair.ts does for a folder, with objects. Taking a
// table back to its last readable version is LanceDB's checkout + restore, which works on S3
// as on disk; only keeping the damaged files differs: an object cannot be moved, so every
// object of a damaged table is first copied (server-side) to `.damaged/<time>/` under the
// library's prefix, before anything of it changes. Then, as on disk: a torn latest manifest is
// removed (newest first) until a version opens, and a table no version of which reads is
// dropped, to start again empty. The copies are never deleted.
import { CopyObjectCommand, DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { LibraryLocation } from '../location/library-location';
import { s3ClientFor, s3LocationError } from '../location/s3-client';
import { LibraryConnection } from './connection';
import { lost, manifestVersion, repairEachTable, restoreLastReadable, type StoreRepairReport, type TableRepair } from './repair';
import { readWhole, shortReason } from './store-health';

/** Copies of damaged tables' objects under `<prefix>/.damaged/<time>/`, made once per table. */
class S3DamagedCopies {
  private at: string | null = null;
  private readonly bucket: string;
  private readonly root: string;

  constructor(private readonly location: LibraryLocation) {
    this.bucket = location.s3!.bucket;
    this.root = location.s3!.prefix ? `${location.s3!.prefix}/` : '';
  }

  /** Where the copies are (s3://bucket/prefix/.damaged/<time>), or null when none was made. */
  get where(): string | null {
    return this.at && `${this.location.uri}/${this.at}`;
  }

  /** The table's object keys (under the prefix), every one. */
  async tableKeys(name: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client().send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.root}${name}.lance/`, ...(token ? { ContinuationToken: token } : {}) }));
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw s3LocationError(this.location, error, { midRun: true });
    }
    return keys;
  }

  /** Copies every object of the table aside, keeping its path under the prefix. */
  async keep(name: string): Promise<void> {
    this.at ??= `.damaged/${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const key of await this.tableKeys(name)) {
      const source = `${this.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
      try {
        await this.client().send(new CopyObjectCommand({ Bucket: this.bucket, Key: `${this.root}${this.at}/${key.slice(this.root.length)}`, CopySource: source }));
      } catch (error) {
        throw s3LocationError(this.location, error, { midRun: true });
      }
    }
  }

  /** Removes one object (a torn manifest), once it has been kept. */
  async remove(key: string): Promise<void> {
    try {
      await this.client().send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw s3LocationError(this.location, error, { midRun: true });
    }
  }

  private client() {
    return s3ClientFor(this.location);
  }
}

export async function repairS3LibraryStore(location: LibraryLocation): Promise<StoreRepairReport> {
  const copies = new S3DamagedCopies(location);
  return repairEachTable(location, (conn, name) => repairTable(conn, name, copies), () => copies.where);
}

async function repairTable(conn: LibraryConnection, name: string, copies: S3DamagedCopies): Promise<TableRepair> {
  let table;
  try {
    table = await conn.table(name);
  } catch (error) {
    const reason = shortReason((error as Error).message, 'open');
    conn.forget(name);
    await copies.keep(name);
    const restored = await dropUnreadableManifests(conn, name, copies);
    if (restored) return { table: name, state: 'restored', reason, ...restored, rowsBefore: null, rowsLost: null };
    return rebuild(conn, name, reason, null);
  }
  if (!table) return { table: name, state: 'ok' };
  try {
    await readWhole(table);
    return { table: name, state: 'ok' };
  } catch (error) {
    const reason = shortReason((error as Error).message, 'read');
    const rowsBefore = await table.countRows().catch(() => null);
    await copies.keep(name);
    const restored = await restoreLastReadable(table);
    if (restored) return { table: name, state: 'restored', reason, ...restored, rowsBefore, rowsLost: lost(rowsBefore, restored.rowsAfter) };
    return rebuild(conn, name, reason, rowsBefore);
  }
}

/** The newest manifests removed (each kept already), one at a time, until a version reads whole. */
async function dropUnreadableManifests(conn: LibraryConnection, name: string, copies: S3DamagedCopies): Promise<{ restoredTo: number; rowsAfter: number } | null> {
  const manifests = async () =>
    (await copies.tableKeys(name))
      .filter((k) => /\/_versions\/\d+\.manifest$/.test(k))
      .sort((a, b) => (manifestVersion(b.slice(b.lastIndexOf('/') + 1)) > manifestVersion(a.slice(a.lastIndexOf('/') + 1)) ? 1 : -1));
  for (let keys = await manifests(); keys.length > 1; keys = await manifests()) {
    await copies.remove(keys[0]!);
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

/** No version reads: the table (kept already) is dropped; the writer's next open recreates what it needs. */
async function rebuild(conn: LibraryConnection, name: string, reason: string, rowsBefore: number | null): Promise<TableRepair> {
  conn.forget(name);
  await conn.dropTable(name);
  return { table: name, state: 'rebuilt', reason, rowsBefore, rowsAfter: 0, rowsLost: rowsBefore };
}
