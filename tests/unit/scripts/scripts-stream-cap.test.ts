// docs/API.md "Scripts": the public scripts stream needs no credentials, so each client (its
// IP address; behind the local proxy, the one the proxy forwards) may hold only so many open at
// once. The next is refused with 429 and Retry-After; closing one frees its slot. The staff
// stream, which needs a sign-in, counts against its session instead (stream-limits.test.ts).
// Run on both stores with a cap of 3.
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../src/server/config.js';
import { expectStreamRefused, forEachStore } from '../../support/server.js';
import type { SseStream } from '../../support/sse.js';

const CAP = 3;
const PATH = '/api/scripts/events';

describe('the public scripts stream cap setting', () => {
  it('is 20 per client unless ROVE_PUBLIC_STREAMS_PER_CLIENT says otherwise', () => {
    expect(configFromEnv({}).publicStreamsPerClient).toBe(20);
    expect(configFromEnv({ ROVE_PUBLIC_STREAMS_PER_CLIENT: '5' }).publicStreamsPerClient).toBe(5);
    expect(() => configFromEnv({ ROVE_PUBLIC_STREAMS_PER_CLIENT: '0' })).toThrow(
      /ROVE_PUBLIC_STREAMS_PER_CLIENT/,
    );
  });
});

forEachStore(
  'public scripts stream cap',
  (server) => {
    const opened: SseStream[] = [];
    afterEach(() => {
      for (const stream of opened.splice(0)) stream.close();
    });

    /** Opens the stream as the local proxy would for the client at `forwardedFor`. */
    async function open(forwardedFor?: string): Promise<SseStream> {
      const headers: Record<string, string> = forwardedFor
        ? { 'x-forwarded-for': forwardedFor }
        : {};
      const stream = await server.openStream(PATH, { headers });
      opened.push(stream);
      return stream;
    }

    /** CAP streams for one client, each past its snapshot. */
    async function fill(forwardedFor?: string): Promise<SseStream[]> {
      const streams: SseStream[] = [];
      for (let i = 0; i < CAP; i++) {
        const stream = await open(forwardedFor);
        expect(stream.status).toBe(200);
        await stream.next('snapshot');
        streams.push(stream);
      }
      return streams;
    }

    it('refuses the stream after the cap with 429 and Retry-After; closing one frees a slot', async () => {
      const streams = await fill('203.0.113.10');
      expectStreamRefused(await open('203.0.113.10'), CAP);

      streams[0]!.close();
      // The server learns of the close when the connection drops: try until the slot is back.
      let again: SseStream | undefined;
      for (let tries = 0; tries < 100 && again?.status !== 200; tries++) {
        if (again) await new Promise((resolve) => setTimeout(resolve, 50));
        again = await open('203.0.113.10');
      }
      expect(again!.status).toBe(200);
      await again!.next('snapshot');
      expectStreamRefused(await open('203.0.113.10'), CAP);
    });

    it('counts each client the proxy on this machine forwards for apart', async () => {
      await fill('203.0.113.20');
      expectStreamRefused(await open('203.0.113.20'), CAP);
      const other = await open('198.51.100.20');
      expect(other.status).toBe(200);
      await other.next('snapshot');
      // A direct connection from this machine is a client of its own.
      const direct = await open();
      expect(direct.status).toBe(200);
      // The proxy appends the address it saw; what the client claimed before it does not count.
      expectStreamRefused(await open('192.0.2.1, 203.0.113.20'), CAP);
    });

    it('does not count the signed-in staff stream against the address', async () => {
      const rover = await server.rover('main');
      await fill('203.0.113.30');
      const staff = await server.openStream('/api/branches/main/events', {
        token: rover.token,
        headers: { 'x-forwarded-for': '203.0.113.30' },
      });
      opened.push(staff);
      expect(staff.status).toBe(200);
      await staff.next('snapshot');
    });
  },
  { publicStreamsPerClient: CAP },
);
