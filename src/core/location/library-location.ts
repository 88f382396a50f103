// A library location: where the library's database and files live, a local folder (the
// default, <home>/library) or an S3 prefix. `uri` is what may be printed; `storageOptions`
// and the S3 credentials are kept in private fields, so that neither JSON.stringify nor
// console.log of a location can show a secret.
import path from 'node:path';
import { parseLibraryUri } from './library-uri';
import { resolveS3Settings, type S3CredentialProvider, type S3Credentials, type S3Overrides, type S3Settings } from './s3-settings';

export type LibraryLocationKind = 'local' | 's3';

/** Where an S3 library is: bucket, key prefix (no leading or trailing "/"), region, endpoint. */
export interface S3Place {
  bucket: string;
  prefix: string;
  region: string;
  endpoint?: string;
}

/**
 * How long LanceDB waits on an S3 server that stopped answering (a NAS frozen or asleep, a
 * dropped Wi-Fi), so that a run fails within about a minute with the one "lost the connection"
 * line instead of hanging for as long as the server stays silent. Left to LanceDB's defaults, a
 * request waited 30 s, was retried for 3 minutes, and Lance's own throttle layer ran that whole
 * round 3 times more: a stuck commit held an index for over 10 minutes.
 *
 * - `connect_timeout` 5 s: a server that does not take the connection (LanceDB's default).
 * - `timeout` 30 s: a whole request, its upload included (LanceDB's default, kept: a request
 *   is at most one 5 MB part of a table file, so 30 s still carries a slow NAS or uplink at
 *   ~170 KB/s, and a NAS waking its disks answers well inside it).
 * - `client_retry_timeout` 20 s, `client_max_retries` 3: a request that failed fast (a
 *   connection reset, a 503 "slow down") is tried again, up to 3 times, but no retry starts
 *   once 20 s have passed since the first try, so a request the server never answers fails at
 *   its first 30 s timeout, and none runs past ~50 s (a last retry begun just before 20 s).
 * - `lance_aimd_max_retries` 0: Lance's throttle layer, which re-runs every failed request
 *   (it takes any exhausted retry for throttling), is left out; object_store's retries above
 *   already back off on 503s.
 */
export const LANCE_S3_TIMEOUTS: Readonly<Record<string, string>> = Object.freeze({
  connect_timeout: '5s',
  timeout: '30s',
  client_max_retries: '3',
  client_retry_timeout: '20',
  lance_aimd_max_retries: '0',
});

export class LibraryLocation {
  readonly #storageOptions: Readonly<Record<string, string>>;
  readonly #credentials: S3Credentials | undefined;
  #provider: S3CredentialProvider | undefined;

  private constructor(
    /** Safe to print: a folder path or s3://bucket/prefix, never a secret. */
    readonly uri: string,
    readonly kind: LibraryLocationKind,
    /** What LanceDB connects to: the folder, or s3://bucket/prefix. */
    readonly databaseUri: string,
    /** S3 only: the bucket, prefix, region and endpoint (no secret). */
    readonly s3: S3Place | undefined,
    storageOptions: Record<string, string>,
    credentials: S3Credentials | undefined,
  ) {
    this.#storageOptions = Object.freeze({ ...storageOptions });
    this.#credentials = credentials;
  }

  static local(dir: string): LibraryLocation {
    const abs = path.resolve(dir);
    return new LibraryLocation(abs, 'local', abs, undefined, {}, undefined);
  }

  static s3(bucket: string, prefix: string, settings: S3Settings): LibraryLocation {
    const uri = `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
    const { credentials, region, endpoint, provider } = settings;
    const storageOptions: Record<string, string> = {
      aws_access_key_id: credentials.accessKeyId,
      aws_secret_access_key: credentials.secretAccessKey,
      region,
      ...(credentials.sessionToken ? { aws_session_token: credentials.sessionToken } : {}),
      // A LAN NAS usually speaks plain http; LanceDB refuses it unless told.
      ...(endpoint ? { endpoint, allow_http: String(endpoint.startsWith('http://')) } : {}),
      ...LANCE_S3_TIMEOUTS,
    };
    const location = new LibraryLocation(uri, 's3', uri, { bucket, prefix, region, ...(endpoint ? { endpoint } : {}) }, storageOptions, credentials);
    location.#provider = provider;
    return location;
  }

  /** LanceDB's storage options (S3 keys included): pass them on, never print them. */
  get storageOptions(): Readonly<Record<string, string>> {
    return this.#storageOptions;
  }

  /** The S3 credentials, for this library's own S3 client; undefined for a local library. */
  get credentials(): S3Credentials | undefined {
    return this.#credentials;
  }

  /** What this library's own S3 client signs with: the provider where credentials can be
   *  renewed (AWS files: SSO, assume-role), so a long `watch` outlives temporary ones; else the keys. */
  get credentialSource(): S3CredentialProvider | S3Credentials | undefined {
    return this.#provider ?? this.#credentials;
  }

  /** The secret values, for scrubbing messages of libraries that might echo them. */
  get secrets(): string[] {
    const c = this.#credentials;
    return c ? [c.secretAccessKey, c.sessionToken ?? '', c.accessKeyId].filter(Boolean) : [];
  }

  /** Where it is, for messages: the URI, and the endpoint of an S3 library not on AWS. */
  describe(): string {
    return this.s3?.endpoint ? `${this.uri} at ${this.s3.endpoint}` : this.uri;
  }

  toJSON(): { uri: string; kind: LibraryLocationKind } {
    return { uri: this.uri, kind: this.kind };
  }

  toString(): string {
    return this.uri;
  }
}

export interface ResolveLocationOptions {
  /** The default library, <home>/library, when no URI is given. */
  defaultDir: string;
  /** Where AWS_* variables are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Relative folders are taken from here (default the process's working folder). */
  cwd?: string;
  /** S3 settings the app passes instead of variables. */
  s3?: S3Overrides;
}

/**
 * The location of `uri` (a folder, file:// URL or s3://bucket/prefix), or the default folder
 * when none is given. For S3 it finds credentials, region and endpoint; it does not reach the
 * network (the store checks the bucket when it connects: checkS3Reachable).
 */
export async function resolveLibraryLocation(uri: string | undefined, options: ResolveLocationOptions): Promise<LibraryLocation> {
  if (uri === undefined) return LibraryLocation.local(options.defaultDir);
  const parsed = parseLibraryUri(uri, options.cwd);
  if (parsed.kind === 'local') return LibraryLocation.local(parsed.dir);
  const where = `s3://${parsed.bucket}${parsed.prefix ? `/${parsed.prefix}` : ''}`;
  const settings = await resolveS3Settings(where, options.env ?? process.env, options.s3 ?? {});
  return LibraryLocation.s3(parsed.bucket, parsed.prefix, settings);
}
