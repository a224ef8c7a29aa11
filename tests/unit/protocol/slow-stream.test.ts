// A stream that cannot keep up (issue 16): a tablet on a bad link whose socket stops taking
// bytes. The server lets go of that one stream once its backlog passes a bound (1 MiB), so its
// memory goes back and its slot is free again; the device then resumes with Last-Event-ID and
// misses nothing. Every other stream of the branch hears every event, in order. Both stores.
import { connect, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { forEachStore, type Json } from '../../support/server.js';

/**
 * Big events (about 8 KB each on the wire), this many per round: 12.8 MB. A reader that stops
 * reading does not stop the kernel taking bytes: on loopback its receive buffer grows up to
 * net.ipv4.tcp_rmem's maximum (32 MB on the CI machine) besides the sender's 4 MB, so the
 * server sees a backlog only past those, and the flood comes in rounds until it does.
 */
const EVENTS = 1600;
/** Rounds at most: 102 MB in all, well past the kernel's buffers. */
const ROUNDS = 8;
const TEXT = 'The lift is out of order; please ask at the desk for the ramp. '.repeat(125);

forEachStore(
  'a stream that stops reading',
  (server) => {
    const sockets: Socket[] = [];
    afterEach(() => {
      for (const socket of sockets.splice(0)) socket.destroy();
    });

    /**
     * Opens `path` on a raw socket that stops reading as soon as the answer has begun: it takes
     * the status line (the stream is open and holds its slot) and never a byte it does not
     * have to. Waiting for that, not asking for a second stream until one is refused, keeps
     * the asking from taking the slot itself: a second stream that got in first was a reader
     * that read everything, and the stalled one was refused (the test failed, on PostgreSQL
     * about one run in three, with "never let go").
     */
    async function stalledStream(path: string, token: string): Promise<Socket> {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      sockets.push(socket);
      const head = await new Promise<string>((resolve, reject) => {
        socket.once('error', reject);
        socket.once('data', (chunk: Buffer) => {
          socket.pause();
          resolve(chunk.toString('latin1'));
        });
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
            'Accept: text/event-stream\r\n\r\n',
        );
      });
      const status = head.slice(0, head.indexOf('\r\n'));
      expect(status, 'the stalled stream is open').toBe('HTTP/1.1 200 OK');
      return socket;
    }

    it('is let go after a bounded backlog; the others hear everything; it resumes', async () => {
      const scene = await server.scene();
      const token = scene.rover.token;
      const path = `/api/branches/${scene.branchId}/events`;
      const healthy = await server.openStream(path, { token: await server.adminToken() });
      try {
        const { seq } = (await healthy.next('snapshot')).json as Json;
        // The rover's session may hold one stream here: the stalled one takes it.
        await stalledStream(path, token);
        const second = await server.openStream(path, { token });
        second.close();
        expect(second.status, 'a second stream of the session').toBe(429);
        // Its slot is taken as its request arrives, before its snapshot is read: a snapshot read
        // after a flood holds none of it, and the stream is not behind. So the flood comes in
        // rounds, each ended by a real notice over HTTP (which wakes the stream hub), until the
        // stalled stream is let go: whenever its snapshot was read, a later round overflows it.
        const store = server.running!.store;
        const until = new Date(Date.now() + 3_600_000).toISOString();
        const wakes = new Set<string>();
        let written = 0;
        const flood = async () => {
          for (let done = 0; done < EVENTS; done += 100) {
            const first = written;
            await store.db.transaction((tx) =>
              store.log.appendAll(
                tx,
                Array.from({ length: 100 }, (_, i) => ({
                  kind: 'notice' as const,
                  branchId: scene.branchId,
                  kiosks: true,
                  payload: {
                    notice: {
                      id: randomUUID(),
                      branchId: scene.branchId,
                      text: `${first + i}: ${TEXT}`,
                      until,
                      by: 'Sam',
                    },
                  },
                })),
              ),
            );
            written += 100;
          }
          const wake = await server.ok(
            'POST',
            `/api/branches/${scene.branchId}/notices`,
            { token, body: { text: `Round ${wakes.size}`, until } },
            201,
          );
          wakes.add(wake.notice.id);
          return wake.notice.id as string;
        };
        /** The notices a stream hears up to `last`: every flooded one in order, and the wakes. */
        const hearUpTo = async (stream: typeof healthy, last: string, from: number, big = 0) => {
          let previous = from;
          for (;;) {
            const event = await stream.next('notice');
            expect(Number(event.id)).toBeGreaterThan(previous);
            previous = Number(event.id);
            const notice = (event.json as Json).notice;
            if (wakes.has(notice.id)) {
              if (notice.id === last) return { big, previous };
              continue;
            }
            expect(notice.text.startsWith(`${big}: `), notice.text.slice(0, 12)).toBe(true);
            big++;
          }
        };

        // The server lets go once the backlog has stood for 5 s; a loaded machine gets longer.
        let last = '';
        // The healthy stream is read as each round ends, as a tablet on a good link would.
        let heard = { big: 0, previous: seq };
        let resumed: Awaited<ReturnType<typeof server.openStream>> | undefined;
        for (let round = 0; round < ROUNDS && !resumed; round++) {
          last = await flood();
          heard = await hearUpTo(healthy, last, heard.previous, heard.big);
          // The 5 s the backlog must stand, and room for a loaded machine; the next round comes
          // with more backlog and another chance.
          const deadline = Date.now() + 8_000;
          while (Date.now() < deadline) {
            const attempt = await server.openStream(path, { token, lastEventId: seq });
            if (attempt.status !== 429) {
              resumed = attempt;
              break;
            }
            attempt.close();
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
        if (!resumed) throw new Error('the stalled stream was never let go');

        // The healthy stream heard all of it, in order.
        expect(heard.big).toBe(written);

        // The stalled one was let go: its slot is free, and a new stream resuming from before
        // the flood gets every event it missed, the last one included.
        try {
          expect(resumed.status).toBe(200);
          expect((await hearUpTo(resumed, last, seq)).big).toBe(written);
        } finally {
          resumed.close();
        }
      } finally {
        healthy.close();
      }
    }, 120_000);
  },
  { streamsPerDevice: 1 },
);
