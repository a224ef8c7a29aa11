import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-script-withdraw.js';
import type { RoveScriptWithdraw } from '../../../../src/client/features/admin/rove-script-withdraw.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;

describe('rove-script-withdraw', () => {
  const mount = () =>
    fixture<RoveScriptWithdraw>(
      html`<rove-script-withdraw heading="A warm goodbye"></rove-script-withdraw>`,
    );

  it('is accessible, asked and asking', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Withdraw A warm goodbye').click();
    await waitFor(() => getByRole(el, 'group', 'Confirm withdrawing A warm goodbye'));
    await expect(el).to.be.accessible();
  });

  it('fires withdraw-script only when confirmed; Keep fires nothing', async () => {
    const el = await mount();
    let fired = 0;
    el.addEventListener('withdraw-script', () => fired++);
    getByRole(el, 'button', 'Withdraw A warm goodbye').click();
    (await waitFor(() => getByRole(el, 'button', 'Keep it on devices'))).click();
    await waitFor(() => getByRole(el, 'button', 'Withdraw A warm goodbye'));
    expect(fired).to.equal(0);
    getByRole(el, 'button', 'Withdraw A warm goodbye').click();
    (await waitFor(() => getByRole(el, 'button', 'Yes, withdraw'))).click();
    expect(fired).to.equal(1);
    await waitFor(() => getByRole(el, 'button', 'Withdraw A warm goodbye'));
    expect(queryAllByRole(el, 'group')).to.have.length(0);
  });

  it('waits while a call is under way', async () => {
    const el = await mount();
    el.busy = true;
    getByRole(el, 'button', 'Withdraw A warm goodbye').click();
    const yes = await waitFor(() => getByRole<HTMLButtonElement>(el, 'button', 'Yes, withdraw'));
    expect(yes.disabled).to.equal(true);
  });
});
