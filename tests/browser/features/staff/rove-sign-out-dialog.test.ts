// The question asked on Sign out while changes wait to be sent: a named modal dialog, the
// safe choice focused first, Escape meaning "stay", and plain words for one change or many.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-sign-out-dialog.js';
import type { RoveSignOutDialog } from '../../../../src/client/features/staff/rove-sign-out-dialog.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';

async function dialog(unsent: string[], open = true) {
  return fixture<RoveSignOutDialog>(
    html`<rove-sign-out-dialog .unsent=${unsent} ?open=${open}></rove-sign-out-dialog>`,
  );
}

/** The element that has focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('rove-sign-out-dialog', () => {
  it('is accessible, named, and lists the changes not yet sent', async () => {
    const el = await dialog(['claim A5', 'resolve B2']);
    await expect(el).to.be.accessible();
    const shown = getByRole(el, 'dialog', 'Sign out now?');
    expect(shown.getAttribute('aria-describedby')).to.equal('sign-out-unsent');
    expect(shown.textContent).to.contain(
      '2 changes have not reached the server yet: claim A5, resolve B2.',
    );
    getByRole(el, 'button', 'Sign out and discard them');
  });

  it('focuses "stay" first, and says it in the singular for one change', async () => {
    const el = await dialog(['claim A5']);
    const stay = getByRole(el, 'button', 'Stay signed in until it is sent');
    expect(focused()).to.equal(stay);
    expect(getByRole(el, 'dialog').textContent).to.contain('1 change has not reached');
    getByRole(el, 'button', 'Sign out and discard it');
  });

  it('fires stay or discard from its buttons, and stay on Escape', async () => {
    const el = await dialog(['claim A5']);
    let asked = oneEvent(el, 'discard');
    getByRole(el, 'button', 'Sign out and discard it').click();
    await asked;
    asked = oneEvent(el, 'stay');
    getByRole(el, 'button', 'Stay signed in until it is sent').click();
    await asked;
    asked = oneEvent(el, 'stay');
    const cancel = new Event('cancel', { cancelable: true });
    getByRole(el, 'dialog').dispatchEvent(cancel);
    await asked;
    expect(cancel.defaultPrevented).to.equal(true);
  });

  it('shows nothing while closed', async () => {
    const el = await dialog(['claim A5'], false);
    expect(queryAllByRole(el, 'dialog')).to.have.length(0);
    expect(queryAllByRole(el, 'button')).to.have.length(0);
  });
});
