import { connect, createServer, type Socket } from "node:net";

/**
 * The browsers' way to the app: a TCP relay to the preview server that the test can cut, since
 * neither WebDriver nor BiDi can take a browser offline here. Cut, it drops every open
 * connection and refuses new ones, so the page sees what a dead network shows it.
 */
export interface Network {
  readonly url: string;
  setOnline(online: boolean): void;
  close(): Promise<void>;
}

export async function relayTo(targetPort: number, port: number): Promise<Network> {
  let online = true;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (!online) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, "localhost");
    for (const s of [client, upstream]) {
      open.add(s);
      s.on("close", () => open.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    setOnline(next) {
      online = next;
      if (!next) for (const s of open) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
