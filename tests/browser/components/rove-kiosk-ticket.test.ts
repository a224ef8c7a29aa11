import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/client/components/rove-kiosk-ticket.js';
import type { RoveKioskTicket } from '../../../src/client/components/rove-kiosk-ticket.js';
import type { KioskRequestView } from '../../../src/client/db/kiosk.js';
import type { HelpRequest } from '../../../src/shared/schemas.js';
import { getByRole, queryAllByRole } from '../admin/by-role.js';
import { helpRequest, shownText } from './fixtures.js';

const kioskView = (request: HelpRequest, unsent = false): KioskRequestView => ({
  request,
  pending: [],
  unsent,
});

async function ticket(request: HelpRequest, unsent = false, place?: RoveKioskTicket['place']) {
  return fixture<RoveKioskTicket>(
    html`<rove-kiosk-ticket
      .view=${kioskView(request, unsent)}
      .place=${place}
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

  it('says someone else is coming when the request is back in line', async () => {
    const el = await ticket(helpRequest({ status: 'waiting', version: 3 }));
    expect(shownText(el)).to.match(/Someone else/);
  });

  it('tells an offline patron that staff may not see it yet, and about the desk', async () => {
    const el = await ticket({ ...helpRequest(), ticket: '', version: 0 }, true);
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.match(/may not see your request yet/);
    expect(shownText(el)).to.match(/service desk/);
  });

  it('offers Cancel while waiting', async () => {
    const el = await ticket(helpRequest());
    const asked = oneEvent(el, 'cancel-request');
    getByRole(el, 'button', 'Cancel request').click();
    await asked;
  });
});
