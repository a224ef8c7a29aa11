// A greeter script's step that offers the hand-off: signed in, it sends for a specialist from
// the script (the script's topic chosen already) through the outbox; not signed in, it says how.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/scripts/rove-scripts-view.js';
import type { RoveScriptsView } from '../../../../src/client/features/scripts/rove-scripts-view.js';
import { db, setMeta } from '../../../../src/client/core/db/db.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { sam, tablet, topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';
import { storeStarterScripts } from '../../../support/browser/published.js';

const localHistory = () =>
  fixture<RoveScriptsView>(html`<rove-scripts-view script-id="local-history"></rove-scripts-view>`);

describe('rove-scripts-view: send for a specialist from a step', () => {
  offlineWithReplica({ topics, staff: [sam] });
  beforeEach(async () => {
    await storeStarterScripts();
  });

  it('sends a walk-up for the script’s topic from the step that offers it', async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    const el = await localHistory();
    const send = await waitFor(() => getByRole(el, 'button', 'Send for a specialist'), 'the offer');
    send.click();
    const topic = await waitFor(
      () => getByRole<HTMLInputElement>(el, 'radio', 'Local history'),
      'the form',
    );
    expect(topic.checked).to.equal(true);
    await expect(el).to.be.accessible();
    typeInto(getByRole(el, 'textbox', 'Where in the library?'), 'Local studies room');
    const buttons = queryAllByRole(el, 'button', 'Send for a specialist');
    // The step's button and the form's: the form's sends.
    expect(buttons).to.have.length(2);
    buttons[1]!.click();

    const said = await waitFor(() => getByRole(el, 'status', /Sent for someone/), 'the words');
    expect(said.textContent).to.contain('Sent for someone who knows Local history.');
    expect(getByRole(el, 'link', 'See who is coming').getAttribute('href')).to.equal('/staff');
    const [entry] = await db.outbox.toArray();
    expect(entry).to.include({ action: 'create', actorId: sam.id });
    expect(entry!.body).to.deep.include({
      origin: 'walk-up',
      topicId: 'history',
      zone: 'Local studies room',
    });
    await expect(el).to.be.accessible();
  });

  it('says how to send from here when nobody is signed in, and offers no button', async () => {
    await setMeta('session', { role: 'tablet', device: tablet });
    const el = await localHistory();
    await waitFor(() => getByRole(el, 'heading', 'Local history'), 'the script');
    await waitFor(() => {
      if (
        !el
          .shadowRoot!.querySelector('rove-script-checklist')!
          .shadowRoot!.textContent!.includes(
            'Signed in on the queue screen, you can send for a specialist',
          )
      )
        throw new Error('no hint yet');
    }, 'the hint');
    expect(queryAllByRole(el, 'button', 'Send for a specialist')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
