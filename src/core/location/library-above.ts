// The library a place lies inside, if any: a folder or S3 prefix above it holding one of a
// library's marker entries (its meta table, an unfinished copy's marker). A place inside a
// library is not a place of its own: what is written there is carried along by every later
// copy of that library (copy-library's "a copy never writes into another library").
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { LibraryLocation } from './library-location';
import { s3ClientFor, s3LocationError } from './s3-client';

/**
 * The URI of the nearest folder or prefix above `location` (not `location` itself) holding an
 * entry named in `markers` (a file, or a folder when the name ends in "/": "meta.lance/");
 * null when none does.
 */
export async function libraryAbove(location: LibraryLocation, markers: readonly string[]): Promise<string | null> {
  if (location.kind !== 's3') {
    const start = path.resolve(location.databaseUri);
    for (let dir = path.dirname(start); ; dir = path.dirname(dir)) {
      if (markers.some((m) => existsSync(path.join(dir, m)))) return dir;
      if (path.dirname(dir) === dir) return null;
    }
  }
  const place = location.s3!;
  const parts = place.prefix ? place.prefix.split('/') : [];
  // Nearest first: "family/thumbs/zz" asks "family/thumbs/", "family/" and the bucket's root.
  const above = parts.map((_, i) => parts.slice(0, parts.length - 1 - i).join('/'));
  const client = s3ClientFor(location);
  const holds = async (prefix: string, marker: string): Promise<boolean> => {
    const key = `${prefix ? `${prefix}/` : ''}${marker}`;
    try {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: place.bucket, Prefix: key, MaxKeys: 1 }));
      return (listed.Contents ?? []).some((o) => marker.endsWith('/') || o.Key === key);
    } catch (error) {
      // Keys that may use only their own prefix (a policy scoped to it) cannot look above it: nothing seen there.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403) return false;
      throw s3LocationError(location, error);
    }
  };
  const found = await Promise.all(above.map(async (prefix) => ((await Promise.all(markers.map((m) => holds(prefix, m)))).some(Boolean) ? prefix : null)));
  const nearest = found.find((p) => p !== null);
  return nearest === undefined ? null : `s3://${place.bucket}${nearest ? `/${nearest}` : ''}`;
}
