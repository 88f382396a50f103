// The files that belong to a library beside its tables (thumbnails, the duplicates report and
// decisions, search calibration), by key: a relative name with "/" such as
// "thumbs/ab/abcdef….jpg". A local library keeps them in a folder, an S3 library as objects
// under its prefix, so another device sees them too.
export interface LibraryFiles {
  /** Where the files are, for messages: a folder or s3://bucket/prefix. */
  readonly root: string;
  /** Where one file is, for messages (a path for a folder: tests and users can open it). */
  where(key: string): string;
  /** The file's bytes; null when there is none. */
  read(key: string): Promise<Buffer | null>;
  /** Replaces the file whole: a reader sees the old bytes or the new ones, never half.
   *  `durable: false` skips the flush to disk of a file that can be made again. */
  write(key: string, data: Uint8Array | string, options?: { durable?: boolean }): Promise<void>;
  /** Writes the file unless it exists (content-addressed files); whether it wrote. */
  writeNew(key: string, data: Uint8Array): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** Every key under `prefix` ("thumbs/"), in no particular order. */
  list(prefix: string): Promise<string[]>;
  /** Changes whenever the file does (mtime and size, or the ETag); null when there is none. */
  stamp(key: string): Promise<string | null>;
  /** The file's bytes with its version (null, null: no file), for a change made with writeIfVersion. */
  readVersioned(key: string): Promise<Versioned>;
  /**
   * Replaces the file only if it is still at `version` (null: only if there is none), so two
   * devices changing one file (read, change, write) never lose a change silently: the second
   * gets false, reads again and changes what the first wrote. True when it wrote.
   */
  writeIfVersion(key: string, data: Uint8Array | string, version: string | null): Promise<boolean>;
}

/** A file's bytes and the version writeIfVersion compares with; both null when there is no file. */
export interface Versioned {
  data: Buffer | null;
  version: string | null;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Whether `key` is a plain relative key: no "..", no absolute path, no backslash, no hidden part. */
export function isLibraryKey(key: string): boolean {
  return key !== '' && key.split('/').every((p) => SEGMENT.test(p));
}

/** Refuses what is not a plain relative key (isLibraryKey). */
export function checkKey(key: string): string {
  if (!isLibraryKey(key)) throw new Error(`not a library file key: ${JSON.stringify(key).slice(0, 80)}`);
  return key;
}

/** One file of a library, for modules that keep exactly one (the decisions, a report). */
export interface LibraryFile {
  readonly where: string;
  read(): Promise<Buffer | null>;
  write(data: Uint8Array | string, options?: { durable?: boolean }): Promise<void>;
  stamp(): Promise<string | null>;
  readVersioned(): Promise<Versioned>;
  writeIfVersion(data: Uint8Array | string, version: string | null): Promise<boolean>;
}

export function libraryFile(files: LibraryFiles, key: string): LibraryFile {
  checkKey(key);
  return {
    where: files.where(key),
    read: () => files.read(key),
    write: (data, options) => files.write(key, data, options),
    stamp: () => files.stamp(key),
    readVersioned: () => files.readVersioned(key),
    writeIfVersion: (data, version) => files.writeIfVersion(key, data, version),
  };
}
