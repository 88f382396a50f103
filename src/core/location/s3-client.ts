// The library's own S3 client (for the files beside LanceDB's tables) and the check, made
// before LanceDB connects, that the bucket answers: LanceDB's client would retry an endpoint
// that is down for minutes and then fail with a long message; this says in a few seconds,
// in one line, which of "cannot reach", "bucket not found" and "access denied" it is.
import { performance } from 'node:perf_hooks';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { LibraryLocation } from './library-location';
import { LibraryLocationError, withoutSecrets } from './location-error';

const clients = new WeakMap<LibraryLocation, S3Client>();

/** How long the bucket check waits for a server that takes the connection and never answers. */
export const PROBE_TIMEOUT_MS = 15_000;

/**
 * A location whose bucket check timed out, and when: a second check of it within
 * PROBE_TIMEOUT_MS fails at once with the same line. A command checks once as it opens the
 * library (quietly: the app opens anyway and says why later) and again as its store connects;
 * waiting twice on a server that does not answer made "15 s" 31-33 s.
 */
const unanswered = new WeakMap<LibraryLocation, { error: LibraryLocationError; at: number }>();

/**
 * The libraries (by address and endpoint) whose bucket answered in this run: a network failure
 * of a later check is a lost connection (what was committed is kept); one of a library never
 * reached is "cannot reach" (a mistyped port, a server never up: nothing was written).
 */
const reached = new Set<string>();

/** The SDK warns on stderr, once per process, that its 2027 releases will need Node 22: not
 *  the user's concern (the lockfile pins this release), and it would break one-line errors. */
function quietSdk(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** One client per location (path-style addressing for custom endpoints: NAS servers rarely have per-bucket DNS). */
export function s3ClientFor(location: LibraryLocation): S3Client {
  const cached = clients.get(location);
  if (cached) return cached;
  const place = location.s3;
  const credentials = location.credentialSource;
  if (!place || !credentials) throw new Error(`not an S3 library: ${location.uri}`);
  quietSdk();
  const client = new S3Client({
    region: place.region,
    credentials,
    ...(place.endpoint ? { endpoint: place.endpoint, forcePathStyle: true } : {}),
    // A server gone quiet mid-request fails it after 30 s of silence, tried once more: about a
    // minute in all, as LanceDB's requests (library-location.ts LANCE_S3_TIMEOUTS), not 3
    // minutes; an upload that is slow but moving (a big file over a home uplink) is not cut
    // off, however long, and a NAS waking its disks answers well inside 30 s.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 30_000 },
  });
  clients.set(location, client);
  return client;
}

/**
 * Fails with a one-line LibraryLocationError unless the bucket answers a listing of the prefix.
 * `refuse`: a key whose presence under the prefix is an error too (a copy's marker), asked in
 * the same request: the listing is of that key's name, which checks bucket and keys as well.
 */
export async function checkS3Reachable(location: LibraryLocation, refuse?: { key: string; error: () => Error }): Promise<void> {
  const place = location.s3;
  if (!place) return;
  const recent = unanswered.get(location);
  if (recent && performance.now() - recent.at < PROBE_TIMEOUT_MS) throw recent.error;
  quietSdk();
  const probe = new S3Client({
    region: place.region,
    ...(location.credentialSource ? { credentials: location.credentialSource } : {}),
    ...(place.endpoint ? { endpoint: place.endpoint, forcePathStyle: true } : {}),
    maxAttempts: 1,
    // One small listing: a server that takes the connection and never answers fails it at
    // 15 s (without throwOnRequestTimeout the SDK only warns on stderr and waits on).
    requestHandler: { connectionTimeout: 5_000, requestTimeout: PROBE_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
  const prefix = place.prefix ? `${place.prefix}/` : '';
  let listed;
  try {
    listed = await probe.send(new ListObjectsV2Command({ Bucket: place.bucket, Prefix: `${prefix}${refuse?.key ?? ''}`, MaxKeys: 1 }));
    reached.add(location.describe());
  } catch (error) {
    const failed = s3LocationError(location, error, { midRun: reached.has(location.describe()) });
    if (isTimeout(error)) unanswered.set(location, { error: failed, at: performance.now() });
    throw failed;
  } finally {
    probe.destroy();
  }
  if (refuse && listed.Contents?.some((o) => o.Key === `${prefix}${refuse.key}`)) throw refuse.error();
}

/** The SDK's own timeouts (requestTimeout, connectionTimeout, socketTimeout): a server that did not answer. */
function isTimeout(error: unknown): boolean {
  const e = error as { name?: string; code?: string };
  return e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT';
}

/**
 * The one line for a library on S3 whose server stopped answering mid-run (a dropped Wi-Fi, a
 * NAS asleep): nothing committed is lost (commits are atomic), so running again resumes.
 * Shared by the store's errors (store/lost-connection.ts) and the library's files (s3-files.ts).
 */
/** How every lost-connection line ends; an index run puts its count of photos saved in its place (library/photos-kept.ts). */
export const COMMITTED_IS_KEPT = 'what was committed is kept; trying again resumes from there';

export function lostConnectionLine(location: LibraryLocation, cause: string): string {
  return withoutSecrets(`lost the connection to ${location.describe()} (${cause.toLowerCase()}): ${COMMITTED_IS_KEPT}`, location.secrets);
}

/** Node's codes for a server certificate it could not trust (a self-signed NAS, a private CA, another name). */
const TLS_TRUST_CODES = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** `midRun`: the library was open and answering before (its files' reads and writes), so a network failure is a lost connection, not "cannot reach". */
export function s3LocationError(location: LibraryLocation, error: unknown, options: { midRun?: boolean } = {}): LibraryLocationError {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const name = e.name ?? '';
  const code = e.code ?? (error as { cause?: { code?: string } }).cause?.code ?? '';
  const where = location.describe();
  let line: string;
  if (name === 'NoSuchBucket') line = `bucket not found: ${location.s3?.bucket} (${where})`;
  else if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'Forbidden'].includes(name) || status === 403) {
    line = `access denied to ${where}: check the S3 credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the AWS profile)`;
    return new LibraryLocationError(withoutSecrets(line, location.secrets), 'keys-refused');
  }
  else if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN/.test(`${code} ${e.message ?? ''}`) || name === 'TimeoutError' || name === 'RequestTimeout')
    // The SDK's socket timeout (a server silent mid-request) has a name but no code: "timed out", not "timeouterror".
    return new LibraryLocationError(
      withoutSecrets(options.midRun ? lostConnectionLine(location, code || (name === 'TimeoutError' ? 'timed out' : name) || 'no answer') : `cannot reach ${where}: ${code || name || 'no answer'}`, location.secrets),
      'unreachable',
    );
  else if (/wrong version number|packet length too long|EPROTO/.test(`${code} ${e.message ?? ''}`) && location.s3?.endpoint?.startsWith('https:'))
    line = `cannot open ${where}: the server does not answer in TLS there: if it serves plain HTTP, give the endpoint as http://`;
  else if (TLS_TRUST_CODES.has(code))
    line = `cannot open ${where}: its TLS certificate is not trusted (${code}): give Node its CA (NODE_EXTRA_CA_CERTS=ca.pem) or use the server's name its certificate holds`;
  else line = `cannot open ${where}: ${name ? `${name}: ` : ''}${(e.message ?? String(error)).split('\n')[0]}`;
  return new LibraryLocationError(withoutSecrets(line, location.secrets));
}
