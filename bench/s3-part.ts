// `npm run bench`'s S3 part (issue #13 item 5): search on an S3 library at 100k photos
// through the device's vector cache, and the index rate into S3 against a local library.
// Tables now, JSON fields for the bench's line. With no S3 server configured (bench/s3-env.ts)
// it starts the Ceph RADOS Gateway of ../shared/s3 for the run, as the tests do, and stops it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cephUnavailable, startGateway, stopGateway } from '../test/helpers/s3-gateway-process';
import { s3Env } from './s3-env';
import { printS3Index, s3IndexBench, s3IndexJson } from './s3-index';
import { printS3Search, s3SearchBench, s3SearchJson } from './s3-search';

export async function s3Part(): Promise<Record<string, number | string>> {
  const started = s3Env() ? null : await startOwnGateway();
  try {
    const search = await s3SearchBench(Number(process.env.BENCH_S3_PHOTOS ?? 100_000));
    printS3Search(search);
    const index = await s3IndexBench(Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)));
    printS3Index(index);
    return { ...s3SearchJson(search), ...s3IndexJson(index) };
  } finally {
    if (started) stopGateway(started);
  }
}

/** Starts a gateway and points the S3_* variables at it; its folder, or null when Ceph cannot run here. */
async function startOwnGateway(): Promise<string | null> {
  const why = cephUnavailable();
  if (why) {
    console.log(`S3 part: no S3 server configured and ${why}`);
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-ceph-'));
  const s3 = await startGateway(dir);
  Object.assign(process.env, { S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey, S3_BUCKET: s3.bucket, S3_REGION: s3.region });
  return dir;
}
