// Object storage for tests (issue #13): a real S3 server, Ceph's RADOS Gateway. A gateway
// already running is used when S3_ENDPOINT (with S3_ACCESS_KEY, S3_SECRET_KEY) is set and
// answers; otherwise the run starts its own on first need (s3-gateway-process.ts) and stops it
// at the end. Each test takes its own prefix in the bucket. Tests skip, saying why, only where
// Ceph cannot run here (not installed and no root, or ../shared absent).
//
//   const s3 = await s3Gateway();
//   describe.skipIf(!s3)('...', () => { ... s3LibraryUri(s3!, s3Prefix('two-homes')) ... });
import { randomBytes } from 'node:crypto';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { cephUnavailable, runGateway, type S3Settings } from './s3-gateway-process';

export type { S3Settings } from './s3-gateway-process';

let gateway: Promise<S3Settings | null> | undefined;

/** The gateway's settings, or null (after a warning saying why) where Ceph cannot run here. */
export function s3Gateway(): Promise<S3Settings | null> {
  gateway ??= findGateway();
  return gateway;
}

async function findGateway(): Promise<S3Settings | null> {
  const { S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION } = process.env;
  if (S3_ENDPOINT && S3_ACCESS_KEY && S3_SECRET_KEY && (await answers(S3_ENDPOINT))) {
    return { endpoint: S3_ENDPOINT, accessKey: S3_ACCESS_KEY, secretKey: S3_SECRET_KEY, bucket: S3_BUCKET || 'shoebox', region: S3_REGION || 'us-east-1' };
  }
  const why = cephUnavailable();
  if (why) {
    console.warn(`skipping the S3 tests: ${why}`);
    return null;
  }
  const stateDir = inject('s3StateDir');
  if (!stateDir) throw new Error('no s3StateDir: run the tests with vitest.config.ts (its globalSetup starts the S3 gateway)');
  return runGateway(stateDir);
}

/** Whether an HTTP server answers at `endpoint` (any status: S3 answers 403 to anonymous). */
export async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

const prefixes = new Set<string>();

/** A prefix of its own in the bucket for one test: nothing another test wrote is seen. Removed by `removeTestPrefixes`. */
export function s3Prefix(label: string): string {
  const prefix = `test-${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  prefixes.add(prefix);
  return prefix;
}

/**
 * Deletes what this test file wrote under its prefixes (call it in afterAll): a shared gateway
 * keeps its objects in memory (1 GiB at most), so runs must not pile them up.
 */
export async function removeTestPrefixes(s3: S3Settings): Promise<void> {
  const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } });
  try {
    for (const prefix of prefixes) {
      for (;;) {
        const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}/`, MaxKeys: 1000 }));
        const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
        if (keys.length === 0) break;
        await client.send(new DeleteObjectsCommand({ Bucket: s3.bucket, Delete: { Objects: keys, Quiet: true } }));
      }
    }
    prefixes.clear();
  } finally {
    client.destroy();
  }
}

export function s3LibraryUri(s3: S3Settings, prefix: string): string {
  return `s3://${s3.bucket}/${prefix}`;
}

/** The standard AWS variables Shoebox reads its S3 credentials and endpoint from. */
export function awsEnv(s3: S3Settings, endpoint: string = s3.endpoint): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: s3.accessKey, AWS_SECRET_ACCESS_KEY: s3.secretKey, AWS_REGION: s3.region, AWS_ENDPOINT_URL: endpoint };
}

/** LanceDB's storage options for the gateway (for tests that read a library's tables directly). */
export function lanceStorageOptions(s3: S3Settings, endpoint: string = s3.endpoint): Record<string, string> {
  return { endpoint, aws_access_key_id: s3.accessKey, aws_secret_access_key: s3.secretKey, region: s3.region, allow_http: 'true' };
}

/** Writes one object (a test's stand-in for what another program or a cut run left there). */
export async function putS3Object(s3: S3Settings, key: string, body: string | Uint8Array): Promise<void> {
  const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } });
  try {
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body }));
  } finally {
    client.destroy();
  }
}

/** Every object under `prefix` with its ETag (a digest of its bytes): what a test compares to see that nothing changed. */
export async function s3Objects(s3: S3Settings, prefix: string): Promise<Map<string, string>> {
  const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } });
  const out = new Map<string, string>();
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}/`, ...(token ? { ContinuationToken: token } : {}) }));
      for (const o of page.Contents ?? []) out.set(o.Key!.slice(prefix.length + 1), o.ETag ?? '');
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } finally {
    client.destroy();
  }
  return out;
}
