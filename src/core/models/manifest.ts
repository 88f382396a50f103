// shoebox-model.json: written into a model folder just before it is published, so an
// installed model says where it came from and what every file's SHA-256 was.
import fs from 'node:fs';
import path from 'node:path';
import type { ModelLayout } from '../clip/model-folder';
import { writeFileAtomicSync } from '../../base/atomic-write';
import { isSafeRepoPath } from './repo-path';

export const MANIFEST_FILE = 'shoebox-model.json';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ModelManifest {
  format: 1;
  id: string;
  /** "hub": downloaded from a Hugging Face–compatible hub; "import": copied from a local folder. */
  source: 'hub' | 'import';
  repo?: string;
  revision?: string;
  /** The commit the files came from. */
  commit?: string;
  /** The hub or mirror they were fetched from. */
  endpoint?: string;
  /** The folder an imported model was copied from. */
  importedFrom?: string;
  layout: ModelLayout;
  files: ManifestFile[];
  installedAt: string;
}

export function writeManifest(dir: string, manifest: ModelManifest): void {
  writeFileAtomicSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The folder's manifest, or undefined when it has none or it cannot be read. Its file paths
 * came from a hub: one that could name something outside the folder makes it untrusted.
 */
export function readManifest(dir: string): ModelManifest | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as ModelManifest;
    if (typeof value !== 'object' || value === null || !Array.isArray(value.files)) return undefined;
    return value.files.every((file) => typeof file === 'object' && file !== null && isSafeRepoPath(file.path)) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function manifestBytes(manifest: ModelManifest): number {
  return manifest.files.reduce((sum, file) => sum + file.size, 0);
}
