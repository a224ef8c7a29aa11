// <rove-update-prompt> in Chromium: silent while no new version waits; when one waits, a polite
// status with "Reload" (applies the update) and "Later" (hides it until the next version).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/client/app/rove-update-prompt.js';
import type { RoveUpdatePrompt } from '../../../src/client/app/rove-update-prompt.js';
import {
  announceUpdateWaiting,
  applyUpdate,
  isUpdateWaiting,
} from '../../../src/client/core/pwa/update-status.js';
import { getByRole, queryAllByRole } from '../../support/browser/by-role.js';
import {
  backgroundBehind,
  expectSharedRing,
  keyboardFocus,
} from '../../support/browser/focus-ring.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

async function renderPrompt() {
  return fixture<RoveUpdatePrompt>(html`<rove-update-prompt></rove-update-prompt>`);
}

/** Announces a waiting version whose "apply" is counted instead of reloading the test page. */
function announceCountedUpdate() {
  const applied = { count: 0 };
  announceUpdateWaiting(() => {
    applied.count += 1;
  });
  return applied;
}

describe('<rove-update-prompt>', () => {
  afterEach(() => {
    // Leave no version waiting for the next test.
    if (isUpdateWaiting()) {
      announceUpdateWaiting(() => undefined);
      applyUpdate();
    }
  });

  it('is accessible and shows nothing while no update waits', async () => {
    const el = await renderPrompt();
    await expect(el).to.be.accessible();
    expect(queryAllByRole(el, 'button')).to.have.length(0);
    expect(getByRole(el, 'status').textContent?.trim()).to.equal('');
  });

  it('tells staff in a polite status when a new version is ready', async () => {
    const el = await renderPrompt();
    announceCountedUpdate();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const status = getByRole(el, 'status');
    expect(status.textContent).to.contain('A new version of Rove is ready');
    expect(getByRole(el, 'button', 'Reload')).to.be.instanceOf(HTMLButtonElement);
    expect(getByRole(el, 'button', 'Later')).to.be.instanceOf(HTMLButtonElement);
  });

  it('shows the one shared focus ring on its buttons, clear against the dark banner', async () => {
    const el = await renderPrompt();
    announceCountedUpdate();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    for (const name of ['Reload', 'Later']) {
      const button = getByRole(el, 'button', name);
      await keyboardFocus(button);
      expectSharedRing(button, backgroundBehind(button));
    }
  });

  it('applies the update once when Reload is pressed', async () => {
    const el = await renderPrompt();
    const applied = announceCountedUpdate();
    await el.updateComplete;
    getByRole(el, 'button', 'Reload').click();
    await el.updateComplete;
    expect(applied.count).to.equal(1);
    expect(isUpdateWaiting()).to.equal(false);
    expect(queryAllByRole(el, 'button')).to.have.length(0);
  });

  it('hides on Later without applying, and comes back for the next version', async () => {
    const el = await renderPrompt();
    const first = announceCountedUpdate();
    await el.updateComplete;
    getByRole(el, 'button', 'Later').click();
    await el.updateComplete;
    expect(queryAllByRole(el, 'button')).to.have.length(0);
    expect(first.count).to.equal(0);
    expect(isUpdateWaiting()).to.equal(true);

    // The same waiting version does not nag again; a reload elsewhere then a newer one does.
    applyUpdate();
    announceCountedUpdate();
    await el.updateComplete;
    expect(getByRole(el, 'button', 'Reload')).to.be.instanceOf(HTMLButtonElement);
  });

  it('shows the prompt at once when it joins the page after the update arrived', async () => {
    announceCountedUpdate();
    const el = await renderPrompt();
    expect(getByRole(el, 'button', 'Reload')).to.be.instanceOf(HTMLButtonElement);
  });

  it('keeps its buttons at least 48px tall for touch', async () => {
    const el = await renderPrompt();
    announceCountedUpdate();
    await el.updateComplete;
    for (const name of ['Reload', 'Later']) {
      const box = getByRole(el, 'button', name).getBoundingClientRect();
      expect(box.height).to.be.at.least(48);
      expect(box.width).to.be.at.least(48);
    }
  });
});
