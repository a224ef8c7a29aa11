// A stream that cannot keep up (issue 16): a tablet on a bad link whose socket stops taking
// bytes. The server lets go of that one stream once its backlog passes a bound (1 MiB), so its
// memory goes back and its slot is free again; the device then resumes with Last-Event-ID and
// misses nothing. Every other stream of the branch hears every event, in order. Both stores.
import { connect, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { forEachStore, type Json } from '../../support/server.js';

/** Big events (about 8 KB each on the wire), this many: well past any socket's buffers. */
const EVENTS = 800;
const TEXT = 'The lift is out of order; please ask at the desk for the ramp. '.repeat(125);

forEachStore(
  'a stream that stops reading',
  (server) => {
    const sockets: Socket[] = [];
    afterEach(() => {
      for (const socket of sockets.splice(0)) socket.destroy();
    });

    /** Opens `path` on a raw socket that never reads a byte of the answer. */
    function stalledStream(path: string, token: string): Socket {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      socket.pause();
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
          'Accept: text/event-stream\r\n\r\n',
      );
      sockets.push(socket);
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
        stalledStream(path, token);
        const refused = async () => (await server.openStream(path, { token })).status === 429;
        for (let tries = 0; !(await refused()); tries++) {
          if (tries > 100) throw new Error('the stalled stream never took its slot');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // Its slot is taken as the request arrives, before its snapshot is read: give that read
        // time to finish, or a snapshot taken after the flood below would hold none of it.
        await new Promise((resolve) => setTimeout(resolve, 1000));

        // The branch's events, as large as the store holds them, written in a few
        // transactions; then a real notice over HTTP, which wakes the stream hub.
        const store = server.running!.store;
        for (let done = 0; done < EVENTS; done += 100) {
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
                    text: `${done + i}: ${TEXT}`,
                    until: new Date(Date.now() + 3_600_000).toISOString(),
                    by: 'Sam',
                  },
                },
              })),
            ),
          );
        }
        const until = new Date(Date.now() + 3_600_000).toISOString();
        const last = await server.ok(
          'POST',
          `/api/branches/${scene.branchId}/notices`,
          { token, body: { text: 'Last one', until } },
          201,
        );

        // The healthy stream hears all of it, in order.
        let previous = seq;
        for (let n = 0; n < EVENTS; n++) {
          const event = await healthy.next('notice');
          expect(Number(event.id)).toBeGreaterThan(previous);
          previous = Number(event.id);
          expect((event.json as Json).notice.text.startsWith(`${n}: `)).toBe(true);
        }
        expect(((await healthy.next('notice')).json as Json).notice.id).toBe(last.notice.id);

        // The stalled one was let go: its slot is free, and a new stream resuming from before
        // the flood gets every event it missed, the last one included.
        // The server lets go once the backlog has stood for 5 s; a loaded machine gets 15.
        const deadline = Date.now() + 15_000;
        let resumed = await server.openStream(path, { token, lastEventId: seq });
        while (resumed.status === 429) {
          if (Date.now() > deadline) throw new Error('the stalled stream was never let go');
          resumed.close();
          await new Promise((resolve) => setTimeout(resolve, 100));
          resumed = await server.openStream(path, { token, lastEventId: seq });
        }
        try {
          expect(resumed.status).toBe(200);
          let count = 0;
          for (;;) {
            const event = (await resumed.next('notice')).json as Json;
            if (event.notice.id === last.notice.id) break;
            count++;
          }
          expect(count).toBe(EVENTS);
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
