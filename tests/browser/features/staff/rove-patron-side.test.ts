// The tablet's part of the patron's side: paging a patron at the kiosk from My request, and the
// notices to patrons (post, list, withdraw).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-my-request.js';
import '../../../../src/client/features/staff/rove-branch-notices.js';
import type { RoveMyRequest } from '../../../../src/client/features/staff/rove-my-request.js';
import type { RoveBranchNotices } from '../../../../src/client/features/staff/rove-branch-notices.js';
import type { HelpRequest, Notice } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, typeInto } from '../../../support/browser/by-role.js';
import { helpRequest, sam, shownText, view } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

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

describe('rove-branch-notices', () => {
  const notice: Notice = {
    id: '00000000-0000-4000-8000-000000000001',
    branchId: 'main',
    text: 'The printers are down until 2 pm',
    until: new Date(Date.now() + 3_600_000).toISOString(),
    by: 'Sam',
  };

  it('lists the current notices with Withdraw, and posts a new one for a chosen time', async () => {
    const el = await fixture<RoveBranchNotices>(
      html`<rove-branch-notices .notices=${[notice]}></rove-branch-notices>`,
    );
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(shownText(el)).to.contain(notice.text).and.contain('by Sam');
    setTimeout(() => getByRole(el, 'button', `Withdraw: ${notice.text}`).click());
    expect((await oneEvent(el, 'withdraw-notice')).detail).to.equal(notice.id);

    const post = getByRole<HTMLButtonElement>(el, 'button', 'Post notice');
    expect(post.disabled).to.equal(true);
    typeInto(getByRole(el, 'textbox', 'Tell waiting patrons'), 'Story time at 3 in the kids’ area');
    const length = getByRole<HTMLSelectElement>(el, 'combobox', 'How long');
    length.value = '2';
    length.dispatchEvent(new Event('change'));
    await el.updateComplete;
    setTimeout(() => post.click());
    const { detail } = await oneEvent(el, 'post-notice');
    expect(detail.text).to.equal('Story time at 3 in the kids’ area');
    const hours = (Date.parse(detail.until) - Date.now()) / 3_600_000;
    expect(hours).to.be.within(1.9, 2.01);
  });

  it('says why a post failed', async () => {
    const el = await fixture<RoveBranchNotices>(
      html`<rove-branch-notices
        problem="Not sent: the server cannot be reached."
      ></rove-branch-notices>`,
    );
    expect(getByRole(el, 'alert').textContent).to.contain('Not sent');
  });
});
