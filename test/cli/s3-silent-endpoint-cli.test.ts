// An S3 endpoint that takes the connection and never answers (a NAS frozen mid-boot, a
// firewall that swallows packets): the command says so in one line within seconds, as for a
// refused connection, instead of waiting on it for minutes with the AWS library's warnings.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { runShoebox } from './run-cli';

describe('an S3 endpoint that never answers', () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => void sockets.push(socket)); // accepts, reads, says nothing
  afterAll(() => {
    for (const s of sockets) s.destroy();
    silent.close();
  });

  it('is one line, "cannot reach", exit 1, and the secret never shows', async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const secret = 'silent-endpoint-secret-d41d8cd98f';
    const env = { AWS_ACCESS_KEY_ID: 'AKIASILENT', AWS_SECRET_ACCESS_KEY: secret, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` };
    const res = await runShoebox(['--home', tempDir('shoebox-silent-'), '--library', 's3://shoebox/family', 'status'], env);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: cannot reach s3://shoebox/family at http://127.0.0.1:${port}: ETIMEDOUT`]);
    expect(res.stdout + res.stderr).not.toContain(secret);
  }, 90_000);
});
