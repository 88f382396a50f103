// status().writer: why this process does not write the library, said from the error's class
// and fields (not its wording), so front ends word each case: another process writes ('busy',
// naming it), this process's lease lapsed ('lease-lost'), or the S3 server stopped answering
// ('connection': the S3 client's line, which does not start "library lease lost").
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../../src/shared/api';
import { WriterElsewhere } from '../../../src/core/api/writer-elsewhere';
import type { LibraryService } from '../../../src/core/library/library-service';
import { LibraryBusyError } from '../../../src/core/library/writer-lock';
import { LeaseLostError } from '../../../src/core/store/writer-lease';

const LOST_CONNECTION = 'lost the connection to s3://family/shoebox at http://nas:9000 (no answer for 25 s): what was committed is kept; trying again resumes from there';
const HOLDER = 'shoebox watch on gpubox (pid 4242)';
const BUSY = `library busy: ${HOLDER} is writing to s3://family/shoebox; it lets the library go once quiet for 30 s (unless set otherwise): try again then`;

const made: WriterElsewhere[] = [];
afterEach(() => {
  for (const w of made.splice(0)) w.stop();
});

/** A library this process does not write, held elsewhere (so the follower's look keeps the note). */
function watching(): { elsewhere: WriterElsewhere; events: LibraryEvent[]; lib: { writing: boolean } } {
  const lib = { writing: false, writerElsewhere: async () => ({ host: 'gpubox', pid: 4242 }), readable: async () => ({ dataVersion: async () => '1' }) };
  const events: LibraryEvent[] = [];
  const elsewhere = new WriterElsewhere(lib as unknown as LibraryService, (e) => events.push(e), 60_000);
  made.push(elsewhere);
  return { elsewhere, events, lib };
}

describe('why this process does not write, for status()', () => {
  it('a lost connection is said as one, not as another writer', () => {
    const { elsewhere } = watching();
    expect(elsewhere.saw(new LeaseLostError(LOST_CONNECTION, true))).toBe(true);
    expect(elsewhere.writer).toEqual({ holder: null, reason: 'connection' });
    expect(elsewhere.current).toBe(LOST_CONNECTION); // the line, for the CLI and serve
  });

  it('a lapsed lease, and another process writing (named by the error, not read from its line)', () => {
    const { elsewhere, events } = watching();
    elsewhere.saw(new LeaseLostError('library lease lost: it expired and was taken over; stopped writing'));
    expect(elsewhere.writer).toEqual({ holder: null, reason: 'lease-lost' });
    elsewhere.saw(new LibraryBusyError(BUSY, HOLDER));
    expect(elsewhere.writer).toEqual({ holder: HOLDER, reason: 'busy' });
    expect(elsewhere.current).toBe(BUSY);
    // Each change of reason tells the page to read status() again (its banner).
    expect(events.filter((e) => e.type === 'folders-changed')).toHaveLength(2);
  });

  it('says nothing while this process writes, and nothing for other errors', () => {
    const { elsewhere, lib } = watching();
    expect(elsewhere.saw(new Error(LOST_CONNECTION))).toBe(false);
    expect(elsewhere.writer).toBeNull();
    elsewhere.saw(new LeaseLostError(LOST_CONNECTION, true));
    lib.writing = true;
    expect(elsewhere.writer).toBeNull();
    expect(elsewhere.current).toBeNull();
  });
});
