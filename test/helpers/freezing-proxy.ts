// A TCP proxy in front of the S3 gateway that can freeze: connections stay open and nothing
// passes either way, as with a SIGSTOPped server, a NAS asleep or a router swallowing packets.
import net from 'node:net';

export interface FreezingProxy {
  endpoint: string;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

/** A TCP proxy that, frozen, holds what each side sends (a SIGSTOPped server), and passes it on when thawed. */
export async function freezingProxy(target: string): Promise<FreezingProxy> {
  const to = new URL(target);
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(to.port || 80), to.hostname);
    const pass = (from: net.Socket, into: net.Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (frozen) held.push(() => into.write(chunk));
        else into.write(chunk);
      });
    pass(client, upstream);
    pass(upstream, client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    freeze: () => void (frozen = true),
    thaw: () => {
      frozen = false;
      for (const write of held.splice(0)) write();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
