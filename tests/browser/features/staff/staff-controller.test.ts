// The tablet's controller on a bare host, with the server answered at the network boundary:
// its phases (loading, error, sign-in, ready), signing in (a refused PIN said in words, the
// sync started on success, and only once the signed-in screen has shown), the server ending the
// session, and the sync stopped with the host.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { StaffController } from '../../../../src/client/features/staff/staff-controller.js';
import { setMeta } from '../../../../src/client/core/db/db.js';
import { waitFor } from '../../../support/browser/by-role.js';
import { apiError, FakeServer } from '../../../support/browser/fake-server.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
  FakeEventSource,
} from '../../../support/browser/fake-stream.js';
import { lee, sam, tablet, topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';

class FloorHost extends LitElement {
  readonly floor = new StaffController(this);
}
customElements.define('staff-floor-host', FloorHost);

const host = () => fixture<FloorHost>(html`<staff-floor-host></staff-floor-host>`);

/** A host that remembers whether it has rendered the signed-in screen yet. */
class ShownHost extends LitElement {
  readonly floor = new StaffController(this);
  shownReady = false;
  override render() {
    if (this.floor.phase === 'ready') this.shownReady = true;
    return html`<h1>${this.floor.phase}</h1>`;
  }
}
customElements.define('staff-shown-host', ShownHost);

const phase = (el: FloorHost, wanted: string) =>
  waitFor(() => {
    if (el.floor.phase !== wanted) throw new Error(`phase ${el.floor.phase}`);
  }, `phase ${wanted}`);

describe('StaffController', () => {
  offlineWithReplica({ topics, staff: [sam, lee] });

  it('is loading until it knows the tablet, then names the problem when it is not one', async () => {
    let answer: (() => void) | undefined;
    window.fetch = () =>
      new Promise<Response>((_, reject) => {
        answer = () => reject(new TypeError('Failed to fetch'));
      });
    const el = await host();
    expect(el.floor.phase).to.equal('loading');
    const refuse = await waitFor(() => {
      if (!answer) throw new Error('not asked yet');
      return answer;
    }, 'the session asked for');
    refuse(); // offline, and this browser never learned it is a tablet
    await phase(el, 'error');
    expect(el.floor.problem).to.contain('not enrolled as one');
  });

  it('offers the branch’s names on an enrolled tablet with nobody signed in', async () => {
    await setMeta('session', { role: 'tablet', device: tablet });
    const el = await host();
    await phase(el, 'sign-in');
    await waitFor(() => {
      if (el.floor.names.length !== 2) throw new Error('no names');
    }, 'the names');
    expect(el.floor.me).to.equal(undefined);
  });

  describe('with the server', () => {
    let server: FakeServer;
    /** What GET /api/session answers now. */
    let session: unknown;

    beforeEach(() => {
      session = { role: 'tablet', device: tablet };
      server = new FakeServer()
        .on('GET', '/api/session', () => ({ body: session }))
        .on('DELETE', '/api/session', { status: 204 })
        .install();
      installFakeStream();
    });
    afterEach(() => {
      restoreStream();
      server.restore();
    });

    it('says a refused PIN in words, then signs in and starts the sync', async () => {
      let pinAccepted = false;
      server.on('POST', '/api/session/staff', () =>
        pinAccepted ? { body: { token: 't', staff: sam } } : apiError(401, 'unauthenticated', 'No'),
      );
      const el = await host();
      await phase(el, 'sign-in');

      await el.floor.signIn(sam.id, '0000');
      expect(el.floor.signingIn.error).to.equal("That PIN didn't match. Please try again.");
      expect(el.floor.signingIn.busy).to.equal(false);
      expect(el.floor.phase).to.equal('sign-in');
      expect(FakeEventSource.opened).to.have.length(0);

      pinAccepted = true;
      await el.floor.signIn(sam.id, '1234');
      expect(el.floor.signingIn.error).to.equal('');
      // Ready once the tablet has read what it holds of the queue (issue 15: nothing jumps).
      await phase(el, 'ready');
      expect(el.floor.me).to.deep.equal(sam);
      expect(server.callsTo('POST', '/api/session/staff').at(-1)?.body).to.deep.equal({
        staffId: sam.id,
        pin: '1234',
      });
      const stream = await nthStream(1);
      expect(new URL(stream.url, location.href).pathname).to.equal('/api/branches/main/events');
    });

    it('says it could not sign in without the network', async () => {
      server.on('POST', '/api/session/staff', () => {
        throw new TypeError('Failed to fetch');
      });
      const el = await host();
      await phase(el, 'sign-in');
      await el.floor.signIn(sam.id, '1234');
      expect(el.floor.signingIn.error).to.equal(
        'Signing in needs the network, and the server cannot be reached.',
      );
    });

    it('goes back to sign-in, saying why, when the server ended the rover’s session', async () => {
      session = { role: 'staff', device: tablet, staff: sam };
      const el = await host();
      await phase(el, 'ready');
      const stream = await nthStream(1);
      session = { role: 'tablet', device: tablet }; // signed out elsewhere
      stream.refuse(401);
      await phase(el, 'sign-in');
      expect(el.floor.signingIn.error).to.equal('You were signed out. Please sign in again.');
      expect(stream.closed).to.equal(true);
    });

    it('shows the problem when the tablet itself was revoked', async () => {
      session = { role: 'staff', device: tablet, staff: sam };
      const el = await host();
      await phase(el, 'ready');
      const stream = await nthStream(1);
      session = { role: null };
      stream.refuse(403);
      await phase(el, 'error');
      expect(el.floor.problem).to.equal(
        'This tablet is no longer enrolled. Ask a supervisor for a new enrollment link.',
      );
      expect(el.floor.session).to.equal(undefined);
    });

    it('signs out at once with nothing unsent, and tells the server', async () => {
      session = { role: 'staff', device: tablet, staff: sam };
      const el = await host();
      await phase(el, 'ready');
      await el.floor.signOut();
      expect(el.floor.phase).to.equal('sign-in');
      expect(el.floor.unsent).to.deep.equal([]);
      expect(el.floor.signedOutNote).to.equal('');
      expect(server.callsTo('DELETE', '/api/session')).to.have.length(1);
    });

    it('opens the stream only after the signed-in screen has shown what the tablet holds', async () => {
      // Issue 15: the snapshot's writes and the renders they set off came before the first
      // paint of the queue, and held the tablet's largest paint back.
      session = { role: 'staff', device: tablet, staff: sam };
      const streamFetch = window.fetch;
      let atOpen: { phase: string; shownReady: boolean } | undefined;
      window.fetch = (input, init) => {
        const el = document.querySelector<ShownHost>('staff-shown-host');
        if (String(input).includes('/events') && el && !atOpen)
          atOpen = { phase: el.floor.phase, shownReady: el.shownReady };
        return streamFetch(input, init);
      };
      try {
        const el = await fixture<ShownHost>(html`<staff-shown-host></staff-shown-host>`);
        (await nthStream(1)).accept();
        expect(atOpen).to.deep.equal({ phase: 'ready', shownReady: true });
        expect(el.floor.me).to.deep.equal(sam);
      } finally {
        window.fetch = streamFetch;
      }
    });

    it('stops the sync when the host leaves the page', async () => {
      session = { role: 'staff', device: tablet, staff: sam };
      const el = await host();
      const stream = (await nthStream(1)).accept();
      el.remove();
      expect(stream.closed).to.equal(true);
    });
  });
});
