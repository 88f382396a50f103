// One writer per library across devices: a lease kept IN the library, so it holds for a local
// folder shared by two homes (a NAS mount) and for s3:// alike, with no server of ours.
//
// Where: a one-row LanceDB table `lease` in its own database `<library>/.writer-lease` (beside
// the library's tables, not among them: the store lists, migrates, optimizes and repairs its
// own tables only). The row names the holder (claim id, host, pid, command, since) and when
// the lease expires (`expires_at`, the holder's wall clock). The holder renews it every
// RENEW_MS; a crashed device's lease lapses after TTL_MS, and a dead process on this very host
// is seen at once (its pid is gone).
//
// Why it is safe: taking, renewing and releasing are each one conditional UPDATE,
// `UPDATE lease SET claim = <mine>, ... WHERE claim = <the claim I read>`, a compare-and-swap.
// Lance commits every change as a new manifest version written only if that version does not
// exist yet (put-if-not-exists: a rename-without-replace on a local disk, a conditional PUT
// on S3; Ceph 16's RGW answers `If-None-Match: *` with 412, checked). Two updates of the one
// row made from the same version conflict: one commits, the other is re-run by Lance on the
// new version, where its WHERE no longer matches, and reports 0 rows updated. So of any
// number of devices that find the lease free (or expired) at once, exactly one sees
// `rowsUpdated === 1` (checked here: 4 processes racing, 21 rounds on Ceph and 3 locally, one
// winner every time; test/integration/s3-writer-lease.test.ts races them again, on new and
// on released leases). A renewal is the same swap on the holder's own claim: 0 rows means
// another device took the lease over (it had expired), and the holder stops writing
// (LeaseLostError). One race is LanceDB's, not ours: devices creating the table at the same
// moment can see a losing create committed as an overwrite just after a claim (seen on Ceph),
// so a claim made while the table is young (YOUNG_VERSIONS) is read back after SETTLE_MS.
//
// What it relies on: devices' clocks agree within a few seconds (NTP): a live lease looks
// expired to another device only if its clock runs TTL_MS - RENEW_MS (25 s) ahead. A holder
// also stops writing on its own, before another device may take over: `assertHeld()` (called
// before every store write) fails once the last successful renewal is older than
// TTL_MS - SAFETY_MS, by the monotonic clock and the wall clock both (a sleeping laptop's
// monotonic clock stands still). A write already in flight when a process is frozen is not
// stopped: Lance still commits it atomically, it is simply late. A device is its host name,
// and a holder's pid is looked at only by processes of its pid scope (base/process-scope.ts,
// carried in the claim id: a container or sandbox on the same host, or a reboot, has another),
// so only a crash there is seen at once; any other holder is waited out until its expiry.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Connection, Table } from '@lancedb/lancedb';
import { isProcessAlive } from '../../base/process-alive';
import { processScope } from '../../base/process-scope';
import type { LibraryLocation } from '../location/library-location';
import { errorWithoutSecrets } from '../location/location-error';
import { checkS3Reachable, lostConnectionLine } from '../location/s3-client';
import { unfinishedCopyProbe } from '../location/unfinished-copy';
import { loadLanceDb, toLocation, type StoreLocation } from './connection';
import { lostConnection } from './lost-connection';
import { storeDiskFailure } from './store-disk-full';

/** A lease not renewed for this long is free for another device to take. */
export const LEASE_TTL_MS = 30_000;
/** How often the holder renews: well inside the TTL, so a slow store or a busy loop is fine. */
export const LEASE_RENEW_MS = 5_000;
/** How long the release of a lost lease tries to free its row before leaving it to lapse. */
const LOST_RELEASE_MS = 5_000;
/** A write must finish inside the lease: the holder stops writing this long before it lapses. */
const SAFETY_MS = 5_000;
/** Old versions of the lease table (one per renewal) are cleaned every this many renewals. */
const CLEAN_EVERY = 60;

/** A lease table this young may still see a racing create land: claims made in it are checked again after SETTLE_MS. */
const YOUNG_VERSIONS = 10;
const SETTLE_MS = 1000;

const TABLE = 'lease';
const DATABASE = '.writer-lease';

/** Who holds (or last held) a library's lease. */
export interface LeaseHolder {
  host: string;
  pid: number;
  command: string;
  since: number;
  expiresAt: number;
}

/** This writer lost its lease: it expired (a pause, a dropped network) and maybe another device took it. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  /** Lost because the library's server stopped answering (the message is the lost-connection
   *  line), not because the lease lapsed or was taken over: front ends say which without
   *  reading the message. */
  readonly lostConnection: boolean;

  constructor(message: string, lostConnection = false) {
    super(message);
    this.lostConnection = lostConnection;
  }
}

export type LeaseAttempt = { acquired: true; lease: WriterLease } | { acquired: false; holder: LeaseHolder; here: boolean };

export interface LeaseOptions {
  /** The command taking it, for other devices' "library busy". */
  command: string;
  ttlMs?: number;
  renewMs?: number;
}

interface LeaseRow {
  claim: string;
  host: string;
  pid: number;
  command: string;
  since: number;
  expires_at: number;
}

/** Takes the library's writer lease if it is free, expired, or held by a process of this host that is gone. */
export async function tryAcquireWriterLease(where: StoreLocation, options: LeaseOptions): Promise<LeaseAttempt> {
  return explainFailure(where, () => acquire(where, options));
}

async function acquire(where: StoreLocation, options: LeaseOptions): Promise<LeaseAttempt> {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const { db, table } = await openLeaseTable(where);
  let seen: LeaseRow | null = null;
  try {
    // A few rounds: a lease that changed hands while we looked is looked at again.
    for (let round = 0; round < 4; round++) {
      seen = await readLease(table);
      if (seen.claim && !isStale(seen)) return { acquired: false, holder: holderOf(seen), here: seen.host === os.hostname() && seen.pid === process.pid };
      const claim = `${randomUUID()}.${processScope()}`;
      const since = Date.now();
      const started = performance.now();
      let swapped: { rowsUpdated: number; version: number };
      try {
        swapped = await table.update({
          where: `claim = '${seen.claim}'`,
          values: { claim, host: os.hostname(), pid: process.pid, command: options.command, since, expires_at: since + ttlMs },
        });
      } catch (error) {
        // A conflict Lance would not re-run (a table being created at this moment): look again.
        if (isConflict(error)) continue;
        throw error;
      }
      if (swapped.rowsUpdated !== 1) continue;
      if (swapped.version <= YOUNG_VERSIONS) {
        // Devices creating the table at the same moment: LanceDB commits a losing create as an
        // overwrite of the winner's version, which can reset a claim made just before it. Such
        // a late create lands within moments of the table's birth: wait that out, then check.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const now = await readLease(table);
        if (now.claim !== claim) continue;
      }
      return { acquired: true, lease: new WriterLease(db, table, claim, { ttlMs, renewMs: options.renewMs ?? LEASE_RENEW_MS }, started, since, toLocation(where)) };
    }
  } catch (error) {
    table.close();
    db.close();
    throw error;
  }
  table.close();
  db.close();
  return { acquired: false, holder: holderOf(seen!), here: false };
}

/** Who holds the library's lease now, or null when no one does (readers never wait on it). */
export async function readWriterLease(where: StoreLocation): Promise<LeaseHolder | null> {
  return explainFailure(where, async () => {
    const { db, table } = await openLeaseTable(where);
    try {
      const row = await readLease(table);
      return row.claim && !isStale(row) ? holderOf(row) : null;
    } finally {
      table.close();
      db.close();
    }
  });
}

/**
 * Who holds the lease, read again and again through one connection (a page following another
 * device's writer, every few seconds). readWriterLease opens the table afresh each time: on
 * S3 a reachability probe, a TLS handshake, a LIST of tables, of versions, a manifest and the
 * row, ~6 requests. Kept open (readConsistencyInterval 0: each query still sees the latest
 * version), a look is a LIST of the versions, plus the manifest and the row only when the
 * lease changed since. A failed look drops the connection: the next one opens it again, with
 * the probe, so a bucket that went away is said as clearly as by readWriterLease.
 */
export class WriterLeaseReader {
  private opened: Promise<{ db: Connection; table: Table }> | null = null;
  private closed = false;

  constructor(private readonly where: StoreLocation) {}

  /** Who holds the lease now, or null when no one does. */
  async holder(): Promise<LeaseHolder | null> {
    if (this.closed) return null;
    const opened = (this.opened ??= explainFailure(this.where, () => openLeaseTable(this.where)));
    try {
      const row = await explainFailure(this.where, async () => readLease((await opened).table));
      return row.claim && !isStale(row) ? holderOf(row) : null;
    } catch (error) {
      if (this.opened === opened) this.forget();
      throw error;
    }
  }

  close(): void {
    this.closed = true;
    this.forget();
  }

  private forget(): void {
    const opened = this.opened;
    this.opened = null;
    void opened?.then(
      ({ db, table }) => {
        table.close();
        db.close();
      },
      () => undefined,
    );
  }
}

/** A connection dropped while the lease is looked at, or a full disk, is said as the store's calls say it (not LanceDB's page of causes). */
async function explainFailure<T>(where: StoreLocation, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw lostConnection(where, error) ?? storeDiskFailure(where, error) ?? errorWithoutSecrets(error, toLocation(where).secrets);
  }
}

/**
 * A held lease: renewed in the background until `release()`; writes call `assertHeld()` first.
 * The renewal timer also watches the lease itself: once it has gone unrenewed for as long as
 * a write may start (TTL_MS - SAFETY_MS), it is lost at once and the `onLost` listeners told,
 * so a run whose server stopped answering stops then, not at its next write (which may itself
 * be stuck on that server). Its message says why: the server did not answer the renewal, or
 * failed it with a network error (the one "lost the connection" line the store's calls give),
 * or this process was not running (frozen, asleep) to renew it.
 */
export class WriterLease {
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> | null = null;
  /** When the renewal in flight began (monotonic), while one is. */
  private renewingSince: number | null = null;
  private lost: LeaseLostError | null = null;
  private released = false;
  private renewals = 0;
  private lastError = '';
  /** The last renewal failed for the network (a timeout, a refused or dropped connection): its cause. */
  private lastNetworkCause = '';
  /** When the timer last ran, by both clocks: a long gap means this process itself was paused. */
  private lastTick = { mono: performance.now(), wall: Date.now() };
  private readonly lostListeners = new Set<(error: LeaseLostError) => void>();

  constructor(
    private readonly db: Connection,
    private readonly table: Table,
    private readonly claim: string,
    private readonly timing: { ttlMs: number; renewMs: number },
    /** When the lease was last confirmed, by the monotonic and the wall clock. */
    private confirmedAt: number,
    private confirmedAtWall: number,
    /** Where the library is, for the message of a lease lost to a server that stopped answering. */
    private readonly location?: LibraryLocation,
  ) {
    this.timer = setInterval(() => {
      this.watch();
      void this.renew();
    }, timing.renewMs);
    // A command that is done must exit even while the lease is held (release() ends it anyway).
    this.timer.unref();
  }

  /** Throws LeaseLostError unless the lease is surely still ours long enough for one write. */
  assertHeld(): void {
    if (this.lost) throw this.lost;
    if (this.released) throw new LeaseLostError('the writer lease was released');
    if (this.expiring()) {
      this.loseUnrenewed(this.timerLate());
      throw this.lost!;
    }
  }

  /** How long since the lease was last confirmed, when that is past the time a write may start; else null. */
  private expiring(): number | null {
    const left = this.timing.ttlMs - Math.min(SAFETY_MS, this.timing.ttlMs / 4);
    const since = Math.max(performance.now() - this.confirmedAt, Date.now() - this.confirmedAtWall);
    return since > left ? since : null;
  }

  /** The timer's check: a lease gone unrenewed too long is lost now, not at the next write. */
  private watch(): void {
    const paused = this.timerLate();
    this.lastTick = { mono: performance.now(), wall: Date.now() };
    if (this.lost || this.released || !this.expiring()) return;
    this.loseUnrenewed(paused);
  }

  /** The timer did not run when due (SIGSTOP, a sleeping laptop, a blocked event loop): this
   *  process was not running to renew, whatever the server did meanwhile. */
  private timerLate(): boolean {
    return Math.max(performance.now() - this.lastTick.mono, Date.now() - this.lastTick.wall) > 2 * this.timing.renewMs;
  }

  private loseUnrenewed(paused: boolean): void {
    const since = this.expiring() ?? 0;
    const seconds = Math.round(since / 1000);
    const location = this.location?.kind === 's3' ? this.location : undefined;
    if (location && !paused) {
      // This process was running and renewing: the server did not answer (a renewal in flight
      // all along) or failed it for the network. Said as the store's calls say it.
      const stuck = this.renewingSince !== null && performance.now() - this.renewingSince >= this.timing.renewMs;
      const cause = stuck ? `no answer for ${seconds} s` : this.lastNetworkCause ? `${this.lastNetworkCause}, the writer lease not renewed for ${seconds} s` : '';
      if (cause) return this.lose(lostConnectionLine(location, cause), true);
    }
    this.lose(`not renewed for ${seconds} s (${(!paused && this.lastError) || 'paused, asleep or cut off from the library'}); another device may be writing now`);
  }

  /** Called once if the lease is lost; a listener added after that is called at once. */
  onLost(listener: (error: LeaseLostError) => void): () => void {
    if (this.lost) {
      listener(this.lost);
      return () => {};
    }
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Renews now (the timer does it every renewMs). */
  renew(): Promise<void> {
    if (this.lost || this.released) return Promise.resolve();
    this.renewing ??= this.renewOnce().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  /** Gives the lease up (another device may take it at once) and stops renewing. */
  async release(): Promise<void> {
    if (this.released) return;
    clearInterval(this.timer);
    // A lost lease's renewal may be stuck on a dropped network: not waited for.
    if (!this.lost) await this.renewing;
    this.released = true;
    try {
      // Keeps who held it, for the record; an expired lease is free. Our claim only: a lease
      // another device took over is not touched, and one lost here (not renewed in time)
      // still holding our claim is freed, so this process may take it again at once. A lost
      // lease's store may not answer: given a few seconds, then it lapses by itself.
      const expire = this.table.update({ where: `claim = '${this.claim}'`, values: { expires_at: 0 } }).catch(() => undefined); // unreachable: it lapses
      if (this.lost) await Promise.race([expire, new Promise((resolve) => setTimeout(resolve, LOST_RELEASE_MS).unref())]);
      else await expire;
    } catch {
      // Unreachable store: the lease lapses after its TTL instead.
    } finally {
      this.table.close();
      this.db.close();
    }
  }

  private async renewOnce(): Promise<void> {
    const started = performance.now();
    const wall = Date.now();
    this.renewingSince = started;
    try {
      const swapped = await this.table.update({ where: `claim = '${this.claim}'`, values: { expires_at: wall + this.timing.ttlMs } });
      if (this.released) return;
      if (swapped.rowsUpdated !== 1) {
        const taker = await readLease(this.table).catch(() => null);
        this.lose(taker?.claim ? `${describeHolder(holderOf(taker))} took it over after it expired` : 'it expired and was taken over');
        return;
      }
      this.confirmedAt = started;
      this.confirmedAtWall = wall;
      this.lastError = '';
      this.lastNetworkCause = '';
      this.renewingSince = null;
      if (++this.renewals % CLEAN_EVERY === 0) await this.clean();
    } catch (error) {
      // A store that does not answer: keep trying until the lease would lapse (watch, assertHeld).
      this.lastError = ((error as Error).message ?? String(error)).split('\n')[0]!.slice(0, 200);
      this.lastNetworkCause = this.location ? (networkCause(this.location, error) ?? '') : '';
    } finally {
      this.renewingSince = null;
    }
  }

  /** Each renewal is a version of the lease table: drop the old ones so opening it stays quick. */
  private async clean(): Promise<void> {
    try {
      await this.table.optimize({ cleanupOlderThan: new Date(Date.now() - 10 * this.timing.ttlMs) });
    } catch {
      // Cleaning is housekeeping: the next round tries again.
    }
  }

  /** `whole`: the connection was lost, and `why` is the whole message (the lost-connection
   *  line), not a reason to wrap; the error says so (lostConnection). */
  private lose(why: string, whole = false): void {
    if (this.lost) return;
    this.lost = new LeaseLostError(whole ? why : `library lease lost: ${why}; stopped writing`, whole);
    clearInterval(this.timer);
    for (const listener of this.lostListeners) listener(this.lost);
    this.lostListeners.clear();
  }
}

/** "shoebox watch on laptop (pid 42)". */
export function describeHolder(holder: LeaseHolder): string {
  return `${holder.command || 'another process'} on ${holder.host || 'another device'} (pid ${holder.pid})`;
}

async function openLeaseTable(where: StoreLocation): Promise<{ db: Connection; table: Table }> {
  const location = toLocation(where);
  // A bucket that is down or refuses the keys: one clear line now, not LanceDB's retries; and
  // no lease taken in a prefix that holds a copy still being made (as store/connection.ts).
  if (location.kind === 's3') await checkS3Reachable(location, unfinishedCopyProbe(location));
  const { connect } = await loadLanceDb();
  const uri = `${location.databaseUri.replace(/\/+$/, '')}/${DATABASE}`;
  const storageOptions = { ...location.storageOptions };
  // Every read sees the latest version: the lease is about what other devices just did.
  const db = await connect(uri, { readConsistencyInterval: 0, ...(Object.keys(storageOptions).length ? { storageOptions } : {}) });
  try {
    // Devices may create it at the same moment: one create succeeds (put-if-not-exists), and a
    // table seen while another device is still creating it cannot be opened for an instant.
    const free: Record<string, unknown> = { claim: '', host: '', pid: 0, command: '', since: 0, expires_at: 0 } satisfies LeaseRow;
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await db.tableNames()).includes(TABLE)) return { db, table: await db.openTable(TABLE) };
        return { db, table: await db.createTable(TABLE, [free], { mode: 'create' }) };
      } catch (error) {
        const message = (error as Error).message ?? '';
        const racing = isConflict(error) || /already exists|not found|could not be loaded/i.test(message);
        // Still unreadable after 3 s: not a device creating it, but a table left without its
        // versions (a process killed, or a server that woke and ran a dead process's queued
        // requests). It holds no claim anyone can read, and every writer would stop on it for
        // good: made again, free. A device creating it meanwhile meets a conflict and opens it.
        if (attempt >= 30 && /could not be loaded/i.test(message)) return { db, table: await db.createTable(TABLE, [free], { mode: 'overwrite' }) };
        if (attempt >= 30 || !racing) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } catch (error) {
    db.close();
    throw error;
  }
}

async function readLease(table: Table): Promise<LeaseRow> {
  const rows = (await table.query().limit(2).toArray()) as LeaseRow[];
  // The table holds exactly one row (created with it; only updated since).
  if (rows.length !== 1) throw new Error(`the writer lease table has ${rows.length} rows, not 1`);
  const row = rows[0]!;
  return { claim: row.claim, host: row.host, pid: Number(row.pid), command: row.command, since: Number(row.since), expires_at: Number(row.expires_at) };
}

/** What a failed renewal's network error was ("timed out", "error sending request"), as lost-connection.ts reads it; null for any other failure. */
function networkCause(location: LibraryLocation, error: unknown): string | null {
  const line = lostConnection(location, error)?.message;
  return line ? (/\(([^)]*)\): what was committed/.exec(line)?.[1] ?? null) : null;
}

function isConflict(error: unknown): boolean {
  return /commit conflict|incompatible transaction|preempted by concurrent/i.test((error as Error).message ?? '');
}

function isStale(row: LeaseRow): boolean {
  if (row.expires_at <= Date.now()) return true;
  // A holder of this very host and pid scope whose process is gone (kill -9, a crash) need not
  // be waited for. A claim from before scopes were recorded has none: waited out.
  const sameScope = row.claim.slice(row.claim.lastIndexOf('.') + 1) === processScope();
  return row.host === os.hostname() && sameScope && row.pid !== process.pid && !isProcessAlive(row.pid);
}

function holderOf(row: LeaseRow): LeaseHolder {
  return { host: row.host, pid: row.pid, command: row.command, since: row.since, expiresAt: row.expires_at };
}
