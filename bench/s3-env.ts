// The S3 server the S3 benchmarks use: the Ceph RADOS Gateway of ../shared/s3 (ceph-rgw.sh
// prints S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION), or AWS_* variables
// and SHOEBOX_BENCH_S3 (s3://bucket/prefix) for any other. Each run writes under a prefix of
// its own and removes it at the end. Nothing here prints a secret.
import crypto from 'node:crypto';
import { LibraryLocation, resolveLibraryLocation } from '../src/core/location/library-location';
import { s3ClientFor } from '../src/core/location/s3-client';

/** The AWS_* variables for the S3 server, or null when none is configured. */
export function s3Env(): NodeJS.ProcessEnv | null {
  const e = process.env;
  if (e.S3_ENDPOINT && e.S3_ACCESS_KEY && e.S3_SECRET_KEY) {
    return { ...e, AWS_ACCESS_KEY_ID: e.S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: e.S3_SECRET_KEY, AWS_ENDPOINT_URL: e.S3_ENDPOINT, AWS_REGION: e.S3_REGION ?? 'us-east-1' };
  }
  return e.SHOEBOX_BENCH_S3 && e.AWS_ACCESS_KEY_ID ? e : null;
}

/** A fresh s3:// library location under the bench's bucket. */
export async function freshS3Library(name: string, env: NodeJS.ProcessEnv): Promise<LibraryLocation> {
  const base = env.SHOEBOX_BENCH_S3 ?? `s3://${env.S3_BUCKET ?? 'shoebox'}`;
  const uri = `${base.replace(/\/$/, '')}/bench-${name}-${crypto.randomBytes(4).toString('hex')}`;
  return resolveLibraryLocation(uri, { defaultDir: '/nonexistent', env });
}

/** Removes every object under the library's prefix (the gateway keeps objects in memory). */
export async function removeS3Library(location: LibraryLocation): Promise<void> {
  const { ListObjectsV2Command, DeleteObjectsCommand } = await import('@aws-sdk/client-s3');
  const client = s3ClientFor(location);
  const { bucket, prefix } = location.s3!;
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/` }));
    const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (keys.length === 0) return;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
  }
}
