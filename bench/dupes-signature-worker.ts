// Worker for bench/dupes-scale.ts: signatures of synthetic versions, off the main thread.
import { parentPort } from 'node:worker_threads';
import { SIGNATURE_BYTES } from '../src/core/dupes/signature';
import { versionSignature, type VersionSpec } from './dupes-synthetic';

parentPort!.on('message', (specs: VersionSpec[]) => {
  const bytes = new Uint8Array(specs.length * SIGNATURE_BYTES);
  const sharpness = new Float64Array(specs.length);
  specs.forEach((spec, i) => {
    const sig = versionSignature(spec);
    bytes.set(sig.bytes, i * SIGNATURE_BYTES);
    sharpness[i] = sig.sharpness;
  });
  parentPort!.postMessage({ bytes, sharpness }, [bytes.buffer, sharpness.buffer]);
});
