// What a page following another device's writer costs on S3: it reads the writer lease every
// few looks (writer-elsewhere.ts) through one kept connection (WriterLeaseReader). Counted here
// at an HTTP proxy in front of the gateway: a look is at most 3 requests (the versions' LIST,
// and the manifest and the row when a renewal moved the lease), where opening the table
// afresh for each (readWriterLease) costs the reachability probe and every LIST again.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveLibraryLocation } from '../../src/core/location/library-location';
import { readWriterLease, tryAcquireWriterLease, WriterLeaseReader } from '../../src/core/store/writer-lease';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});

/** An HTTP proxy to `target` that counts the requests passing. */
async function countingProxy(target: string): Promise<{ endpoint: string; requests: string[]; close(): Promise<void> }> {
  const to = new URL(target);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const upstream = http.request({ host: to.hostname, port: Number(to.port || 80), method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe.skipIf(!s3)('reading the writer lease on S3 again and again', () => {
  it('costs at most 3 requests a look through one kept connection', async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('lease-reads'));
    const direct = await resolveLibraryLocation(uri, { defaultDir: '/nonexistent', env: awsEnv(s3!) });
    const attempt = await tryAcquireWriterLease(direct, { command: 'shoebox watch' });
    if (!attempt.acquired) throw new Error('the lease of a new library was not free');
    const proxy = await countingProxy(s3!.endpoint);
    const through = await resolveLibraryLocation(uri, { defaultDir: '/nonexistent', env: awsEnv(s3!, proxy.endpoint) });
    const reader = new WriterLeaseReader(through);
    let released = false;
    try {
      const perLook = async (look: () => Promise<unknown>) => {
        if (!released) await attempt.lease.renew(); // the holder renews between looks: the lease table moves
        const before = proxy.requests.length;
        await look();
        return proxy.requests.length - before;
      };
      const afresh = await perLook(() => readWriterLease(through));
      await reader.holder(); // opened once
      const kept = [await perLook(() => reader.holder()), await perLook(() => reader.holder()), await perLook(() => reader.holder())];
      console.log(`writer lease look on S3: ${afresh} requests opened afresh, ${kept.join('/')} through the kept connection`);
      for (const n of kept) expect(n).toBeLessThanOrEqual(3);
      expect(Math.max(...kept)).toBeLessThan(afresh);
      expect((await reader.holder())?.command).toBe('shoebox watch');

      // Released: the kept connection sees the lease free; a look at a lease that stays put is 2 requests at most.
      await attempt.lease.release();
      released = true;
      expect(await reader.holder()).toBeNull();
      const still = await perLook(() => reader.holder());
      console.log(`writer lease look on S3 at a free lease: ${still} request(s) through the kept connection`);
      expect(still).toBeLessThanOrEqual(2);
    } finally {
      reader.close();
      if (!released) await attempt.lease.release();
      await proxy.close();
    }
  }, 60_000);
});
