// The event stream decides liveness from its own bytes (docs/API.md, "Event streams": the
// server's heartbeat comment): a heartbeat or an event says the server is there, silence past
// the limit closes the stream and reports it lost, and a refusal is reported with its status.
import { expect } from '@open-wc/testing';
import { keepStreamOpen, openEventStream } from '../../../../src/client/core/stream.js';
import { waitFor } from '../../../support/browser/by-role.js';
import {
  FakeEventSource,
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

describe('keepStreamOpen: a device waking from sleep', () => {
  beforeEach(installFakeStream);
  afterEach(restoreStream);

  const STALE_MS = 200;
  const shown = () => document.dispatchEvent(new Event('visibilitychange'));

  function kept() {
    const heard = { open: 0 };
    const stop = keepStreamOpen({
      path: '/api/kiosk/events',
      open: () => heard.open++,
      event: () => {},
      staleMs: STALE_MS,
    });
    return { heard, stop };
  }

  it('reopens at once a stream that heard nothing while the page was away', async () => {
    const { heard, stop } = kept();
    const first = (await nthStream(1)).accept();
    await waitFor(() => expect(heard.open).to.equal(1), 'open');
    // Asleep: no heartbeat for longer than the server's interval, and the silence timer (25 s)
    // has not run out. Shown again, it does not wait for it.
    await new Promise((resolve) => setTimeout(resolve, STALE_MS * 2));
    shown();
    (await nthStream(2)).accept();
    await waitFor(() => expect(heard.open).to.equal(2), 'open again');
    expect(first.closed).to.equal(true);
    stop();
  });

  it('leaves a stream that is still beating alone', async () => {
    const { heard, stop } = kept();
    const stream = (await nthStream(1)).accept();
    await waitFor(() => expect(heard.open).to.equal(1), 'open');
    await new Promise((resolve) => setTimeout(resolve, STALE_MS / 2));
    stream.ping();
    await waitFor(() => expect(stream.closed).to.equal(false), 'heard');
    shown();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.closed).to.equal(false);
    expect(heard.open).to.equal(1);
    stop();
  });

  it('does not wait out a backoff when the page is shown again', async () => {
    const { heard, stop } = kept();
    (await nthStream(1)).refuse(503);
    // The first retry waits a second; shown again, it tries now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    shown();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(FakeEventSource.opened.length, 'reopened before the backoff ran out').to.equal(2);
    (await nthStream(2)).accept();
    await waitFor(() => expect(heard.open).to.equal(1), 'open');
    stop();
  });
});
