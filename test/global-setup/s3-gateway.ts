// Vitest global setup for tests that need object storage (issue #13): the real S3 server is
// Ceph's RADOS Gateway, started by ../shared/s3/ceph-rgw.sh. Starting it costs ~20-25 s, so it
// is started lazily, by the first test file that asks for it (test/helpers/s3-gateway.ts), and
// never in a run without S3 tests; this setup only names the run's state folder and, at the
// end, stops a gateway the run started (a gateway that was already running, S3_ENDPOINT, is
// used as it is and left running).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopStartedGateway } from '../helpers/s3-gateway-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's lazily started gateway keeps its state (s3-gateway-process.ts). */
    s3StateDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-s3-run-'));
  project.provide('s3StateDir', stateDir);
  return () => {
    stopStartedGateway(stateDir);
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
}
