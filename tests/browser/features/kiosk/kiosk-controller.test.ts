// The kiosk's controller on a bare host: a browser that is not a kiosk is told so, a revoked
// kiosk sends patrons to the desk, a patron's steps (topic, send, follow, cancel once, start
// again) and what it forgets of them, the sync started after the first screen and stopped with
// the host.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { KioskController } from '../../../../src/client/features/kiosk/kiosk-controller.js';
import { db, getMeta, setMeta } from '../../../../src/client/core/db/db.js';
import { storeBranch } from '../../../../src/client/core/db/replica.js';
import { waitFor } from '../../../support/browser/by-role.js';
import { FakeServer } from '../../../support/browser/fake-server.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
} from '../../../support/browser/fake-stream.js';
import { topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';

const kiosk = { id: 'kiosk-1', kind: 'kiosk', branchId: 'main', label: 'Lobby kiosk' };

class KioskHost extends LitElement {
  forgotten = 0;
  readonly kiosk = new KioskController(this, { forget: () => this.forgotten++ });
}
customElements.define('kiosk-controller-host', KioskHost);

const host = () => fixture<KioskHost>(html`<kiosk-controller-host></kiosk-controller-host>`);

/** A host that remembers the first screen it rendered with the branch known. */
class ShownKiosk extends LitElement {
  readonly kiosk = new KioskController(this);
  shown?: { branch?: string; topics: number };
  override render() {
    const branch = this.kiosk.branch?.name;
    if (branch && !this.shown) this.shown = { branch, topics: this.kiosk.topics.length };
    return html`<h1>${branch ?? ''}</h1>`;
  }
}
customElements.define('kiosk-shown-host', ShownKiosk);

const until = (what: string, check: () => boolean) =>
  waitFor(() => {
    if (!check()) throw new Error(`not yet: ${what}`);
  }, what);

describe('KioskController', () => {
  offlineWithReplica({ topics });

  it('says a browser that is not an enrolled kiosk cannot take requests', async () => {
    const el = await host();
    await until('the problem', () => el.kiosk.problem !== undefined);
    expect(el.kiosk.problem).to.contain('not enrolled as one');
  });

  describe('on an enrolled kiosk', () => {
    beforeEach(() => setMeta('session', { role: 'kiosk', device: kiosk }));

    it('takes a patron from a topic to a sent request it follows, cancels once, and forgets them', async () => {
      const el = await host();
      await until('the topics', () => el.kiosk.topics.length === 2);
      expect(el.kiosk.step).to.equal('idle');
      el.kiosk.go('topics');
      el.kiosk.choose(topics[0]!);
      expect(el.kiosk.step).to.equal('details');
      expect(el.kiosk.topic?.id).to.equal('tech');

      await el.kiosk.send({ needs: [], name: 'Priya' });
      expect(el.kiosk.step).to.equal('following');
      const id = el.kiosk.requestId;
      expect(id).to.be.a('string');
      expect(await getMeta('kioskCurrentRequest')).to.equal(id);

      await el.kiosk.cancel();
      await el.kiosk.cancel();
      const sent = await db.outbox.toArray();
      expect(sent.map((e) => e.action)).to.deep.equal(['create', 'cancel']);

      const before = el.forgotten;
      el.kiosk.reset();
      expect(el.kiosk.step).to.equal('idle');
      expect(el.kiosk.requestId).to.equal(undefined);
      expect(el.kiosk.topic).to.equal(undefined);
      expect(el.forgotten).to.equal(before + 1);
      await until('the request forgotten', () => el.kiosk.request === undefined);
      expect(await getMeta('kioskCurrentRequest')).to.equal(undefined);
    });

    it('thanks the patron by name of who helped when the followed request is done', async () => {
      const el = await host();
      await until('the topics', () => el.kiosk.topics.length === 2);
      el.kiosk.choose(topics[0]!);
      await el.kiosk.send({ needs: [] });
      const id = el.kiosk.requestId!;
      await db.transaction('rw', db.outbox, db.requests, async () => {
        await db.outbox.clear();
        await db.requests.put({
          id,
          branchId: 'main',
          ticket: 'A7',
          topicId: 'tech',
          skill: 'tech',
          status: 'done',
          needs: [],
          claimedBy: { id: '', displayName: 'Sam' },
          version: 4,
          createdAt: new Date().toISOString(),
        });
      });
      await until('the thanks', () => el.kiosk.step === 'thanks');
      expect(el.kiosk.thanks).to.equal(
        'Thank you for visiting! We hope Sam helped. Come back any time.',
      );
    });

    describe('with the server', () => {
      let server: FakeServer;
      let session: unknown;

      beforeEach(async () => {
        session = { role: 'kiosk', device: kiosk };
        server = new FakeServer().on('GET', '/api/session', () => ({ body: session })).install();
        installFakeStream();
        await storeBranch({ id: 'main', name: 'Main', serviceDesk: 'upstairs by the lifts.' });
      });
      afterEach(() => {
        restoreStream();
        server.restore();
      });

      it('sends patrons to the desk, saying where, once the kiosk is revoked', async () => {
        const el = await host();
        const stream = await nthStream(1);
        expect(new URL(stream.url, location.href).pathname).to.equal('/api/kiosk/events');
        await until('the branch', () => el.kiosk.branch !== undefined);
        session = { role: null };
        stream.refuse(401);
        await until('the problem', () => el.kiosk.problem !== undefined);
        expect(el.kiosk.problem).to.equal(
          'This kiosk is no longer enrolled. Please ask at the service desk for help today. The service desk is upstairs by the lifts.',
        );
      });

      it('opens the stream only after the welcome has shown what the kiosk holds', async () => {
        // Issue 15: the stream's snapshot and reference data are fetched after the first paint.
        // Learning who this kiosk is (`/api/session`) is slow here, as on a loaded kiosk: the
        // screen's queries answer before they are even asked of this kiosk's branch, and that
        // empty answer is not the welcome.
        const streamFetch = window.fetch;
        let atOpen: { branch?: string; topics: number; shown: boolean } | undefined;
        window.fetch = async (input, init) => {
          const el = document.querySelector<ShownKiosk>('kiosk-shown-host');
          if (String(input).includes('/events') && el && !atOpen)
            atOpen = { branch: el.shown?.branch, topics: el.shown?.topics ?? 0, shown: !!el.shown };
          if (String(input).endsWith('/api/session'))
            await new Promise((resolve) => setTimeout(resolve, 400));
          return streamFetch(input, init);
        };
        try {
          await fixture<ShownKiosk>(html`<kiosk-shown-host></kiosk-shown-host>`);
          (await nthStream(1)).accept();
          expect(atOpen).to.deep.equal({ branch: 'Main', topics: topics.length, shown: true });
        } finally {
          window.fetch = streamFetch;
        }
      });

      it('stops the sync when the host leaves the page', async () => {
        const el = await host();
        const stream = (await nthStream(1)).accept();
        el.remove();
        expect(stream.closed).to.equal(true);
      });
    });
  });
});
