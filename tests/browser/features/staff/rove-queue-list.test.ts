import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-queue-list.js';
import type { RoveQueueList } from '../../../../src/client/features/staff/rove-queue-list.js';
import type { PendingView } from '../../../../src/client/core/db/pending.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
import {
  helpRequest,
  lee,
  sam,
  shownText,
  topics,
  view,
} from '../../../support/browser/fixtures.js';

const older = helpRequest({ name: 'Priya by the printers', needs: ['private'] });
const newer = helpRequest({
  topicId: 'history',
  skill: 'history',
  createdAt: new Date().toISOString(),
});
const held = helpRequest({ status: 'claimed', claimedBy: { id: lee.id, displayName: 'Lee' } });

async function queue(entries: PendingView[]) {
  return fixture<RoveQueueList>(
    html`<rove-queue-list
      .entries=${entries}
      .me=${sam}
      .topics=${topics}
      .now=${Date.now()}
    ></rove-queue-list>`,
  );
}

describe('rove-queue-list', () => {
  it('is accessible', async () => {
    const el = await queue([view(older), view(newer), view(held)]);
    await expect(el).to.be.accessible();
  });

  it('lists each request with its ticket, topic, wait, where, and a discreet quiet word', async () => {
    const el = await queue([view(older), view(newer)]);
    const items = queryAllByRole(el, 'listitem');
    expect(items).to.have.length(2);
    const first = shownText(items[0]!);
    expect(first).to.contain(older.ticket);
    expect(first).to.contain('Computers and printing');
    expect(first).to.match(/waiting \d+ min/);
    expect(first).to.contain('Priya by the printers');
    expect(first).to.contain('Quiet word');
    expect(shownText(items[1]!)).to.contain('just now');
  });

  it('names no topic rather than show its id when the tablet does not hold it', async () => {
    const unnamed = helpRequest({ topicId: 'chess-club', skill: 'general' });
    const el = await queue([view(unnamed)]);
    await expect(el).to.be.accessible();
    const [item] = queryAllByRole(el, 'listitem');
    expect(shownText(item!)).to.contain(unnamed.ticket);
    expect(shownText(item!)).to.match(/waiting/);
    expect(shownText(el)).not.to.contain('chess-club');
  });

  it('marks requests for my skills and can show only those', async () => {
    const el = await queue([view(older), view(newer)]);
    const items = queryAllByRole(el, 'listitem');
    expect(shownText(items[0]!)).to.contain('Your skill');
    expect(shownText(items[1]!)).not.to.contain('Your skill');
    getByRole(el, 'checkbox', 'Only my skills').click();
    await el.updateComplete;
    expect(queryAllByRole(el, 'listitem')).to.have.length(1);
  });

  it('claims by ticket, and offers no Claim on a request someone holds or one pending', async () => {
    const pendingClaim = helpRequest();
    const el = await queue([view(older), view(held), view(pendingClaim, ['claim'])]);
    expect(queryAllByRole(el, 'button', /^Claim/)).to.have.length(1);
    expect(shownText(el)).to.contain('Lee is on the way');
    expect(shownText(el)).to.contain('Claim waiting to send');
    const claimed = oneEvent(el, 'claim-request');
    getByRole(el, 'button', `Claim ${older.ticket}`).click();
    expect(((await claimed) as CustomEvent<string>).detail).to.equal(older.id);
  });

  it('says how long only while a request waits; someone holding it says who instead', async () => {
    const el = await queue([view(held)]);
    const [item] = queryAllByRole(el, 'listitem');
    expect(shownText(item!)).to.contain('Lee is on the way');
    expect(shownText(item!)).not.to.match(/waiting/);
  });

  it('names the Claim button by topic while a walk-up has no ticket yet', async () => {
    const unsent = helpRequest({ ticket: '' });
    const el = await queue([view(unsent, ['create'])]);
    await expect(el).to.be.accessible();
    expect(
      getByRole(el, 'button', 'Claim the new Computers and printing request').textContent,
    ).to.contain('Claim');
  });

  it('says so when nobody waits', async () => {
    const el = await queue([]);
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.contain('Nobody is waiting');
  });
});
