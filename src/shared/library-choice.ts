// The desktop app's Settings → Library (issue #13): which library this device opens, the
// default <home>/library, a folder, or an S3 bucket + prefix (+ endpoint for a NAS), as the
// page and Electron main exchange it. The S3 keys travel page -> main once, when saved, and
// never back: main keeps them with Electron's safeStorage (src/main/library-setting.ts).
// Shared by the renderer and main, so it checks what it is given itself.

export type LibraryChoice =
  | { kind: 'default' }
  | { kind: 'local'; folder: string }
  | { kind: 's3'; bucket: string; prefix: string; endpoint?: string; region?: string };

export interface S3Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What the page shows: the choice, its URI, and whether keys are stored (never the keys). */
export interface LibraryChoiceView {
  choice: LibraryChoice;
  /** The location as `--library` takes it; null for the default. */
  uri: string | null;
  /** S3 keys are kept for this library (encrypted); without them the AWS variables and files are used. */
  hasKeys: boolean;
  /** Whether this system can keep keys encrypted (safeStorage); when not, the page says to use ~/.aws instead. */
  canStoreKeys: boolean;
  /** Set when the app opens another library whatever is chosen here (the SHOEBOX_LIBRARY variable). */
  overriddenBy?: 'SHOEBOX_LIBRARY';
}

/**
 * What the page saves: the choice and, for S3, new keys (absent: keep the stored ones; null:
 * forget them); `copy`: copy the library open now there first (tags, albums, thumbnails and
 * vectors: nothing is embedded again), into a place that must be empty.
 */
export interface LibraryChoiceInput {
  choice: LibraryChoice;
  /** Absent: keep the stored ones (for the same endpoint and bucket only: sameS3Place). */
  keys?: S3Keys | null;
  copy?: boolean;
}

const BUCKET = /^[A-Za-z0-9][A-Za-z0-9.\-_]{1,61}[A-Za-z0-9]$/;
const MAX_TEXT = 4096;

/** The desktop app's two calls (window.shoebox, answered by main). */
export interface DesktopLibrary {
  library(): Promise<LibraryChoiceView>;
  setLibrary(input: LibraryChoiceInput): Promise<LibraryChoiceView>;
}

/** `s3://bucket/prefix`, the folder, or null for the default library. */
export function libraryChoiceUri(choice: LibraryChoice): string | null {
  if (choice.kind === 'default') return null;
  if (choice.kind === 'local') return choice.folder;
  return `s3://${choice.bucket}${choice.prefix ? `/${choice.prefix}` : ''}`;
}

/** The input checked field by field; throws one line saying what is wrong (never echoing a key). */
export function checkLibraryChoiceInput(value: unknown): LibraryChoiceInput {
  const o = record(value, 'library setting');
  const choice = checkLibraryChoice(o['choice']);
  if (o['copy'] !== undefined && typeof o['copy'] !== 'boolean') throw new Error('library setting: copy must be true or false');
  if (o['copy'] === true) {
    if (choice.kind === 'default') throw new Error('library setting: a copy goes to a folder or an S3 bucket (the data folder has its own library)');
    return { ...checkLibraryChoiceInput({ ...o, copy: undefined }), copy: true };
  }
  if (!('keys' in o) || o['keys'] === undefined) return { choice };
  if (o['keys'] === null) return { choice, keys: null };
  if (choice.kind !== 's3') throw new Error('library setting: keys are for an S3 library only');
  const k = record(o['keys'], 'keys');
  const accessKeyId = text(k['accessKeyId'], 'access key id');
  const secretAccessKey = typeof k['secretAccessKey'] === 'string' ? k['secretAccessKey'].trim() : '';
  if (!secretAccessKey || secretAccessKey.length > MAX_TEXT) throw new Error('library setting: the secret access key is missing');
  return { choice, keys: { accessKeyId, secretAccessKey } };
}

/** The file in the home that holds this device's choice (no secret in it). */
export const LIBRARY_CHOICE_FILE = 'library-choice.json';

/**
 * The choice saved in library-choice.json, given its text (null: no file, or one that could
 * not be read). A missing or unusable file is the default library, for both front ends
 * (src/core/saved-library-choice.ts reads the file for them).
 */
export function savedLibraryChoice(text: string | null): LibraryChoice {
  if (text === null) return { kind: 'default' };
  try {
    return checkLibraryChoice(JSON.parse(text));
  } catch {
    return { kind: 'default' };
  }
}

export function checkLibraryChoice(value: unknown): LibraryChoice {
  const c = record(value, 'library choice');
  if (c['kind'] === 'default') return { kind: 'default' };
  if (c['kind'] === 'local') {
    const folder = text(c['folder'], 'folder');
    if (!/^([A-Za-z]:[\\/]|[\\/])/.test(folder)) throw new Error(`library setting: the folder must be an absolute path, got "${folder}"`);
    return { kind: 'local', folder };
  }
  if (c['kind'] !== 's3') throw new Error('library setting: kind must be default, local or s3');
  const bucket = text(c['bucket'], 'bucket');
  if (!BUCKET.test(bucket)) throw new Error(`library setting: "${bucket}" is not a valid bucket name`);
  const prefix = optionalText(c['prefix'], 'prefix')
    .split('/')
    .filter(Boolean)
    .join('/');
  if (prefix.split('/').some((p) => p === '.' || p === '..')) throw new Error('library setting: "." and ".." are not allowed in the prefix');
  const endpoint = optionalText(c['endpoint'], 'endpoint').replace(/\/+$/, '');
  if (endpoint && !/^https?:\/\/[^/@\s]+(\/.*)?$/.test(endpoint)) throw new Error(`library setting: the endpoint must be a URL such as http://nas.local:9000, got "${endpoint}"`);
  const region = optionalText(c['region'], 'region');
  return { kind: 's3', bucket, prefix, ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) };
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`library setting: ${name} is not an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, name: string): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (!t) throw new Error(`library setting: the ${name} is missing`);
  if (t.length > MAX_TEXT) throw new Error(`library setting: the ${name} is too long`);
  return t;
}

function optionalText(value: unknown, name: string): string {
  if (value === undefined || value === null || value === '') return '';
  return text(value, name);
}

/**
 * Whether two checked choices are the same S3 endpoint and bucket: where keys stored for one
 * may go (another prefix or region is still that place). Main sends stored keys only there,
 * and the page offers them ("stored") only there.
 */
export function sameS3Place(a: LibraryChoice, b: LibraryChoice): boolean {
  return a.kind === 's3' && b.kind === 's3' && a.bucket === b.bucket && (a.endpoint ?? '') === (b.endpoint ?? '');
}
