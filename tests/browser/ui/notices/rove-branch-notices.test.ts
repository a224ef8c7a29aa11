// <rove-branch-notices>, the notices to patrons (post, list, withdraw) that the tablet and the
// supervisor's Floor screen share.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/ui/notices/rove-branch-notices.js';
import type { RoveBranchNotices } from '../../../../src/client/ui/notices/rove-branch-notices.js';
import type { Notice } from '../../../../src/shared/schemas.js';
import { getByRole, typeInto } from '../../../support/browser/by-role.js';
import { shownText } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

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
