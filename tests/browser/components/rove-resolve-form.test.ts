import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/client/components/rove-resolve-form.js';
import type { RoveResolveForm } from '../../../src/client/components/rove-resolve-form.js';
import { getByRole } from '../admin/by-role.js';

describe('rove-resolve-form', () => {
  it('is accessible', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    await expect(el).to.be.accessible();
  });

  it('asks for an outcome before resolving; effort stays optional', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    getByRole(el, 'button', 'Resolve request').click();
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent).to.match(/how it went/);
    getByRole(el, 'radio', 'Could not find the patron').click();
    const resolved = oneEvent(el, 'resolve');
    getByRole(el, 'button', 'Resolve request').click();
    expect(((await resolved) as CustomEvent).detail).to.deep.equal({ outcome: 'no-show' });
  });

  it('goes back without resolving', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    const back = oneEvent(el, 'back');
    getByRole(el, 'button', 'Back').click();
    await back;
  });
});
