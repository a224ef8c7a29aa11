// Issue 13: the follow page speaks the language the patron chose at the kiosk (follow.ts reads it
// from the link's `?lang=`), right to left in Arabic, with its plurals and numbers in that
// language, and axe clean in each.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/follow/rove-follow-page.js';
import type { RoveFollowPage } from '../../../../src/client/features/follow/rove-follow-page.js';
import type { FollowView } from '../../../../src/client/features/follow/follow-api.js';
import {
  SOURCE_LOCALE,
  markDocument,
  setLocale,
  type Locale,
} from '../../../../src/client/core/locale/index.js';
import { waitFor } from '../../../support/browser/by-role.js';
import { FakeServer } from '../../../support/browser/fake-server.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
} from '../../../support/browser/fake-stream.js';
import { shownText } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

const TOKEN = 'tok_lang-123';
const API = `/api/follow/${TOKEN}`;

const waiting: FollowView = {
  ticket: 'A5',
  status: 'waiting',
  topicLabel: 'Computadoras',
  claimedBy: null,
  pagedAt: null,
  patronHereAt: null,
  place: { position: 3, estimateMinutes: 8 },
  version: 1,
  feedback: false,
};

/** What the page says, waiting third in line with about 8 minutes to go. */
const SAYS: Record<Exclude<Locale, 'en'>, string[]> = {
  es: ['Tu número', 'Tema: Computadoras', 'Hay 2 personas delante de ti.', 'Serán unos 8 minutos.'],
  'zh-Hans': ['您的号码', '主题：Computadoras', '您前面还有 2 人。', '大约需要 8 分钟。'],
  ar: ['رقمك', 'الموضوع: Computadoras', 'عدد من أمامك في الدور:', 'الانتظار نحو'],
};

describe('the follow page in the patron’s language', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().install();
    installFakeStream();
  });
  afterEach(async () => {
    restoreStream();
    server.restore();
    await setLocale(SOURCE_LOCALE);
    markDocument(SOURCE_LOCALE);
  });

  for (const lang of ['es', 'zh-Hans', 'ar'] as const) {
    it(`speaks ${lang}${lang === 'ar' ? ', right to left' : ''}, axe clean`, async () => {
      await setLocale(lang);
      markDocument(lang);
      server.on('GET', API, { body: { request: waiting, notices: [] } });
      const el = await fixture<RoveFollowPage>(
        html`<rove-follow-page token=${TOKEN}></rove-follow-page>`,
      );
      (await nthStream(1)).accept().send('request', { request: waiting });
      await waitFor(() => {
        if (!shownText(el).includes(SAYS[lang][0]!)) throw new Error(shownText(el));
      }, 'the ticket');
      const text = shownText(el).replace(/\s+/g, ' ');
      for (const said of SAYS[lang]) expect(text).to.contain(said);
      expect(text).not.to.match(/ahead of you|Your ticket/);
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      expect(document.documentElement.dir).to.equal(dir);
      expect(getComputedStyle(el).direction).to.equal(dir);
      await expect(el).to.be.accessible();
      expect(smallTargets(el)).to.deep.equal([]);
    });
  }
});
