// A TCP proxy in front of the S3 gateway that a test can break as a network or server would.
// `cut()` closes every open connection and refuses new ones, as a dropped network; `restore()`
// listens again on the same port. `freeze()` keeps the connections open with nothing passing
// either way, as a SIGSTOPped server, a NAS asleep or a router swallowing packets; `thaw()`
// passes on what each side sent meanwhile. Stopping Ceph itself would lose its objects
// (ceph-rgw.sh's stop wipes them), so the failure is made here, between Shoebox and an S3
// server that keeps its data.
import net from 'node:net';
import { Transform } from 'node:stream';

export interface S3Proxy {
  /** The endpoint to give Shoebox (http://127.0.0.1:PORT). */
  readonly endpoint: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

/** `connections`: how many connections pass before the network drops by itself (all of them when left out). */
export async function startS3Proxy(target: string, options: { connections?: number } = {}): Promise<S3Proxy> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let frozen = false;
  const held: (() => void)[] = [];
  // Each direction passes through a gate that, frozen, holds every chunk until thawed.
  const gate = () =>
    new Transform({
      transform(chunk: Buffer, _encoding, pass) {
        if (frozen) held.push(() => pass(null, chunk));
        else pass(null, chunk);
      },
    });
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
    client.pipe(gate()).pipe(upstream);
    upstream.pipe(gate()).pipe(client);
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
    freeze: () => void (frozen = true),
    thaw: () => {
      frozen = false;
      for (const pass of held.splice(0)) pass();
    },
    close: stop,
  };
}
