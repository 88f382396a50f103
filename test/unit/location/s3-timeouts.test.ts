// How long an S3 library waits on a server that stopped answering (library-location.ts
// LANCE_S3_TIMEOUTS, s3-client.ts): LanceDB's requests are bounded so a stuck server fails a
// run within about a minute, and the line for it is recognised wherever it comes from.
import { describe, expect, it } from 'vitest';
import { LANCE_S3_TIMEOUTS, resolveLibraryLocation } from '../../../src/core/location/library-location';
import { isLostConnection } from '../../../src/core/location/location-error';
import { lostConnectionLine, s3LocationError } from '../../../src/core/location/s3-client';

const env = { AWS_ACCESS_KEY_ID: 'AKIATIMEOUTS', AWS_SECRET_ACCESS_KEY: 'timeouts-secret-value', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://nas.local:9000' };

describe("an S3 library's LanceDB options", () => {
  it('bound each request (30 s), its retries (none begun after 20 s) and leave out Lance\'s throttle retries', async () => {
    const location = await resolveLibraryLocation('s3://photos/family', { defaultDir: '/nonexistent', env });
    expect(location.storageOptions).toMatchObject({ connect_timeout: '5s', timeout: '30s', client_max_retries: '3', client_retry_timeout: '20', lance_aimd_max_retries: '0' });
    expect(location.storageOptions).toMatchObject(LANCE_S3_TIMEOUTS);
    // A retry may start just before client_retry_timeout and run a whole timeout: the worst case stays about a minute.
    expect(parseInt(LANCE_S3_TIMEOUTS.client_retry_timeout!, 10) + parseInt(LANCE_S3_TIMEOUTS.timeout!, 10)).toBeLessThanOrEqual(60);
  });

  it('a local library has none', async () => {
    const location = await resolveLibraryLocation('/tmp/some-library', { defaultDir: '/nonexistent', env });
    expect(location.storageOptions).toEqual({});
  });
});

describe('the lost-connection line', () => {
  it('a socket timed out mid-run is "timed out", not the SDK\'s error name', async () => {
    const location = await resolveLibraryLocation('s3://photos/family', { defaultDir: '/nonexistent', env });
    const error = s3LocationError(location, Object.assign(new Error('the request socket timed out after 30000 ms of inactivity'), { name: 'TimeoutError' }), { midRun: true });
    expect(error.message).toBe('lost the connection to s3://photos/family at http://nas.local:9000 (timed out): what was committed is kept; trying again resumes from there');
  });

  it('is recognised from its words, whichever part of the library gave it', async () => {
    const location = await resolveLibraryLocation('s3://photos/family', { defaultDir: '/nonexistent', env });
    expect(isLostConnection(new Error(lostConnectionLine(location, 'error sending request')))).toBe(true);
    expect(isLostConnection(new Error('library lease lost: it expired and was taken over; stopped writing'))).toBe(false);
    expect(isLostConnection(new Error('Photo x.jpg has a 3-d vector'))).toBe(false);
    expect(isLostConnection(undefined)).toBe(false);
  });
});
