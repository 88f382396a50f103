// An S3 endpoint that takes the connection and never answers (a NAS frozen mid-boot, a
// firewall that swallows packets): the command says so in one line within seconds, as for a
// refused connection, instead of waiting on it for minutes with the AWS library's warnings.
// And the TLS mistakes a NAS invites (https given for a plain HTTP server, a self-signed
// certificate): what to do, in one line, not OpenSSL's own text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
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

  it('is one line, "cannot reach", exit 1, after the documented 15 s (not twice that), and the secret never shows', async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const secret = 'silent-endpoint-secret-d41d8cd98f';
    const env = { AWS_ACCESS_KEY_ID: 'AKIASILENT', AWS_SECRET_ACCESS_KEY: secret, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` };
    const started = performance.now();
    const res = await runShoebox(['--home', tempDir('shoebox-silent-'), '--library', 's3://shoebox/family', 'status'], env);
    const seconds = (performance.now() - started) / 1000;
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: cannot reach s3://shoebox/family at http://127.0.0.1:${port}: ETIMEDOUT`]);
    // The library's bucket is checked as it opens and again as its store connects: a server
    // that did not answer the first is not waited on a second time (31-33 s before).
    expect(seconds).toBeGreaterThanOrEqual(14);
    expect(seconds).toBeLessThan(25);
    expect(res.stdout + res.stderr).not.toContain(secret);
  }, 90_000);
});

describe('an S3 endpoint that speaks no TLS where https was given', () => {
  const plain = http.createServer((_req, res) => res.end('plain http'));
  afterAll(() => void plain.close());

  it('says to give it as http://, not the TLS library\'s own text', async () => {
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as net.AddressInfo).port;
    const env = { AWS_ACCESS_KEY_ID: 'AKIAPLAIN', AWS_SECRET_ACCESS_KEY: 'plain-endpoint-secret', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: `https://127.0.0.1:${port}` };
    const res = await runShoebox(['--home', tempDir('shoebox-plain-'), '--library', 's3://shoebox/family', 'status'], env);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: cannot open s3://shoebox/family at https://127.0.0.1:${port}: the server does not answer in TLS there: if it serves plain HTTP, give the endpoint as http://`]);
  }, 90_000);
});

describe('an S3 endpoint whose TLS certificate is not trusted (a NAS with its own)', () => {
  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
  let server: https.Server | undefined;
  afterAll(() => void server?.close());

  it.skipIf(!hasOpenssl)('says the certificate is not trusted and how to trust it', async () => {
    const dir = tempDir('shoebox-selfsigned-');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=nas.local', '-days', '1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
    expect(made.status, made.stderr.toString()).toBe(0);
    server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => res.end('nas'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const env = { AWS_ACCESS_KEY_ID: 'AKIANAS', AWS_SECRET_ACCESS_KEY: 'nas-secret', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: `https://127.0.0.1:${port}` };
    const res = await runShoebox(['--home', tempDir('shoebox-selfsigned-home-'), '--library', 's3://shoebox/family', 'status'], env);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: cannot open s3://shoebox/family at https://127.0.0.1:${port}: its TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT): give Node its CA (NODE_EXTRA_CA_CERTS=ca.pem) or use the server's name its certificate holds`]);
  }, 90_000);
});
