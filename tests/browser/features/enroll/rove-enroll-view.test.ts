import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/enroll/rove-enroll-view.js';
import type { RoveEnrollView } from '../../../../src/client/features/enroll/rove-enroll-view.js';
import { getByRole, waitFor } from '../../../support/browser/by-role.js';

const realFetch = window.fetch;

describe('rove-enroll-view', () => {
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('is accessible, and says plainly when the link has no code', async () => {
    const el = await fixture<RoveEnrollView>(html`<rove-enroll-view></rove-enroll-view>`);
    await expect(el).to.be.accessible();
    expect(getByRole(el, 'alert').textContent).to.match(/no enrollment code/);
  });

  it('says an expired code needs a new link, and offers to try again', async () => {
    window.fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'not_found', message: 'Unknown code' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    const el = await fixture<RoveEnrollView>(
      html`<rove-enroll-view code="OLD"></rove-enroll-view>`,
    );
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the problem');
    expect(alert.textContent).to.match(/expired or was already used/);
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Try again');
  });
});
