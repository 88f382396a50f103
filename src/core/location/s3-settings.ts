// Where an S3 library is and how to sign for it, from the same places every AWS tool reads:
// the AWS_* variables first, then the shared config and credentials files (~/.aws/config,
// ~/.aws/credentials, or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) for the profile
// AWS_PROFILE names (else "default"). No instance-metadata lookup: on a laptop it would only
// add seconds of waiting before "no credentials".
import os from 'node:os';
import path from 'node:path';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { LibraryLocationError } from './location-error';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Fetches the credentials again (temporary ones: SSO, assume-role, credential_process). */
export type S3CredentialProvider = () => Promise<S3Credentials & { expiration?: Date }>;

export interface S3Settings {
  region: string;
  /** A custom endpoint (a NAS, MinIO, Ceph, R2), without a trailing slash; none for AWS itself. */
  endpoint?: string;
  /** The credentials as found at start. */
  credentials: S3Credentials;
  /** From the AWS files: the provider itself, so a long run (`watch`) can renew expiring credentials. */
  provider?: S3CredentialProvider;
}

/** Overrides the app passes instead of variables (Settings → Library). */
export interface S3Overrides {
  endpoint?: string;
  region?: string;
  credentials?: S3Credentials;
}

const DEFAULT_REGION = 'us-east-1';

export async function resolveS3Settings(where: string, env: NodeJS.ProcessEnv = process.env, overrides: S3Overrides = {}): Promise<S3Settings> {
  const profile = env.AWS_PROFILE?.trim() || 'default';
  const home = env.HOME || env.USERPROFILE || os.homedir();
  const files = {
    filepath: env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'),
    configFilepath: env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'),
    ignoreCache: true,
  };
  if (env === process.env) dropEmptyAwsVariables(env);
  const none = {} as Record<string, Record<string, string | undefined>>;
  const { configFile, credentialsFile } = await loadSharedConfigFiles(files).catch(() => ({ configFile: none, credentialsFile: none }));
  // A profile's settings as the AWS SDK merges them: the credentials file's, the config file's
  // over them. An endpoint_url or region written in ~/.aws/credentials counts (the SDK's bucket
  // check used it while LanceDB, given none, signed its requests for AWS itself).
  const config: Record<string, string | undefined> = { ...credentialsFile[profile], ...configFile[profile] };
  const region = overrides.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || config.region || DEFAULT_REGION;
  // As the AWS tools (and the SDK's own bucket check) read it: a profile's `services` section
  // names S3's endpoint before the profile's own endpoint_url. Read here, so LanceDB gets the
  // same one: otherwise it went to AWS while the check went to the NAS.
  const services = config.services ? configFile[`services.${config.services}`] : undefined;
  const endpoint = checkEndpoint(overrides.endpoint || env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || services?.['s3.endpoint_url'] || config.endpoint_url);
  const given = overrides.credentials ?? fromEnv(env);
  if (given) return { region, ...(endpoint ? { endpoint } : {}), credentials: given };
  const { credentials, provider } = await fromFiles(where, profile, env.AWS_PROFILE !== undefined, files);
  return { region, ...(endpoint ? { endpoint } : {}), credentials, provider };
}

/**
 * Unsets the AWS_* variables that are set to nothing (`AWS_ENDPOINT_URL_S3=`). Shoebox reads
 * one as unset, as the AWS tools do, but LanceDB reads the variables itself, and an empty
 * endpoint made it panic (a Rust backtrace, not a line). Only this process's copy changes.
 */
function dropEmptyAwsVariables(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) if (name.startsWith('AWS_') && value !== undefined && value.trim() === '') delete env[name];
}

function fromEnv(env: NodeJS.ProcessEnv): S3Credentials | null {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId && !secretAccessKey) return null;
  if (!accessKeyId) throw new LibraryLocationError('AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both', 'half-keys');
  if (!secretAccessKey) throw new LibraryLocationError('AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both', 'half-keys');
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

async function fromFiles(where: string, profile: string, named: boolean, files: { filepath: string; configFilepath: string; ignoreCache: boolean }): Promise<{ credentials: S3Credentials; provider: S3CredentialProvider }> {
  const ini = fromIni({ profile, ...files });
  const provider: S3CredentialProvider = async () => {
    const found = await ini();
    return { accessKeyId: found.accessKeyId, secretAccessKey: found.secretAccessKey, ...(found.sessionToken ? { sessionToken: found.sessionToken } : {}), ...(found.expiration ? { expiration: found.expiration } : {}) };
  };
  try {
    const { expiration: _once, ...credentials } = await provider();
    return { credentials, provider };
  } catch {
    // The SDK's own message names files and profiles at length; one line says what to do.
    const which = named ? `the profile "${profile}" (AWS_PROFILE) has none` : 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a [default] profile';
    throw new LibraryLocationError(`no S3 credentials found for ${where}: ${which} in ${files.filepath} or ${files.configFilepath}`, 'no-keys');
  }
}

/** http:// is allowed (a NAS on the home network); anything but http(s) is a mistake. */
function checkEndpoint(endpoint: string | undefined): string | undefined {
  const text = endpoint?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not echoed: what does not parse may be a key pasted into the wrong field.
    throw new LibraryLocationError('bad S3 endpoint (AWS_ENDPOINT_URL or the endpoint setting): give a URL such as http://nas.local:9000');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LibraryLocationError(`bad S3 endpoint ${url.protocol}//…: it must start with http:// or https://`);
  if (url.username || url.password) throw new LibraryLocationError('bad S3 endpoint: credentials do not go in the endpoint URL');
  // The endpoint is printed in messages (location.describe()): nothing after "?" or "#" may reach them.
  if (url.search || url.hash || /[?#]/.test(text)) throw new LibraryLocationError(`bad S3 endpoint ${url.protocol}//${url.host}/…: no "?" or "#" in the endpoint`);
  return text.replace(/\/+$/, '');
}
