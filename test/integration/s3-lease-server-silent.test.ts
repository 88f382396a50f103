// The writer lease when the S3 server stops answering mid-run (a NAS frozen or asleep, a
// router that swallows packets): the lease, not renewed for as long as a write may start, is
// lost at once by its own timer, not at the next write (which may itself hang on that server),
// and its message is the one "lost the connection" line naming the server, not "paused,
// asleep". A process that was itself paused keeps saying so. The server is Ceph's gateway
// behind a proxy that can freeze: connections stay open, nothing passes either way.
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveLibraryLocation } from '../../src/core/location/library-location';
import { LeaseLostError, tryAcquireWriterLease, type WriterLease } from '../../src/core/store/writer-lease';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';
import { startS3Proxy, type S3Proxy } from '../helpers/s3-proxy';

const s3 = await s3Gateway();

const proxies: S3Proxy[] = [];
const leases: WriterLease[] = [];
afterAll(async () => {
  for (const p of proxies) p.thaw();
  for (const lease of leases) await lease.release().catch(() => {});
  for (const p of proxies) await p.close();
  if (s3) await removeTestPrefixes(s3);
});

async function heldLease(label: string, timing: { ttlMs: number; renewMs: number }): Promise<{ lease: WriterLease; proxy: S3Proxy }> {
  const proxy = await startS3Proxy(s3!.endpoint);
  proxies.push(proxy);
  const location = await resolveLibraryLocation(s3LibraryUri(s3!, s3Prefix(label)), { defaultDir: '/nonexistent', env: awsEnv(s3!, proxy.endpoint) });
  const attempt = await tryAcquireWriterLease(location, { command: 'shoebox index', ...timing });
  if (!attempt.acquired) throw new Error('lease not taken');
  leases.push(attempt.lease);
  return { lease: attempt.lease, proxy };
}

describe.skipIf(!s3)('the writer lease of an S3 library whose server stops answering', () => {
  it('is lost by its own timer once it could not be renewed in time, named as a lost connection to that server', async () => {
    // TTL 8 s: a write may start until 6 s after the last renewal (SAFETY_MS is a quarter of so short a TTL).
    const { lease, proxy } = await heldLease('lease-silent', { ttlMs: 8_000, renewMs: 1_000 });
    const lost = new Promise<LeaseLostError>((resolve) => lease.onLost(resolve));
    proxy.freeze();
    const frozenAt = performance.now();
    // Nothing calls assertHeld (no write): the lease's timer must notice by itself.
    const error = await Promise.race([lost, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
    const seconds = (performance.now() - frozenAt) / 1000;
    expect(error, 'the lease was not lost within 20 s of the server going silent').toBeInstanceOf(LeaseLostError);
    expect(seconds).toBeLessThan(10);
    expect(error!.message).toMatch(new RegExp(`^lost the connection to s3://\\S+ at ${proxy.endpoint.replace(/\./g, '\\.')} \\(no answer for \\d+ s\\): what was committed is kept; trying again resumes from there$`));
    // Said as a lost connection by the error itself: the app's banner words it so (status().writer).
    expect(error!.lostConnection).toBe(true);
    expect(() => lease.assertHeld()).toThrow(error!.message);
    // Giving it back does not wait on the silent server either.
    const releasing = performance.now();
    await lease.release();
    expect(performance.now() - releasing).toBeLessThan(8_000);
    proxy.thaw();
  }, 60_000);

  it('a process that was itself paused past the lease says so, not that the server went silent', async () => {
    const { lease } = await heldLease('lease-paused', { ttlMs: 4_000, renewMs: 500 });
    await lease.renew();
    // The event loop blocked past the lease (as a SIGSTOP or a sleeping laptop would stop it):
    // the server answered all along, this process did not run to renew.
    const until = performance.now() + 4_500;
    while (performance.now() < until) {
      // busy: no timer, no renewal runs
    }
    expect(() => lease.assertHeld()).toThrow(expect.objectContaining({ lostConnection: false }));
    expect(() => lease.assertHeld()).toThrow(/^library lease lost: not renewed for \d+ s \(paused, asleep or cut off from the library\); another device may be writing now; stopped writing$/);
  }, 60_000);
});
