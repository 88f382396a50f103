// Which weights a model folder holds, as one hex string: the SHA-256 of its manifest's list of
// files (path and SHA-256, sorted by path). The library records it with the vectors a model
// makes (store/model-tables.ts), so that another model installed under an id used before, or
// another build of "the same" id on a second device, is never handed vectors it did not make.
//
// Every file the manifest lists is one the engine loads (graphs, their external data, configs
// and tokenizer: a different preprocessing config makes different vectors too). The hashes
// were taken when the files were downloaded or imported (model-manager.ts), so this reads one
// small JSON file and never the hundreds of MB of weights: status and every open can ask.
import { createHash } from 'node:crypto';
import { readManifest } from './manifest';

/**
 * The fingerprint of the folder's weights; undefined when its manifest is missing, unreadable
 * or lacks a file's hash (a folder put together by hand, or passed with --model-dir): such a
 * folder's vectors are recorded without one and never checked, as before fingerprints existed.
 */
export function modelWeightsFingerprint(dir: string): string | undefined {
  if (dir === '') return undefined;
  const manifest = readManifest(dir);
  if (!manifest || manifest.files.length === 0) return undefined;
  if (!manifest.files.every((file) => typeof file.sha256 === 'string' && /^[0-9a-f]{64}$/.test(file.sha256))) return undefined;
  const lines = manifest.files.map((file) => `${file.path}\0${file.sha256}\n`).sort();
  return createHash('sha256').update(lines.join(''), 'utf8').digest('hex');
}
