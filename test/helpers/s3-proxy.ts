// A TCP proxy in front of the S3 gateway that a test can cut, as a dropped network would:
// `cut()` closes every open connection and refuses new ones; `restore()` listens again on the
// same port. Stopping Ceph itself would lose its objects (ceph-rgw.sh's stop wipes them), so a
// network failure is made here, between Shoebox and an S3 server that keeps its data.
import net from 'node:net';

export interface S3Proxy {
  /** The endpoint to give Shoebox (http://127.0.0.1:PORT). */
  readonly endpoint: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** `connections`: how many connections pass before the network drops by itself (all of them when left out). */
export async function startS3Proxy(target: string, options: { connections?: number } = {}): Promise<S3Proxy> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((client) => {
    if (options.connections !== undefined && ++accepted > options.connections) return void client.destroy();
    const upstream = net.connect(Number(to.port || 80), to.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stop = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    cut: stop,
    restore: () => listen(port),
    close: stop,
  };
}
