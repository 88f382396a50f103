// Where an S3 library's keys, region and endpoint come from: the AWS variables, then the
// shared config and credentials files (fake ones in a temp folder), and that no secret ever
// shows in what a location prints or in its errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import { LibraryLocationError, resolveLibraryLocation, s3ClientFor, s3LocationError, withoutSecrets } from '../../../src/core/location';
import { LANCE_S3_TIMEOUTS } from '../../../src/core/location/library-location';
import { explainStoreError } from '../../../src/core/store/store-health';

const SECRET = 'sEcReT/0123456789abcdefGHIJKLMNOPqrstuvwx';
const TOKEN = 'SessionTokenValue//9876543210zyxw';

function awsDir(credentials: string, config = ''): { HOME: string; AWS_SHARED_CREDENTIALS_FILE: string; AWS_CONFIG_FILE: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-aws-'));
  fs.writeFileSync(path.join(dir, 'credentials'), credentials);
  fs.writeFileSync(path.join(dir, 'config'), config);
  return { HOME: dir, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_CONFIG_FILE: path.join(dir, 'config') };
}

const resolve = (uri: string, env: NodeJS.ProcessEnv) => resolveLibraryLocation(uri, { defaultDir: '/unused', env });

describe('S3 credentials, region and endpoint', () => {
  it('come from the AWS variables, an http:// endpoint allowed (a NAS on the home network)', async () => {
    const loc = await resolve('s3://shoebox/family', {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_SESSION_TOKEN: TOKEN,
      AWS_DEFAULT_REGION: 'eu-central-1',
      AWS_ENDPOINT_URL: 'http://nas.local:9000/',
      HOME: '/nonexistent',
    });
    expect(loc).toMatchObject({ kind: 's3', uri: 's3://shoebox/family', databaseUri: 's3://shoebox/family', s3: { bucket: 'shoebox', prefix: 'family', region: 'eu-central-1', endpoint: 'http://nas.local:9000' } });
    expect(loc.storageOptions).toEqual({
      aws_access_key_id: 'AKIDEXAMPLE',
      aws_secret_access_key: SECRET,
      aws_session_token: TOKEN,
      region: 'eu-central-1',
      endpoint: 'http://nas.local:9000',
      allow_http: 'true',
      // A silent server fails a run within about a minute (library-location.ts).
      ...LANCE_S3_TIMEOUTS,
    });
    expect(loc.describe()).toBe('s3://shoebox/family at http://nas.local:9000');
  });

  it('prefer AWS_REGION and AWS_ENDPOINT_URL_S3; AWS itself needs no endpoint and gets https', async () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: SECRET, HOME: '/nonexistent' };
    const loc = await resolve('s3://b-1/p', { ...keys, AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_S3: 'https://s3.nas:443' });
    expect(loc.s3).toEqual({ bucket: 'b-1', prefix: 'p', region: 'us-west-2', endpoint: 'https://s3.nas:443' });
    expect(loc.storageOptions.allow_http).toBe('false');
    const aws = await resolve('s3://b-1/p', keys);
    expect(aws.s3).toEqual({ bucket: 'b-1', prefix: 'p', region: 'us-east-1' });
    expect(aws.storageOptions).not.toHaveProperty('endpoint');
  });

  it('come from the profile in the shared files when the variables have none', async () => {
    const env = awsDir(
      `[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret-000000000000\n\n[nas]\naws_access_key_id = AKIDNAS\naws_secret_access_key = ${SECRET}\n`,
      `[default]\nregion = eu-west-1\n\n[profile nas]\nregion = eu-west-3\nendpoint_url = http://192.0.2.10:7480\n`,
    );
    const def = await resolve('s3://shoebox/x', env);
    expect(def.credentials).toEqual({ accessKeyId: 'AKIDDEFAULT', secretAccessKey: 'default-secret-000000000000' });
    expect(def.s3).toMatchObject({ region: 'eu-west-1' });
    const nas = await resolve('s3://shoebox/x', { ...env, AWS_PROFILE: 'nas' });
    expect(nas.credentials).toEqual({ accessKeyId: 'AKIDNAS', secretAccessKey: SECRET });
    expect(nas.s3).toEqual({ bucket: 'shoebox', prefix: 'x', region: 'eu-west-3', endpoint: 'http://192.0.2.10:7480' });
    expect(nas.storageOptions.allow_http).toBe('true');
  });

  it('take region and endpoint_url written in the credentials file too, the config file\'s over them (as the AWS SDK merges them)', async () => {
    const credentials = `[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET}\nregion = eu-north-1\nendpoint_url = http://192.0.2.10:7480\n`;
    const only = await resolve('s3://shoebox/x', awsDir(credentials));
    expect(only.s3).toEqual({ bucket: 'shoebox', prefix: 'x', region: 'eu-north-1', endpoint: 'http://192.0.2.10:7480' });
    const both = await resolve('s3://shoebox/x', awsDir(credentials, `[default]\nendpoint_url = http://192.0.2.20:9000\n`));
    expect(both.s3).toMatchObject({ region: 'eu-north-1', endpoint: 'http://192.0.2.20:9000' });
  });

  it("take the endpoint from the profile's services section, as the AWS tools do (the bucket check read it; LanceDB went to AWS)", async () => {
    const env = awsDir(
      `[fam]\naws_access_key_id = AKIDFAM\naws_secret_access_key = ${SECRET}\n`,
      `[profile fam]\nservices = famsvc\nendpoint_url = http://192.0.2.99:1\n\n[services famsvc]\ns3 =\n  endpoint_url = http://192.0.2.10:7480\n`,
    );
    const fam = await resolve('s3://shoebox/x', { ...env, AWS_PROFILE: 'fam' });
    expect(fam.s3).toMatchObject({ endpoint: 'http://192.0.2.10:7480' });
    expect(fam.storageOptions.endpoint).toBe('http://192.0.2.10:7480');
    // The variables still come first.
    const overridden = await resolve('s3://shoebox/x', { ...env, AWS_PROFILE: 'fam', AWS_ENDPOINT_URL: 'http://192.0.2.20:9000' });
    expect(overridden.s3).toMatchObject({ endpoint: 'http://192.0.2.20:9000' });
  });

  it('say in one line that none were found, naming the files, and which half of a pair is missing', async () => {
    const env = awsDir('');
    await expect(resolve('s3://shoebox/x', env)).rejects.toThrow(LibraryLocationError);
    await expect(resolve('s3://shoebox/x', env)).rejects.toThrow(`no S3 credentials found for s3://shoebox/x: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a [default] profile in ${env.AWS_SHARED_CREDENTIALS_FILE} or ${env.AWS_CONFIG_FILE}`);
    await expect(resolve('s3://shoebox/x', { ...env, AWS_PROFILE: 'missing' })).rejects.toThrow(/the profile "missing" \(AWS_PROFILE\) has none/);
    await expect(resolve('s3://shoebox/x', { ...env, AWS_ACCESS_KEY_ID: 'AKID' })).rejects.toThrow('AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both');
    await expect(resolve('s3://shoebox/x', { ...env, AWS_SECRET_ACCESS_KEY: SECRET })).rejects.toThrow('AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both');
    await expect(resolve('s3://shoebox/x', { ...env, AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: SECRET, AWS_ENDPOINT_URL: 'ftp://nas' })).rejects.toThrow(/bad S3 endpoint ftp:\/\/…: it must start with http:\/\/ or https:\/\//);
    try {
      await resolve('s3://shoebox/x', { ...env, AWS_SECRET_ACCESS_KEY: SECRET });
    } catch (e) {
      expect((e as Error).message).not.toContain(SECRET);
    }
    // A key pasted into the endpoint: refused without being repeated (describe() prints the endpoint).
    for (const endpoint of [SECRET, `http://nas:9000/?key=${SECRET}`, `http://nas:9000/#${SECRET}`, `http:// ${SECRET}`]) {
      const refused = await resolve('s3://shoebox/x', { ...env, AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'B', AWS_ENDPOINT_URL: endpoint }).then(
        () => 'accepted',
        (e: Error) => e.message,
      );
      expect(refused, endpoint).toMatch(/^bad S3 endpoint/);
      expect(refused, endpoint).not.toContain(SECRET);
    }
  });

  it('never show a secret: not in JSON, util.inspect, String() or describe(), nor in an S3 error that echoes one', async () => {
    const loc = await resolve('s3://shoebox/fam', { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN, AWS_ENDPOINT_URL: 'http://127.0.0.1:9', HOME: '/nonexistent' });
    const shown = [JSON.stringify(loc), util.inspect(loc, { depth: 5, showHidden: true }), String(loc), `${loc}`, loc.describe(), JSON.stringify({ nested: [loc] })];
    for (const text of shown) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.parse(JSON.stringify(loc))).toEqual({ uri: 's3://shoebox/fam', kind: 's3' });
    const echoed = Object.assign(new Error(`request signed with ${SECRET} and ${TOKEN} failed`), { name: 'WeirdServerError' });
    const line = s3LocationError(loc, echoed).message;
    expect(line).toMatch(/^cannot open s3:\/\/shoebox\/fam at http:\/\/127\.0\.0\.1:9: WeirdServerError: request signed with \*\*\* and \*\*\* failed$/);
    expect(withoutSecrets(`a ${SECRET} b`, loc.secrets)).toBe('a *** b');
    // The store's errors (LanceDB's object store may name what it signed) go out scrubbed too.
    const lance = await explainStoreError(loc, new Error(`Generic S3 error: request with secret ${SECRET} token ${TOKEN}`));
    expect((lance as Error).message).toBe('Generic S3 error: request with secret *** token ***');
    expect((lance as Error).stack).not.toContain(SECRET);
  });

  it('renew temporary credentials from the AWS files (credential_process, SSO, assume-role) in the library\'s S3 client', async () => {
    // A credential_process that hands out a new short-lived key each time it runs.
    const env = awsDir('');
    const counter = path.join(env.HOME, 'count');
    const script = path.join(env.HOME, 'creds.cjs');
    fs.writeFileSync(
      script,
      `const fs = require('fs'); const n = Number(fs.existsSync(${JSON.stringify(counter)}) ? fs.readFileSync(${JSON.stringify(counter)}, 'utf8') : 0) + 1;
fs.writeFileSync(${JSON.stringify(counter)}, String(n));
console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDTEMP' + n, SecretAccessKey: 'temporary-secret-' + n, SessionToken: 'token-' + n, Expiration: new Date(Date.now() + 60000).toISOString() }));`,
    );
    fs.writeFileSync(env.AWS_CONFIG_FILE, `[default]\nregion = eu-west-1\ncredential_process = ${JSON.stringify(process.execPath).slice(1, -1)} ${script}\n`);
    const loc = await resolve('s3://shoebox/fam', env);
    expect(loc.credentials?.accessKeyId).toBe('AKIDTEMP1');
    // Expiring within the SDK's refresh window: each signing asks the provider again.
    const client = s3ClientFor(loc);
    const first = await client.config.credentials();
    const second = await client.config.credentials();
    expect(first.accessKeyId).toMatch(/^AKIDTEMP\d+$/);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
  });

  it('name what went wrong reaching the bucket: not found, access denied, unreachable', async () => {
    const loc = await resolve('s3://shoebox/fam', { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: SECRET, AWS_ENDPOINT_URL: 'http://127.0.0.1:9', HOME: '/nonexistent' });
    expect(s3LocationError(loc, Object.assign(new Error('x'), { name: 'NoSuchBucket' })).message).toBe('bucket not found: shoebox (s3://shoebox/fam at http://127.0.0.1:9)');
    expect(s3LocationError(loc, Object.assign(new Error('x'), { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } })).message).toMatch(/^access denied to s3:\/\/shoebox\/fam at http:\/\/127\.0\.0\.1:9: check the S3 credentials/);
    expect(s3LocationError(loc, Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })).message).toBe('cannot reach s3://shoebox/fam at http://127.0.0.1:9: ECONNREFUSED');
  });
});
