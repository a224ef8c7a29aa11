import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/kiosk/rove-kiosk-ticket.js';
import type { RoveKioskTicket } from '../../../../src/client/features/kiosk/rove-kiosk-ticket.js';
import type { KioskRequestView } from '../../../../src/client/core/db/kiosk.js';
import type { HelpRequest } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import { helpRequest, shownText } from '../../../support/browser/fixtures.js';

const kioskView = (request: HelpRequest, unsent = false): KioskRequestView => ({
  request,
  pending: [],
  unsent,
});

const later = new Date().toISOString();

async function ticket(
  request: HelpRequest,
  unsent = false,
  place?: RoveKioskTicket['place'],
  helper?: RoveKioskTicket['helper'],
) {
  return fixture<RoveKioskTicket>(
    html`<rove-kiosk-ticket
      .view=${kioskView(request, unsent)}
      .place=${place}
      .helper=${helper}
      topicLabel="Computers and printing"
    ></rove-kiosk-ticket>`,
  );
}

describe('rove-kiosk-ticket', () => {
  it('is accessible', async () => {
    const el = await ticket(helpRequest({ name: 'Priya' }), false, {
      position: 3,
      estimateMinutes: 8,
    });
    await expect(el).to.be.accessible();
  });

  it('shows the ticket, the place in line and an estimate, never the patron text', async () => {
    const request = helpRequest({ name: 'Priya by the printers' });
    const el = await ticket(request, false, { position: 3, estimateMinutes: 8 });
    const text = shownText(el);
    expect(text).to.contain(request.ticket);
    expect(text).to.match(/Waiting/);
    expect(text).to.contain('2 people are ahead of you');
    expect(text).to.contain('about 8 minutes');
    expect(text).not.to.contain('Priya');
  });

  it('says who is on the way, then who is with the patron', async () => {
    const on = await ticket(
      helpRequest({ status: 'claimed', claimedBy: { id: '', displayName: 'Sam' } }),
    );
    expect(shownText(on)).to.contain('Sam is on the way');
    const serving = await ticket(
      helpRequest({ status: 'serving', claimedBy: { id: '', displayName: 'Sam' } }),
    );
    expect(shownText(serving)).to.contain('Sam is with you');
    expect(queryAllByRole(serving, 'button')).to.have.length(0);
  });

  it('after a hand-off, says who asked a colleague to come and that the patron keeps their place', async () => {
    const request = helpRequest({ status: 'waiting', version: 4, handoff: { at: later } });
    const el = await ticket(request, false, undefined, {
      requestId: request.id,
      displayName: 'Sam',
    });
    await expect(el).to.be.accessible();
    const said = getByRole(el, 'status').textContent!.replace(/\s+/g, ' ');
    expect(said).to.contain('Sam asked a colleague who knows more about this to come.');
    expect(said).to.contain('You keep your place in line.');
    expect(said).not.to.match(/called away/);
  });

  it('after a release, says the person was called away and the next free person will come', async () => {
    const request = helpRequest({ status: 'waiting', version: 3 });
    const el = await ticket(request, false, undefined, {
      requestId: request.id,
      displayName: 'Sam',
    });
    await expect(el).to.be.accessible();
    const said = getByRole(el, 'status').textContent!.replace(/\s+/g, ' ');
    expect(said).to.contain('Sam was called away.');
    expect(said).to.contain('The next free person will come to you.');
    expect(said).not.to.match(/colleague/);
  });

  it('a release after a hand-off is a release: the hand-off was already behind that person', async () => {
    const request = helpRequest({ status: 'waiting', version: 6, handoff: { at: later } });
    const lee = { requestId: request.id, displayName: 'Lee', handoffAt: later };
    const el = await ticket(request, false, undefined, lee);
    expect(shownText(el)).to.contain('Lee was called away.');
  });

  it('with nobody seen coming, still tells the two apart, in general words', async () => {
    const handedOn = await ticket(
      helpRequest({ status: 'waiting', version: 4, handoff: { at: later } }),
    );
    expect(shownText(handedOn)).to.contain('The person helping you asked a colleague');
    const released = await ticket(helpRequest({ status: 'waiting', version: 3 }));
    expect(shownText(released)).to.contain('The person who was coming was called away.');
    const fresh = await ticket(helpRequest());
    expect(shownText(fresh)).not.to.match(/colleague|called away/);
  });

  it('tells an offline patron that staff may not see it yet, and about the desk', async () => {
    const el = await ticket({ ...helpRequest(), ticket: '', version: 0 }, true);
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.match(/may not see your request yet/);
    expect(shownText(el)).to.match(/service desk/);
  });

  it('says plainly when it is taking longer than usual, and where the desk is', async () => {
    const waiting = helpRequest();
    const el = await ticket(waiting);
    expect(shownText(el)).not.to.match(/longer than usual/);
    el.serviceDesk = 'on the ground floor, by the main doors';
    el.view = kioskView({ ...waiting, escalatedAt: later });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.match(/taking longer than usual/);
    expect(shownText(el)).to.contain('The service desk is on the ground floor, by the main doors.');
    // Once someone is on the way, that is what matters.
    el.view = kioskView({ ...waiting, status: 'claimed', claimedBy: { displayName: 'Kim' } });
    await el.updateComplete;
    expect(shownText(el)).not.to.match(/longer than usual/);
  });

  it('offers Cancel while waiting', async () => {
    const el = await ticket(helpRequest());
    const asked = oneEvent(el, 'cancel-request');
    getByRole(el, 'button', 'Cancel request').click();
    await asked;
  });

  describe('with a follow link (issue 12)', () => {
    const LINK = 'https://rove.example.org/follow/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    const followed = (request: HelpRequest, followUrl = LINK): KioskRequestView => ({
      ...kioskView(request),
      followUrl,
    });
    const qr = (el: Element) =>
      queryAllByRole(el, 'img', 'QR code: follow your request on your phone');

    it('shows a QR code of it beside the ticket, named for what it does', async () => {
      const el = await fixture<RoveKioskTicket>(
        html`<rove-kiosk-ticket .view=${followed(helpRequest())}></rove-kiosk-ticket>`,
      );
      const [code] = await waitFor(() => {
        const found = qr(el);
        if (found.length !== 1) throw new Error(`${found.length} QR codes`);
        return found;
      }, 'the QR code');
      expect(code!.querySelector('path')?.getAttribute('d')).to.match(/^M\d/);
      expect(shownText(el)).to.contain('Follow on your phone');
      // The link is for the camera only: it is never written out.
      expect(shownText(el)).not.to.contain('/follow/');
      await expect(el).to.be.accessible();
    });

    it('shows none without a link, nor once the request is over', async () => {
      const el = await fixture<RoveKioskTicket>(
        html`<rove-kiosk-ticket .view=${kioskView(helpRequest())}></rove-kiosk-ticket>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(qr(el)).to.have.length(0);
      for (const status of ['cancelled', 'done'] as const) {
        el.view = followed(helpRequest({ status }));
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(qr(el), status).to.have.length(0);
        expect(shownText(el)).not.to.contain('Follow on your phone');
      }
    });
  });
});
