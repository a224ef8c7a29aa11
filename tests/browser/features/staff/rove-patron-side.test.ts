// The tablet's part of the patron's side: paging a patron at the kiosk from My request. The
// notices form the tablet shares with the Floor screen is tested in tests/browser/ui/notices.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-my-request.js';
import type { RoveMyRequest } from '../../../../src/client/features/staff/rove-my-request.js';
import type { HelpRequest } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
import { helpRequest, sam, shownText, view } from '../../../support/browser/fixtures.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const mine = (more: Partial<HelpRequest> = {}) =>
  helpRequest({ status: 'claimed', claimedBy: sam, origin: 'kiosk', ...more });

describe('rove-my-request: paging', () => {
  const card = (request: HelpRequest) =>
    fixture<RoveMyRequest>(html`<rove-my-request .entry=${view(request)}></rove-my-request>`);

  it('pages the patron at the kiosk, then says it is waiting for them', async () => {
    const el = await card(mine());
    await expect(el).to.be.accessible();
    setTimeout(() => getByRole(el, 'button', 'Page at the kiosk').click());
    expect((await oneEvent(el, 'request-action')).detail).to.include({ action: 'page' });

    el.entry = view(mine({ pagedAt: minutesAgo(0.5) }));
    await el.updateComplete;
    expect(shownText(el)).to.contain('waiting for the patron');
    expect(queryAllByRole(el, 'button', 'Close: patron not found')).to.have.length(0);
    expect(getByRole(el, 'button', 'Page again').textContent).to.contain('Page again');
  });

  it('after two minutes unanswered, offers to close it as not found', async () => {
    const el = await card(mine({ pagedAt: minutesAgo(3) }));
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.contain('Nobody answered the page');
    setTimeout(() => getByRole(el, 'button', 'Close: patron not found').click());
    const { detail } = await oneEvent(el, 'request-action');
    expect(detail).to.deep.include({ action: 'resolve', extra: { outcome: 'no-show' } });
  });

  it('says when the patron answered, and that a follower may be nearby', async () => {
    const el = await card(mine({ patronHereAt: minutesAgo(0), followedAt: minutesAgo(5) }));
    expect(shownText(el)).to.contain('The patron is at the kiosk');
    expect(shownText(el)).to.contain('may be browsing nearby');
  });

  it('offers no page for a walk-up: there is no kiosk to page at', async () => {
    const el = await card(mine({ origin: 'walk-up', createdBy: sam }));
    expect(queryAllByRole(el, 'button', 'Page at the kiosk')).to.have.length(0);
  });
});
