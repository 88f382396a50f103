// A writer lease table left without its versions (a process killed mid-commit, or an S3
// server that woke and ran a dead process's queued requests) must not stop every writer for
// good with LanceDB's "exists but could not be loaded": the lease is coordination only, so it
// is made again, free, and the next command takes it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryAcquireWriterLease } from '../../src/core/store/writer-lease';
import { tempDir } from '../helpers/images';

describe('a writer lease table that cannot be loaded', () => {
  it('is made again, and the lease is taken', async () => {
    const library = tempDir('shoebox-lease-');
    const first = await tryAcquireWriterLease(library, { command: 'shoebox index' });
    if (!first.acquired) throw new Error('the first lease was not taken');
    await first.lease.release();
    const versions = path.join(library, '.writer-lease', 'lease.lance', '_versions');
    expect(fs.existsSync(versions)).toBe(true);
    fs.rmSync(versions, { recursive: true });

    const again = await tryAcquireWriterLease(library, { command: 'shoebox index' });
    expect(again.acquired).toBe(true);
    if (again.acquired) await again.lease.release();
  }, 60_000);
});
