// LiveQueryController: the host renders for a new answer, not for the same answer again, and
// answers that arrive before the next frame make one render (issue 15: the tablet rendered its
// whole screen once per answer of its nine live queries). Whether Dexie's answers land in one
// real frame depends on the machine's load, so the batching is tested with a clock the test
// drives (renderBatcher), not with real frames.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  LiveQueryController,
  renderBatcher,
  type Later,
} from '../../../src/client/core/db/live-query.js';
import { db, getMeta, setMeta } from '../../../src/client/core/db/db.js';

class LiveQueryHost extends LitElement {
  renders = 0;
  readonly a = new LiveQueryController(this, () => getMeta<number>('lq-a'), undefined);
  readonly b = new LiveQueryController(this, () => getMeta<number>('lq-b'), undefined);
  readonly c = new LiveQueryController(this, () => getMeta<number>('lq-c'), undefined);
  override render() {
    this.renders++;
    return html`${this.a.value}/${this.b.value}/${this.c.value}`;
  }
}
customElements.define('live-query-host', LiveQueryHost);

const settled = (el: LiveQueryHost) => el.a.settled && el.b.settled && el.c.settled;
/** Lets any answer still on its way arrive and render. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('LiveQueryController', () => {
  beforeEach(async () => {
    await db.meta.bulkPut([
      { key: 'lq-a', value: 1 },
      { key: 'lq-b', value: 1 },
      { key: 'lq-c', value: 1 },
    ]);
  });

  it('renders a new answer', async () => {
    const el = await fixture<LiveQueryHost>(html`<live-query-host></live-query-host>`);
    await waitUntil(() => el.shadowRoot!.textContent === '1/1/1');
    await setMeta('lq-b', 2);
    await waitUntil(() => el.shadowRoot!.textContent === '1/2/1');
  });

  it('does not render the same answer again, and keeps the value it had', async () => {
    await setMeta('lq-a', { list: [1, 2] });
    const el = await fixture<LiveQueryHost>(html`<live-query-host></live-query-host>`);
    await waitUntil(() => settled(el) && typeof el.a.value === 'object');
    await quiet();
    const before = el.renders;
    const value = el.a.value;
    // Dexie answers again for each write to the table, equal or not.
    await setMeta('lq-a', { list: [1, 2] });
    await setMeta('lq-b', 1);
    await quiet();
    expect(el.renders).to.equal(before);
    expect(el.a.value).to.equal(value);
  });
});

/** A clock whose frames and timers run only when the test says. */
function manualClock(withFrames: boolean) {
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const later =
    (queue: (() => void)[]): Later =>
    (run) => {
      queue.push(run);
      return () => {
        queue.splice(queue.indexOf(run) >>> 0, 1);
      };
    };
  return {
    frames,
    timers,
    clock: () => ({ frame: withFrames ? later(frames) : undefined, timer: later(timers) }),
  };
}

/** A host that counts the renders it was asked for. */
const countingHost = () => {
  const host = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    get updateComplete() {
      return Promise.resolve(true);
    },
  };
  return host;
};

describe('renderBatcher', () => {
  it('renders each host once at the next frame, however many answers it had', () => {
    const manual = manualClock(true);
    const soon = renderBatcher(manual.clock);
    const [a, b] = [countingHost(), countingHost()];
    soon(a);
    soon(b);
    soon(a);
    soon(a);
    expect([a.updates, b.updates]).to.deep.equal([0, 0]);
    expect(manual.frames).to.have.length(1);
    manual.frames[0]!();
    expect([a.updates, b.updates]).to.deep.equal([1, 1]);
    // The batch's fallback timer is cancelled: it never renders them a second time.
    expect(manual.timers).to.have.length(0);
    soon(b);
    expect(manual.frames).to.have.length(1);
    manual.frames[0]!();
    expect([a.updates, b.updates]).to.deep.equal([1, 2]);
  });

  it('renders by the timer when no frame comes (a hidden page)', () => {
    const manual = manualClock(false);
    const soon = renderBatcher(manual.clock);
    const a = countingHost();
    soon(a);
    soon(a);
    expect(manual.timers).to.have.length(1);
    manual.timers[0]!();
    expect(a.updates).to.equal(1);
  });
});
