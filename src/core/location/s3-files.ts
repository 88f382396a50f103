// An S3 library's files: objects under the library's prefix (s3://bucket/prefix/<key>).
// A PUT replaces an object whole, so readers on other devices see the old bytes or the new.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { LibraryLocation } from './library-location';
import { checkKey, type LibraryFiles, type Versioned } from './library-files';
import { s3ClientFor, s3LocationError } from './s3-client';

/** The library's files are read and written once it is open: a network failure then is a lost connection. */
const MID_RUN = { midRun: true };

export class S3Files implements LibraryFiles {
  readonly root: string;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(private readonly location: LibraryLocation) {
    if (!location.s3) throw new Error(`not an S3 library: ${location.uri}`);
    this.root = location.uri;
    this.bucket = location.s3.bucket;
    this.prefix = location.s3.prefix ? `${location.s3.prefix}/` : '';
  }

  where(key: string): string {
    return `${this.root}/${checkKey(key)}`;
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      const out = await this.client().send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (error) {
      if (notFound(error)) return null;
      throw s3LocationError(this.location, error, MID_RUN);
    }
  }

  async write(key: string, data: Uint8Array | string): Promise<void> {
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    try {
      await this.client().send(new PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: body, ContentLength: body.byteLength, ContentType: contentType(key) }));
    } catch (error) {
      throw s3LocationError(this.location, error, MID_RUN);
    }
  }

  async readVersioned(key: string): Promise<Versioned> {
    try {
      const out = await this.client().send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      const data = out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
      return { data, version: out.ETag ?? null };
    } catch (error) {
      if (notFound(error)) return { data: null, version: null };
      throw s3LocationError(this.location, error, MID_RUN);
    }
  }

  /**
   * A conditional PUT: If-Match on the ETag read, If-None-Match: * when there was none (S3,
   * Ceph, MinIO answer 412 when another write came first). The ETag goes without its quotes,
   * as the AWS CLI sends it: Ceph's gateway compares If-Match with the bare value and refuses
   * the quoted one (checked on Ceph 16); a server that wants it quoted is asked again so.
   */
  async writeIfVersion(key: string, data: Uint8Array | string, version: string | null): Promise<boolean> {
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const bare = version?.replace(/^"(.*)"$/, '$1');
    const conditions = version === null ? [{ IfNoneMatch: '*' }] : bare === version ? [{ IfMatch: version }] : [{ IfMatch: bare! }, { IfMatch: version }];
    for (const condition of conditions) {
      try {
        await this.client().send(new PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: body, ContentLength: body.byteLength, ContentType: contentType(key), ...condition }));
        return true;
      } catch (error) {
        if (!lostRace(error)) throw s3LocationError(this.location, error, MID_RUN);
      }
    }
    return false;
  }

  /** Content-addressed objects are the same bytes whoever writes them: one PUT, no HEAD first. */
  async writeNew(key: string, data: Uint8Array): Promise<boolean> {
    await this.write(key, data);
    return true;
  }

  async remove(key: string): Promise<void> {
    try {
      await this.client().send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (!notFound(error)) throw s3LocationError(this.location, error, MID_RUN);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client().send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ...(token ? { ContinuationToken: token } : {}) }));
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(this.prefix.length));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw s3LocationError(this.location, error, MID_RUN);
    }
    return keys;
  }

  async stamp(key: string): Promise<string | null> {
    try {
      const head = await this.client().send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return `${head.ETag ?? ''}:${head.ContentLength ?? ''}:${head.LastModified?.getTime() ?? ''}`;
    } catch (error) {
      if (notFound(error)) return null;
      throw s3LocationError(this.location, error, MID_RUN);
    }
  }

  private objectKey(key: string): string {
    return this.prefix + checkKey(key);
  }

  private client() {
    return s3ClientFor(this.location);
  }
}

function notFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'NoSuchBucket') return false; // the library is gone, not the file
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/** 412: the object changed (or appeared) since it was read; 409: AWS's answer to two conditional writes at once. */
function lostRace(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  return status === 412 || status === 409 || e.name === 'PreconditionFailed' || e.name === 'ConditionalRequestConflict';
}

function contentType(key: string): string {
  if (key.endsWith('.jpg')) return 'image/jpeg';
  if (key.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
