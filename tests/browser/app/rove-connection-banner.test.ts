import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/client/app/rove-connection-banner.js';
import type { RoveConnectionBanner } from '../../../src/client/app/rove-connection-banner.js';
import { clock as clockTime } from '../../../src/client/core/words/index.js';
import { shownText } from '../../support/browser/fixtures.js';
import { SOURCE_LOCALE, markDocument, setLocale } from '../../../src/client/core/locale/index.js';

async function banner(state: RoveConnectionBanner['state'], patron = false) {
  const el = await fixture<RoveConnectionBanner>(
    html`<rove-connection-banner ?patron=${patron}></rove-connection-banner>`,
  );
  el.detach();
  el.state = state;
  await el.updateComplete;
  return el;
}

describe('rove-connection-banner', () => {
  it('is accessible', async () => {
    const el = await banner({ status: 'offline', since: new Date().toISOString() });
    await expect(el).to.be.accessible();
  });

  it('says nothing while online', async () => {
    const el = await banner({ status: 'online' });
    expect(shownText(el).trim()).to.equal('');
  });

  it('says reconnecting, then offline since when', async () => {
    const since = new Date(2025, 0, 1, 10, 42).toISOString();
    expect(shownText(await banner({ status: 'reconnecting', since }))).to.match(/Reconnecting/);
    const offline = shownText(await banner({ status: 'offline', since }));
    expect(offline).to.contain(`Offline since ${clockTime(since)}`);
    expect(offline).to.match(/saved on this device/);
  });

  it('tells a patron they can still ask', async () => {
    const el = await banner({ status: 'offline', since: new Date().toISOString() }, true);
    expect(shownText(el)).to.match(/still ask/);
  });

  it('says the server is in trouble, not the device, when it answered 503', async () => {
    const since = new Date().toISOString();
    const staff = shownText(await banner({ status: 'reconnecting', since, trouble: true }));
    expect(staff)
      .to.match(/server is having trouble/)
      .and.match(/saved on this device/);
    expect(staff).not.to.match(/Offline|Reconnecting/);
    const patron = await banner({ status: 'offline', since, trouble: true }, true);
    expect(shownText(patron))
      .to.match(/having a problem/)
      .and.match(/still ask/);
    await expect(patron).to.be.accessible();
  });

  it('speaks the patron’s language over the kiosk, its time too, right to left in Arabic', async () => {
    const since = new Date(2025, 0, 1, 15, 42).toISOString();
    try {
      await setLocale('es');
      const es = shownText(await banner({ status: 'offline', since }, true));
      expect(es).to.contain(`Sin conexión desde las ${clockTime(since, 'es')}.`);
      expect(es).to.match(/Puedes pedir ayuda aquí igualmente/);
      await setLocale('ar');
      markDocument('ar');
      const ar = await banner({ status: 'offline', since, trouble: true }, true);
      expect(shownText(ar)).to.contain('يواجه نظام المكتبة مشكلة.');
      expect(getComputedStyle(ar).direction).to.equal('rtl');
      await expect(ar).to.be.accessible();
    } finally {
      await setLocale(SOURCE_LOCALE);
      markDocument(SOURCE_LOCALE);
    }
  });
});
