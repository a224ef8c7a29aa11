// A stream the server ends (a grant taken away, a sign-out, a revoked device, a session run
// out) on a link that stopped reading: a tablet in a dead Wi-Fi corner whose socket buffer is
// full. Ending the response politely queues its end behind the backlog the tablet will never
// read, so the socket, that backlog and the stream's slot stay for as long as TCP waits
// (forever, if the far end still answers but never reads). The server lets go of such a socket
// at once instead, as it does a reader it drops (docs/API.md, "Event streams").
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { forEachStore, type Json } from '../../support/server.js';

/**
 * One event this big (6 MiB on the wire): more than a socket that does not read takes, and
 * under the 16 MiB past which the server drops a stream at once.
 */
const BIG = 'x'.repeat(6 * 1024 * 1024);

forEachStore(
  'a stream ended on a link that stopped reading',
  (server) => {
    const sockets: Socket[] = [];
    afterEach(() => {
      for (const socket of sockets.splice(0)) socket.destroy();
    });

    /** Opens `path` on a raw socket that reads up to its snapshot, then never reads again. */
    async function stalledStream(path: string, token: string): Promise<void> {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        let head = '';
        socket.once('error', reject);
        socket.on('data', (chunk: Buffer) => {
          head += chunk.toString('latin1');
          if (!/event: snapshot\n[^]*?\n\n/.test(head)) return;
          socket.pause();
          socket.removeAllListeners('data');
          resolve();
        });
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
            'Accept: text/event-stream\r\n\r\n',
        );
      });
    }

    it('gives its slot back at once: a rover moved to another branch can follow it', async () => {
      const [here, there] = await Promise.all([server.newBranch(), server.newBranch()]);
      const rover = await server.rover(here, { branchIds: [here, there] });
      const admin = await server.adminToken();
      const path = (branchId: string) => `/api/branches/${branchId}/events`;
      const healthy = await server.openStream(path(here), { token: admin });
      try {
        await healthy.next('snapshot');
        // The rover's session may hold one stream: the stalled one, of the branch here.
        await stalledStream(path(here), rover.token);
        // One big event it cannot take, then a real notice (which wakes the stream hub): the
        // healthy stream hearing that notice means both were sent to every stream.
        const store = server.running!.store;
        const until = new Date(Date.now() + 3_600_000).toISOString();
        await store.db.transaction((tx) =>
          store.log.appendAll(tx, [
            {
              kind: 'notice' as const,
              branchId: here,
              kiosks: true,
              payload: {
                notice: { id: randomUUID(), branchId: here, text: BIG, until, by: 'Sam' },
              },
            },
          ]),
        );
        const wake = await server.ok(
          'POST',
          `/api/branches/${here}/notices`,
          { token: rover.token, body: { text: 'After the big one', until } },
          201,
        );
        for (;;) {
          const event = await healthy.next('notice');
          if ((event.json as Json).notice.id === wake.notice.id) break;
        }
      } finally {
        healthy.close();
      }

      // The rover now works only there: the server ends their stream of the branch here.
      await server.ok(
        'PATCH',
        `/api/staff/${rover.staff.id}`,
        { token: admin, body: { branchIds: [there] } },
        200,
      );
      // Their session's one slot is free for the stream of the branch there. Before, the
      // stream ended here held it until TCP gave up on a tablet that never read again.
      let status = 0;
      for (let tries = 0; tries < 50 && status !== 200; tries++) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 200));
        const stream = await server.openStream(path(there), { token: rover.token });
        status = stream.status;
        stream.close();
      }
      expect(status, 'the stream of the branch there').toBe(200);
    }, 60_000);
  },
  { streamsPerDevice: 1 },
);
