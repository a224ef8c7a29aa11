// The event stream decides liveness from its own bytes (docs/API.md, "Event streams": the
// server's heartbeat comment): a heartbeat or an event says the server is there, silence past
// the limit closes the stream and reports it lost, and a refusal is reported with its status.
import { expect } from '@open-wc/testing';
import { openEventStream } from '../../../../src/client/core/stream.js';
import { waitFor } from '../../../support/browser/by-role.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
} from '../../../support/browser/fake-stream.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function beforeEach(body: () => void): void;
declare function afterEach(body: () => void): void;

const SILENCE_MS = 300;

/** Opens the stream and records what its handlers heard. */
function opened() {
  const heard = { open: 0, alive: 0, events: [] as string[], lost: [] as (number | undefined)[] };
  const close = openEventStream(
    '/api/kiosk/events',
    undefined,
    {
      open: () => heard.open++,
      alive: () => heard.alive++,
      event: (event, id) => heard.events.push(`${event.name}:${id ?? ''}`),
      lost: (status) => heard.lost.push(status),
    },
    SILENCE_MS,
  );
  return { heard, close };
}

describe('openEventStream: liveness from the stream itself', () => {
  beforeEach(installFakeStream);
  afterEach(restoreStream);

  it('counts a heartbeat comment as a sign of life, and keeps a beating stream open', async () => {
    const { heard, close } = opened();
    const stream = (await nthStream(1)).accept();
    await waitFor(() => expect(heard.open).to.equal(1), 'open');
    // Longer than the silence limit in all, but never silent that long.
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, SILENCE_MS / 2));
      stream.ping();
    }
    await waitFor(() => expect(heard.alive).to.be.greaterThan(3), 'heartbeats heard');
    expect(heard.lost).to.deep.equal([]);
    expect(heard.events).to.deep.equal([]);
    stream.send('line', { positions: {} }).snapshot(7, []);
    await waitFor(() => expect(heard.events).to.deep.equal(['line:', 'snapshot:7']), 'events');
    close();
    expect(stream.closed).to.equal(true);
  });

  it('closes a silent stream and reports it lost, so the engine reconnects', async () => {
    const { heard } = opened();
    const stream = (await nthStream(1)).accept();
    await waitFor(() => expect(heard.lost).to.deep.equal([undefined]), 'lost after silence');
    expect(stream.closed).to.equal(true);
  });

  it('reports a refused stream with its status', async () => {
    const { heard } = opened();
    (await nthStream(1)).refuse(401);
    await waitFor(() => expect(heard.lost).to.deep.equal([401]), 'lost with 401');
    expect(heard.open).to.equal(0);
  });

  it('reports a dropped connection once, and nothing after close', async () => {
    const first = opened();
    (await nthStream(1)).accept().drop();
    await waitFor(() => expect(first.heard.lost).to.deep.equal([undefined]), 'lost');
    const second = opened();
    const stream = (await nthStream(2)).accept();
    second.close();
    stream.ping();
    await new Promise((resolve) => setTimeout(resolve, SILENCE_MS * 2));
    expect(second.heard.lost).to.deep.equal([]);
  });
});
