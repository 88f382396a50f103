import { defineConfig } from 'vitest/config';

// Integration tests run real ONNX Runtime, sharp and LanceDB on 2 cores: generous timeouts,
// and files in separate processes so a native crash in one cannot take the others down.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The S3 gateway (Ceph) for tests of libraries on object storage: started lazily by the
    // first test that needs it, stopped at the end (test/global-setup/s3-gateway.ts).
    globalSetup: ['test/global-setup/s3-gateway.ts'],
  },
});
