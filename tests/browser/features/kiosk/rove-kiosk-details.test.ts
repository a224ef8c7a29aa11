import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/kiosk/rove-kiosk-details.js';
import type {
  KioskDetails,
  RoveKioskDetails,
} from '../../../../src/client/features/kiosk/rove-kiosk-details.js';
import { getByRole, typeInto } from '../../../support/browser/by-role.js';
import { topics } from '../../../support/browser/fixtures.js';

describe('rove-kiosk-details', () => {
  it('is accessible', async () => {
    const el = await fixture<RoveKioskDetails>(
      html`<rove-kiosk-details .topic=${topics[0]}></rove-kiosk-details>`,
    );
    await expect(el).to.be.accessible();
  });

  it('sends with nothing typed', async () => {
    const el = await fixture<RoveKioskDetails>(
      html`<rove-kiosk-details .topic=${topics[0]}></rove-kiosk-details>`,
    );
    const sent = oneEvent(el, 'send-request');
    getByRole(el, 'button', 'Send').click();
    expect(((await sent) as CustomEvent<KioskDetails>).detail).to.deep.equal({ needs: [] });
  });

  it('sends where to find the patron and a quiet word, then forgets them on clear()', async () => {
    const el = await fixture<RoveKioskDetails>(
      html`<rove-kiosk-details .topic=${topics[0]}></rove-kiosk-details>`,
    );
    typeInto(getByRole(el, 'textbox'), '  Priya, red coat  ');
    getByRole<HTMLInputElement>(el, 'checkbox', "I'd prefer a quiet word").click();
    await el.updateComplete;
    const sent = oneEvent(el, 'send-request');
    getByRole(el, 'button', 'Send').click();
    expect(((await sent) as CustomEvent<KioskDetails>).detail).to.deep.equal({
      name: 'Priya, red coat',
      needs: ['private'],
    });
    el.clear();
    await el.updateComplete;
    expect(getByRole<HTMLInputElement>(el, 'textbox').value).to.equal('');
    expect(getByRole<HTMLInputElement>(el, 'checkbox').checked).to.equal(false);
  });
});
