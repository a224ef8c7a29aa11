// docs/API.md "Limits": a device (kiosk stream) or a staff session (staff stream) holds at most
// ROVE_STREAMS_PER_DEVICE open streams, default 4; past it 429 with Retry-After, and closing one
// gives its slot back. One kiosk token could once open 2,000 streams. Both stores.
import { afterEach, describe, expect, it } from 'vitest';
import { STREAMS_PER_DEVICE } from '../../../src/server/auth/limits.js';
import { configFromEnv } from '../../../src/server/config.js';
import { expectStreamRefused, forEachStore } from '../../support/server.js';
import type { SseStream } from '../../support/sse.js';

const BURST = 200;

describe('the streams-per-device setting', () => {
  it('is 4 unless ROVE_STREAMS_PER_DEVICE says otherwise', () => {
    expect(STREAMS_PER_DEVICE).toBe(4);
    expect(configFromEnv({}).streamsPerDevice).toBe(4);
    expect(configFromEnv({ ROVE_STREAMS_PER_DEVICE: '9' }).streamsPerDevice).toBe(9);
    expect(() => configFromEnv({ ROVE_STREAMS_PER_DEVICE: '0' })).toThrow(
      /ROVE_STREAMS_PER_DEVICE/,
    );
  });
});

forEachStore('streams per device or session', (server) => {
  const opened: SseStream[] = [];
  afterEach(() => {
    for (const stream of opened.splice(0)) stream.close();
  });

  async function open(path: string, token: string): Promise<SseStream> {
    const stream = await server.openStream(path, { token });
    opened.push(stream);
    return stream;
  }

  /** Opens `path` until it opens (100 tries at most): a closed stream frees its slot a moment later. */
  async function openOnceFree(path: string, token: string): Promise<SseStream> {
    let stream: SseStream | undefined;
    for (let tries = 0; tries < 100 && stream?.status !== 200; tries++) {
      if (stream) await new Promise((resolve) => setTimeout(resolve, 50));
      stream = await open(path, token);
    }
    return stream!;
  }

  it(`a burst of ${BURST} kiosk streams on one device: ${STREAMS_PER_DEVICE} open, the rest 429`, async () => {
    const kiosk = await server.kiosk(await server.newBranch());
    const streams = await Promise.all(
      Array.from({ length: BURST }, () => open('/api/kiosk/events', kiosk.token)),
    );
    const ok = streams.filter((s) => s.status === 200);
    expect(ok).toHaveLength(STREAMS_PER_DEVICE);
    for (const stream of streams)
      if (stream.status !== 200) expectStreamRefused(stream, STREAMS_PER_DEVICE);
    for (const stream of ok) await stream.next('snapshot');

    // Closing one gives its slot back, and only one.
    ok[0]!.close();
    const again = await openOnceFree('/api/kiosk/events', kiosk.token);
    expect(again.status).toBe(200);
    expectStreamRefused(await open('/api/kiosk/events', kiosk.token), STREAMS_PER_DEVICE);

    // Another kiosk is not held back by this one.
    const other = await server.kiosk(kiosk.device.branchId);
    expect((await open('/api/kiosk/events', other.token)).status).toBe(200);
  });

  it(`a burst of ${BURST} staff streams on one session: ${STREAMS_PER_DEVICE} open, the rest 429`, async () => {
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}/events`;
    const streams = await Promise.all(
      Array.from({ length: BURST }, () => open(path, scene.rover.token)),
    );
    expect(streams.filter((s) => s.status === 200)).toHaveLength(STREAMS_PER_DEVICE);
    for (const stream of streams)
      if (stream.status !== 200) expectStreamRefused(stream, STREAMS_PER_DEVICE);

    // A colleague's session on another tablet of the branch has slots of its own.
    const colleague = await server.rover(scene.branchId);
    expect((await open(path, colleague.token)).status).toBe(200);
  });
});
