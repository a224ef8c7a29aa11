import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-staff-sign-in.js';
import type { RoveStaffSignIn } from '../../../../src/client/features/staff/rove-staff-sign-in.js';
import { getByRole, queryAllByRole, typeInto } from '../../../support/browser/by-role.js';
import { lee, sam } from '../../../support/browser/fixtures.js';

const signIn = () =>
  fixture<RoveStaffSignIn>(html`<rove-staff-sign-in .staff=${[lee, sam]}></rove-staff-sign-in>`);

describe('rove-staff-sign-in', () => {
  it('is accessible', async () => {
    const el = await signIn();
    await expect(el).to.be.accessible();
  });

  it('asks for the PIN of the person tapped and signs them in', async () => {
    const el = await signIn();
    expect(queryAllByRole(el, 'textbox')).to.have.length(0);
    getByRole(el, 'button', 'Sam').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(getByRole(el, 'button', 'Sam').getAttribute('aria-pressed')).to.equal('true');
    const pin = getByRole<HTMLInputElement>(el, 'textbox', 'PIN');
    typeInto(pin, '1234');
    const signed = oneEvent(el, 'sign-in');
    getByRole(el, 'button', 'Sign in').click();
    expect(((await signed) as CustomEvent).detail).to.deep.equal({ staffId: sam.id, pin: '1234' });
  });

  it('says what a PIN looks like instead of sending a wrong one', async () => {
    const el = await signIn();
    getByRole(el, 'button', 'Lee').click();
    await el.updateComplete;
    typeInto(getByRole(el, 'textbox', 'PIN'), '12');
    getByRole(el, 'button', 'Sign in').click();
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent).to.match(/4 to 8 digits/);
  });
});
