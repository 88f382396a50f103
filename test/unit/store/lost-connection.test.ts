// An S3 library that stops answering mid-run is reported in one line that names the library,
// never the secret, and says a re-run resumes; other errors pass through untouched.
import { describe, expect, it } from 'vitest';
import { LibraryLocation } from '../../../src/core/location/library-location';
import { lostConnection } from '../../../src/core/store/lost-connection';

const SECRET = 'sEcReT-0123456789';
const s3 = LibraryLocation.s3('photos', 'family', { region: 'us-east-1', endpoint: 'http://nas.local:9000', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET } });

// LanceDB's own words when the connection went (abridged from a real run, plus the secret an SDK might echo).
const lanceError = new Error(
  `lance error: LanceError(IO): failed to shutdown object writer for family/photos.lance/_transactions/5.txn: Generic S3 error: Error performing PUT http://nas.local:9000/photos/family/photos.lance/_transactions/5.txn in 510ms, after 3 retries, max_retries: 3, retry_timeout: 180s  - HTTP error: error sending request (key ${SECRET})\n  Caused by: LanceError(IO): ...\n    Caused by: error sending request`,
);

describe('a lost connection to an S3 library', () => {
  it('is one line naming the library and its endpoint, without the secret', () => {
    const error = lostConnection(s3, lanceError);
    expect(error?.message).toBe('lost the connection to s3://photos/family at http://nas.local:9000 (error sending request): what was committed is kept; trying again resumes from there');
    expect(error?.message).not.toContain(SECRET);
  });

  it('a broken response body counts as a lost connection too', () => {
    expect(lostConnection(s3, new Error('Generic S3 error: Error getting list response body: HTTP error: request or response body error'))?.name).toBe('LibraryUnreachableError');
  });

  it('a connection closed before the answer (hyper IncompleteMessage, as LanceDB reported one cut as it opened) too', () => {
    const error = lostConnection(
      s3,
      new Error('Invalid input, Failed to connect to namespace: IO { source: Generic { store: "S3", source: ListRequest { source: RetryError(RetryErrorImpl { method: GET, retries: 3, inner: Http(HttpError { kind: Request, source: reqwest::Error { kind: Request, source: hyper_util::client::legacy::Error(SendRequest, hyper::Error(IncompleteMessage)) } }) }) } } }'),
    );
    expect(error?.message).toBe('lost the connection to s3://photos/family at http://nas.local:9000 (connection closed before the answer): what was committed is kept; trying again resumes from there');
  });

  it('leaves other errors, and local libraries, alone', () => {
    expect(lostConnection(s3, new Error('Client error with status 403 Forbidden'))).toBeNull();
    expect(lostConnection(LibraryLocation.local('/tmp/library'), lanceError)).toBeNull();
  });
});
