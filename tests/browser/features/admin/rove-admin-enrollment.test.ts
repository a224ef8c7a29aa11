import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-enrollment.js';
import type { RoveAdminEnrollment } from '../../../../src/client/features/admin/rove-admin-enrollment.js';
import { getByRole, waitFor } from '../../../support/browser/by-role.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;

describe('rove-admin-enrollment', () => {
  const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

  it('is accessible', async () => {
    const el = await fixture<RoveAdminEnrollment>(
      html`<rove-admin-enrollment
        code="K7Q2-XY"
        .expiresAt=${inMinutes(15)}
        label="Front door kiosk"
      ></rove-admin-enrollment>`,
    );
    await expect(el).to.be.accessible();
  });

  it('shows the absolute enrollment link as text and as a named QR code', async () => {
    const el = await fixture<RoveAdminEnrollment>(
      html`<rove-admin-enrollment
        code="K7Q2-XY"
        .expiresAt=${inMinutes(15)}
      ></rove-admin-enrollment>`,
    );
    const link = `${location.origin}/enroll?code=K7Q2-XY`;
    expect(el.link).to.equal(link);
    expect(el.shadowRoot!.textContent).to.contain(link);
    const qr = getByRole(el, 'img', 'QR code for the enrollment link');
    expect(qr.querySelector('path')!.getAttribute('d')).to.match(/^M\d/);
    expect(el.shadowRoot!.textContent).to.match(/Expires in 1[45] min \d\d s/);
  });

  it('counts down and says when the code has expired', async () => {
    const el = await fixture<RoveAdminEnrollment>(
      html`<rove-admin-enrollment
        code="K7Q2-XY"
        .expiresAt=${new Date(Date.now() + 1500).toISOString()}
      ></rove-admin-enrollment>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Expires in 0 min');
    const alert = await waitFor(() => getByRole(el, 'alert'), 'expiry', 4000);
    expect(alert.textContent).to.contain('expired');
  });

  async function pressCopy(writeText: (text: string) => Promise<void>) {
    const el = await fixture<RoveAdminEnrollment>(
      html`<rove-admin-enrollment
        code="K7Q2-XY"
        .expiresAt=${inMinutes(15)}
      ></rove-admin-enrollment>`,
    );
    // The clipboard is the browser's, not ours: answer it here so both outcomes are checked.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    getByRole(el, 'button', 'Copy link').click();
    const status = await waitFor(() => {
      const text = getByRole(el, 'status').textContent ?? '';
      if (!text.trim()) throw new Error('no status yet');
      return text;
    });
    return { el, status };
  }

  it('copies the link with the Copy button', async () => {
    let copied = '';
    const { el, status } = await pressCopy(async (text) => {
      copied = text;
    });
    expect(copied).to.equal(el.link);
    expect(status).to.contain('Link copied');
  });

  it('selects the link when the clipboard is not allowed', async () => {
    const { el, status } = await pressCopy(() => Promise.reject(new Error('denied')));
    expect(status).to.contain('selected');
    expect(String(getSelection())).to.equal(el.link);
  });
});
