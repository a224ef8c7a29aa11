// The tablet's help for the patron in front of a staff member, on a real Dexie outbox and
// replica (no server): a greeter's send waits in the outbox under their name and then shows who
// is coming; "I helped someone" waits out its Undo window, and Undo takes it back.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-walk-up-panel.js';
import type { RoveWalkUpPanel } from '../../../../src/client/features/staff/rove-walk-up-panel.js';
import { db } from '../../../../src/client/core/db/db.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { lee, sam, shownText, skills, topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';

const panel = () =>
  fixture<RoveWalkUpPanel>(
    html`<rove-walk-up-panel
      .me=${sam}
      branchId="main"
      .topics=${topics}
      .skills=${skills}
    ></rove-walk-up-panel>`,
  );

describe('rove-walk-up-panel', () => {
  offlineWithReplica({ topics, staff: [sam, lee] });

  it('sends for a specialist through the outbox, then says who is coming', async () => {
    const el = await panel();
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Send for a specialist').click();
    await el.updateComplete;
    getByRole(el, 'radio', 'Local history').click();
    typeInto(getByRole(el, 'textbox', 'Where in the library?'), 'Entrance');
    typeInto(getByRole(el, 'textbox', 'How to spot them (optional)'), 'Red coat');
    getByRole(el, 'button', 'Send for a specialist').click();

    await waitFor(() => getByRole(el, 'status', /Sent for someone who knows Local history/));
    const [queued] = await db.outbox.toArray();
    if (!queued) throw new Error('nothing was queued');
    expect(queued).to.include({ action: 'create', actorId: sam.id, actorName: 'Sam' });
    expect(queued.body).to.deep.include({
      origin: 'walk-up',
      topicId: 'history',
      zone: 'Entrance',
    });
    await waitFor(() => getByRole(el, 'status', /Sent for someone who knows Local history/));
    await waitFor(() => getByRole(el, 'list', 'Sent for a specialist'), 'the sent list');
    expect(shownText(el)).to.contain('Not sent yet');
    await expect(el).to.be.accessible();

    // The server took it and Lee claimed it: the greeter can tell the patron.
    await db.outbox.clear();
    await db.requests.put({
      id: queued.requestId,
      branchId: 'main',
      ticket: 'A7',
      topicId: 'history',
      skill: 'history',
      status: 'claimed',
      needs: [],
      origin: 'walk-up',
      createdBy: { id: sam.id, displayName: 'Sam' },
      claimedBy: { id: lee.id, displayName: 'Lee' },
      zone: 'Entrance',
      version: 2,
      createdAt: new Date().toISOString(),
    });
    await waitFor(() => {
      if (!shownText(el).includes('Lee is on the way.')) throw new Error(shownText(el));
    }, 'who is coming');
    // Nobody waits any more, so there is nothing to cancel.
    expect(shownText(el)).not.to.contain('The patron left');
  });

  it('takes the keyboard into a form and back to the button that opened it', async () => {
    const el = await panel();
    const deepFocus = () => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };
    getByRole(el, 'button', 'Take it myself').click();
    await waitFor(() => {
      if ((deepFocus() as HTMLInputElement | null)?.type !== 'radio') throw new Error('not yet');
    }, 'focus on the first topic');
    getByRole(el, 'button', 'Back').click();
    await waitFor(() => {
      if (deepFocus()?.textContent?.trim() !== 'Take it myself') throw new Error('not yet');
    }, 'focus back on Take it myself');
    getByRole(el, 'button', 'I helped someone').click();
    await waitFor(() => {
      if (deepFocus()?.textContent?.trim() !== 'What was it about?') throw new Error('not yet');
    }, 'focus on the first question');
  });

  it('drops a send the patron left before it went, with nothing sent', async () => {
    const el = await panel();
    getByRole(el, 'button', 'Send for a specialist').click();
    await el.updateComplete;
    getByRole(el, 'radio', 'Local history').click();
    getByRole(el, 'button', 'Send for a specialist').click();
    const cancel = await waitFor(() => getByRole(el, 'button', /The patron left/), 'cancel');
    cancel.click();
    await waitFor(() => getByRole(el, 'status', 'Cancelled before it was sent.'));
    expect(await db.outbox.count()).to.equal(0);
  });

  it('records an answer given on the spot in two taps, and Undo takes it back unsent', async () => {
    const el = await panel();
    getByRole(el, 'button', 'I helped someone').click();
    await el.updateComplete;
    (await waitFor(() => getByRole(el, 'button', 'Computers and printing'))).click();
    (await waitFor(() => getByRole(el, 'button', 'Referred to someone or somewhere else'))).click();
    const status = await waitFor(() => getByRole(el, 'status', /Recorded: Computers and printing/));
    expect(status.textContent).to.match(/\(Referred to someone or somewhere else\)/);
    const [entry] = await db.outbox.toArray();
    expect(entry).to.include({ action: 'interaction', actorId: sam.id });
    expect(entry!.holdUntil).to.be.greaterThan(Date.now());
    expect(entry!.body).to.deep.equal({ id: entry!.opId, topicId: 'tech', outcome: 'referred' });
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Undo').click();
    await waitFor(() => getByRole(el, 'status', /Taken back/));
    expect(await db.outbox.count()).to.equal(0);
  });

  it('remembers the effort and language for next time on this tablet', async () => {
    const el = await panel();
    getByRole(el, 'button', 'I helped someone').click();
    await el.updateComplete;
    (await waitFor(() => getByRole(el, 'button', 'Local history'))).click();
    const logger = el.shadowRoot!.querySelector('rove-helped-logger')!;
    await logger.updateComplete;
    logger.shadowRoot!.querySelector('summary')!.click();
    await waitFor(() => getByRole(el, 'combobox', 'Effort'));
    const effort = getByRole<HTMLSelectElement>(el, 'combobox', 'Effort');
    effort.value = '3';
    effort.dispatchEvent(new Event('change'));
    const language = getByRole<HTMLSelectElement>(el, 'combobox', 'Their language');
    language.value = 'vi';
    language.dispatchEvent(new Event('change'));
    getByRole(el, 'button', 'Answered').click();
    await waitFor(() => getByRole(el, 'status', /Recorded/));

    const again = await panel();
    getByRole(again, 'button', 'I helped someone').click();
    await again.updateComplete;
    (await waitFor(() => getByRole(again, 'button', 'Computers and printing'))).click();
    await waitFor(() => {
      const summary = again
        .shadowRoot!.querySelector('rove-helped-logger')!
        .shadowRoot!.querySelector('summary');
      if (!/effort 3, Vietnamese/.test(summary?.textContent ?? '')) throw new Error('not yet');
    }, 'the remembered choices');
  });
});
