// A loopback TCP gate in front of a real test server: while held it accepts connections and never sends a byte (a
// server that never answers, for a run to be cancelled while it waits); released, it carries each new connection to
// the server behind it.
import { connect, createServer, type Socket } from 'node:net';

export interface HeldServer {
  /** host:port of the gate, and its http:// URL. */
  host: string;
  url: string;
  /** Connections accepted so far (held or carried). */
  connections: () => number;
  /** Hold new connections (the default), or carry them to the server behind. */
  hold: () => void;
  release: () => void;
  close: () => Promise<void>;
}

// A gate before `upstream` (an http:// URL on loopback), held until released.
export async function startHeldServer(upstream: string): Promise<HeldServer> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  let held = true;
  let accepted = 0;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const server = createServer((socket) => {
    accepted++;
    track(socket);
    if (held) return;
    const onward = connect(Number(target.port), target.hostname);
    track(onward);
    socket.pipe(onward).pipe(socket);
    onward.on('close', () => socket.destroy());
    socket.on('close', () => onward.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    host,
    url: `http://${host}`,
    connections: () => accepted,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      // A connection accepted while held would never answer: drop it, so a client's next request connects anew.
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
