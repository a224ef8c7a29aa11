// Issue 13: the follow page's entry (src/client/follow.ts) speaks the language the kiosk put in
// the link (`/follow/<token>?lang=es`): its strings, the page's title, `lang` and `dir`.
import { expect, fixture, html } from '@open-wc/testing';
import { getLocale } from '../../src/client/core/locale/index.js';
import { waitFor } from '../support/browser/by-role.js';
import { FakeServer } from '../support/browser/fake-server.js';
import { installFakeStream, restoreStream } from '../support/browser/fake-stream.js';
import { shownText } from '../support/browser/fixtures.js';

describe('the follow page opened from a kiosk in Arabic', () => {
  const TOKEN = 'tok_entry-1';
  let server: FakeServer;
  const before = location.pathname + location.search;
  beforeEach(() => {
    server = new FakeServer().install();
    installFakeStream();
  });
  afterEach(() => {
    restoreStream();
    server.restore();
    history.replaceState(null, '', before);
  });

  it('speaks the language of its link, right to left', async () => {
    history.replaceState(null, '', `/follow/${TOKEN}?lang=ar`);
    server.on('GET', `/api/follow/${TOKEN}`, { status: 404, body: {} });
    await import('../../src/client/follow.js');
    await waitFor(() => {
      if (getLocale() !== 'ar') throw new Error(getLocale());
    }, 'Arabic');
    expect(document.documentElement.lang).to.equal('ar');
    expect(document.documentElement.dir).to.equal('rtl');
    expect(document.title).to.equal('طلبك في المكتبة');
    const el = await fixture(html`<rove-follow-page></rove-follow-page>`);
    await waitFor(() => {
      if (!shownText(el).includes('انتهت صلاحية هذا الرابط')) throw new Error(shownText(el));
    }, 'the expired link, in Arabic');
    await expect(el).to.be.accessible();
  });
});
