// Starting and stopping this test run's own Ceph gateway (../shared/s3/ceph-rgw.sh), shared by
// every test file of the run: the first file that needs it starts it under the run's state
// folder, holding a start lock (a folder created exclusively), and writes its settings where
// the others read them; the global setup (test/global-setup/s3-gateway.ts) stops it at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SHARED_DIR } from './shared-data';

export interface S3Settings {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

export const CEPH_SCRIPT = path.join(SHARED_DIR, 's3', 'ceph-rgw.sh');

/** Parses the script's `export S3_ENDPOINT=... S3_ACCESS_KEY=...` line. */
export function parseExports(text: string): S3Settings | null {
  const value = (name: string) => new RegExp(`\\b${name}=(\\S+)`).exec(text)?.[1];
  const endpoint = value('S3_ENDPOINT');
  const accessKey = value('S3_ACCESS_KEY');
  const secretKey = value('S3_SECRET_KEY');
  if (!endpoint || !accessKey || !secretKey) return null;
  return { endpoint, accessKey, secretKey, bucket: value('S3_BUCKET') ?? 'shoebox', region: value('S3_REGION') ?? 'us-east-1' };
}

/** Why Ceph cannot run here (not installed and no root to install it), or null when it can. */
export function cephUnavailable(): string | null {
  if (!fs.existsSync(CEPH_SCRIPT)) return `${CEPH_SCRIPT} is absent (../shared not beside the repo)`;
  const installed = ['radosgw', 'ceph-osd', 'ceph-mon', 's3cmd'].every((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0);
  if (!installed && process.getuid?.() !== 0) return "Ceph is not installed and cannot be installed without root (apt-get install ceph-mon ceph-mgr ceph-osd radosgw ceph-common s3cmd)";
  return null;
}

/** A TCP port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a gateway under `dir` on free ports (never the default ones another run may use);
 * returns its settings. Throws with the script's last lines when it fails.
 */
export async function startGateway(dir: string): Promise<S3Settings> {
  const env = { ...process.env, CEPH_MON_PORT: String(await freePort()), S3_PORT: String(await freePort()) };
  let out: string;
  try {
    out = execFileSync('bash', [CEPH_SCRIPT, 'start', dir], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`the Ceph gateway did not start (${CEPH_SCRIPT} start ${dir}): ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' | ')}`, { cause: error });
  }
  const settings = parseExports(out);
  if (!settings) throw new Error(`the Ceph gateway printed no settings: ${out.slice(0, 200)}`);
  return settings;
}

export function stopGateway(dir: string): void {
  spawnSync('bash', [CEPH_SCRIPT, 'stop', dir], { stdio: 'ignore', timeout: 120_000 });
}

const gatewayDir = (stateDir: string) => path.join(stateDir, 'ceph');
const settingsFile = (stateDir: string) => path.join(stateDir, 'settings.json');
const failureFile = (stateDir: string) => path.join(stateDir, 'failed.txt');

/** The run's gateway: started by the first caller, awaited by the others. */
export async function runGateway(stateDir: string): Promise<S3Settings> {
  const lock = path.join(stateDir, 'starting');
  let starter = false;
  try {
    fs.mkdirSync(lock); // exclusive: exactly one test process starts the gateway
    starter = true;
  } catch {
    // Another test file is starting it (or did): wait for its settings.
  }
  if (starter) {
    try {
      const settings = await startGateway(gatewayDir(stateDir));
      fs.writeFileSync(settingsFile(stateDir), JSON.stringify(settings));
      return settings;
    } catch (error) {
      fs.writeFileSync(failureFile(stateDir), (error as Error).message);
      throw error;
    }
  }
  for (;;) {
    if (fs.existsSync(settingsFile(stateDir))) return JSON.parse(fs.readFileSync(settingsFile(stateDir), 'utf8')) as S3Settings;
    if (fs.existsSync(failureFile(stateDir))) throw new Error(fs.readFileSync(failureFile(stateDir), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stops the run's gateway if a test file started one. */
export function stopStartedGateway(stateDir: string): void {
  if (fs.existsSync(path.join(gatewayDir(stateDir), 'run'))) stopGateway(gatewayDir(stateDir));
}
