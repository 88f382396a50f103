// Library location URIs as a user types them: folders, file:// URLs and s3://bucket/prefix,
// and the one line a mistake gets (never repeating a secret pasted into the URI).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LibraryLocation, LibraryLocationError, parseLibraryUri, resolveLibraryLocation } from '../../../src/core/location';

describe('parseLibraryUri', () => {
  it('takes a folder relative to the working folder, or a file:// URL, as a local library', () => {
    expect(parseLibraryUri('photos-lib', '/work/here')).toEqual({ kind: 'local', dir: path.resolve('/work/here', 'photos-lib') });
    expect(parseLibraryUri('/srv/shoebox')).toEqual({ kind: 'local', dir: path.resolve('/srv/shoebox') });
    expect(parseLibraryUri(pathToFileURL('/srv/shoe box').href)).toEqual({ kind: 'local', dir: path.resolve('/srv/shoe box') });
  });

  it('takes s3://bucket/prefix with the prefix tidied (no empty, leading or trailing segments)', () => {
    expect(parseLibraryUri('s3://shoebox/family/photos')).toEqual({ kind: 's3', bucket: 'shoebox', prefix: 'family/photos' });
    expect(parseLibraryUri('s3://shoebox//family///photos/')).toEqual({ kind: 's3', bucket: 'shoebox', prefix: 'family/photos' });
    expect(parseLibraryUri('S3://my.bucket-1')).toEqual({ kind: 's3', bucket: 'my.bucket-1', prefix: '' });
  });

  it('refuses what cannot be a library, in one line', () => {
    const cases: [string, RegExp][] = [
      ['', /library location is empty/],
      ['   ', /library location is empty/],
      ['s3://', /name a bucket/],
      ['s3:///prefix', /name a bucket/],
      ['s3://a/x', /not a valid bucket name/],
      ['s3://bad_bucket!/x', /not a valid bucket name/],
      ['s3://shoebox/a/../b', /"\." and "\.\." are not allowed/],
      ['s3://shoebox/x?endpoint=http://nas', /AWS_ENDPOINT_URL/],
      ['s3:/shoebox/x', /bad library location s3:\/…: write it s3:\/\/bucket\/prefix/], // one slash: not a folder named "s3:"
      ['S3:shoebox', /write it s3:\/\/bucket\/prefix/],
      ['gs://bucket/x', /unsupported library location gs:/],
      ['http://nas.local/lib', /unsupported library location http:/],
    ];
    for (const [uri, message] of cases) {
      let error: unknown;
      try {
        parseLibraryUri(uri);
      } catch (e) {
        error = e;
      }
      expect(error, uri).toBeInstanceOf(LibraryLocationError);
      expect((error as Error).message, uri).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('never repeats keys pasted into the URI', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expect(() => parseLibraryUri(`s3://AKIAEXAMPLE:${secret}@shoebox/x`)).toThrow(/credentials do not go in the URI/);
    try {
      parseLibraryUri(`s3://AKIAEXAMPLE:${secret}@shoebox/x`);
    } catch (e) {
      expect((e as Error).message).not.toContain(secret);
      expect((e as Error).message).not.toContain('AKIAEXAMPLE');
    }
  });

  it('never repeats what follows "?" or "#", nor a prefix beside a bad bucket (keys pasted as a query)', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const uris = [
      `s3://shoebox/lib?aws_secret_access_key=${secret}`,
      `s3://shoebox?aws_secret_access_key=${secret}`,
      `s3://shoebox/lib#${secret}`,
      `s3://bad_bucket!/${secret}`,
      `s3://shoebox/../${secret}`,
    ];
    for (const uri of uris) {
      let message = '';
      try {
        parseLibraryUri(uri);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, uri).toMatch(/^bad library location /);
      expect(message, uri).not.toContain(secret);
      expect(message, uri).not.toContain('wJalr');
    }
  });
});

describe('resolveLibraryLocation (local)', () => {
  it('is <home>/library when no URI is given, and the folder itself otherwise', async () => {
    const def = await resolveLibraryLocation(undefined, { defaultDir: '/home/me/.config/Shoebox/library', env: {} });
    expect(def).toMatchObject({ kind: 'local', uri: '/home/me/.config/Shoebox/library', databaseUri: '/home/me/.config/Shoebox/library', s3: undefined });
    expect(def.storageOptions).toEqual({});
    const other = await resolveLibraryLocation('lib', { defaultDir: '/unused', cwd: '/data', env: {} });
    expect(other).toMatchObject({ kind: 'local', uri: path.resolve('/data/lib'), databaseUri: path.resolve('/data/lib') });
    expect(LibraryLocation.local('/x').credentials).toBeUndefined();
  });

  it('needs no credentials for a local library, whatever the AWS variables say', async () => {
    const loc = await resolveLibraryLocation('/data/lib', { defaultDir: '/unused', env: { AWS_ACCESS_KEY_ID: 'only-half' } });
    expect(loc.kind).toBe('local');
  });
});
