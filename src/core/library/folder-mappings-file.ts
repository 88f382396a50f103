// <home>/folder-mappings.json: where this device finds each shared library's folders. A device
// setting, so it lives in the home, never in the library (another device's paths mean nothing
// here). Keyed by the library's URI, so one home can work with several libraries:
//   { "version": 1, "libraries": { "s3://photos/family": { "/mnt/nas/photos": "/Volumes/photos" } } }
// Written atomically; a missing file is no mapping; a damaged one is one clear line, never
// overwritten (it may hold mappings the user wants back).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../../base/atomic-write';
import type { FolderMapping } from './folder-mapping';
import { jsonSyntaxText } from '../../shared/json-syntax-text';

export const FOLDER_MAPPINGS_FILE = 'folder-mappings.json';

interface MappingsDocument {
  version: 1;
  libraries: Record<string, Record<string, string>>;
}

export class FolderMappingsError extends Error {
  override name = 'FolderMappingsError';
}

export function folderMappingsPath(home: string): string {
  return path.join(home, FOLDER_MAPPINGS_FILE);
}

function readDocument(home: string): MappingsDocument {
  const file = folderMappingsPath(home);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, libraries: {} };
    throw new FolderMappingsError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const broken = (why: string) => new FolderMappingsError(`${file} ${why}; fix it or delete it (then map the folders again)`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw broken(`is not valid JSON (${jsonSyntaxText(text, error)})`);
  }
  const libraries = (value as Partial<MappingsDocument> | null)?.libraries;
  if (typeof libraries !== 'object' || libraries === null || Array.isArray(libraries)) throw broken('must hold {"version": 1, "libraries": {...}}');
  for (const [uri, folders] of Object.entries(libraries)) {
    if (typeof folders !== 'object' || folders === null || Array.isArray(folders) || Object.values(folders).some((d) => typeof d !== 'string')) {
      throw broken(`: the folders of ${uri} must map folder paths to paths`);
    }
  }
  return { version: 1, libraries };
}

/** This device's mappings for the library at `libraryUri`. */
export function readFolderMappings(home: string, libraryUri: string): FolderMapping[] {
  const folders = readDocument(home).libraries[libraryUri] ?? {};
  return Object.entries(folders).map(([library, device]) => ({ library, device }));
}

/** Maps `library` to `device` for this library (undefined: forgets the mapping). */
export function writeFolderMapping(home: string, libraryUri: string, library: string, device: string | undefined): void {
  writeFolderMappings(home, libraryUri, new Map([[library, device]]));
}

/** Maps each library folder of `changes` to its device path (undefined: forgets it), in one
 *  write: the folders under a share's root are mapped all together or not at all. */
export function writeFolderMappings(home: string, libraryUri: string, changes: ReadonlyMap<string, string | undefined>): void {
  const doc = readDocument(home);
  const folders = { ...(doc.libraries[libraryUri] ?? {}) };
  for (const [library, device] of changes) {
    if (device === undefined || device === library) delete folders[library];
    else folders[library] = device;
  }
  if (Object.keys(folders).length) doc.libraries[libraryUri] = folders;
  else delete doc.libraries[libraryUri];
  writeFileAtomicSync(folderMappingsPath(home), `${JSON.stringify(doc, null, 2)}\n`);
}
