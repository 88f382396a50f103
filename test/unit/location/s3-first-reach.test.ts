// "cannot reach" or "lost the connection" (s3-client.ts checkS3Reachable, store/lost-connection.ts):
// a library whose server never answered in this run is "cannot reach" (a mistyped port: nothing
// was written), wherever the failure surfaces, the writer lease included; once its bucket
// answered, the same failure is a lost connection (what was committed is kept).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { resolveLibraryLocation } from '../../../src/core/location/library-location';
import { checkS3Reachable } from '../../../src/core/location/s3-client';
import { lostConnection } from '../../../src/core/store/lost-connection';

/** A server that answers every listing with an empty bucket. */
async function emptyBucketServer(): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>shoebox</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const env = (endpoint: string) => ({ AWS_ACCESS_KEY_ID: 'key', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: endpoint });

describe('an S3 library that does not answer', () => {
  it('never reached in this run: "cannot reach", also where the store explains its errors', async () => {
    const location = await resolveLibraryLocation('s3://shoebox/never', { defaultDir: '/nonexistent', env: env('http://127.0.0.1:9') });
    const error = await checkS3Reachable(location).then(() => null, (e: Error) => e);
    expect(error?.message).toBe('cannot reach s3://shoebox/never at http://127.0.0.1:9: ECONNREFUSED');
    // The writer lease and the store pass the probe's line on as it is, as an error a watcher and
    // a background sync wait out (a NAS asleep when `serve` starts).
    const passed = lostConnection(location, error);
    expect([passed?.name, passed?.message]).toEqual(['LibraryUnreachableError', error?.message]);
  });

  it('reached before in this run: a lost connection, what was committed kept', async () => {
    const server = await emptyBucketServer();
    const location = await resolveLibraryLocation('s3://shoebox/reached', { defaultDir: '/nonexistent', env: env(server.endpoint) });
    await checkS3Reachable(location);
    await server.close();
    const error = await checkS3Reachable(location).then(() => null, (e: Error) => e);
    expect(error?.message).toBe(`lost the connection to s3://shoebox/reached at ${server.endpoint} (econnrefused): what was committed is kept; trying again resumes from there`);
    // The error a watch waits out and the app tells apart (writer-elsewhere), as before the line knew.
    expect(lostConnection(location, error)?.name).toBe('LibraryUnreachableError');
  });
});
