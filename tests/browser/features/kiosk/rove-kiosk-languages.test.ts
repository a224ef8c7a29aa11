// Issue 13: the kiosk in the patron's language. The start screen offers the branch's languages
// by their own names (never flags); a choice loads that language's strings, asks the server for
// the topics in it (`?lang=`), is sent with the request (`language`), lays out right to left in
// Arabic, and lasts for one patron: Start again goes back to the branch's default. Each shipped
// language is walked from Ask me to the ticket with axe on every screen.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/kiosk/rove-kiosk-view.js';
import type { RoveKioskView } from '../../../../src/client/features/kiosk/rove-kiosk-view.js';
import { CHOOSING_IDLE_MS } from '../../../../src/client/features/kiosk/kiosk-controller.js';
import { db, setMeta } from '../../../../src/client/core/db/db.js';
import { storeBranch } from '../../../../src/client/core/db/replica.js';
import { getLocale } from '../../../../src/client/core/locale/index.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer } from '../../../support/browser/fake-server.js';
import { topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';
import type { HelpRequest, Topic } from '../../../../src/shared/schemas.js';

const LANGUAGES = ['en', 'es', 'zh-Hans', 'ar'];

/** What each shipped language shows, as a patron reads it. */
const SAYS = {
  es: {
    name: 'Español',
    askMe: 'Pregúntame',
    topicsHeading: '¿En qué podemos ayudarte?',
    send: 'Enviar',
    request: 'Tu consulta',
  },
  'zh-Hans': {
    name: '中文',
    askMe: '找我帮忙',
    topicsHeading: '我们能帮您做什么？',
    send: '发送',
    request: '您的求助',
  },
  ar: {
    name: 'العربية',
    askMe: 'اسألني',
    topicsHeading: 'كيف يمكننا مساعدتك؟',
    send: 'إرسال',
    request: 'طلبك',
  },
} as const;

/** The labels a supervisor wrote for each topic, by language (`labels`, docs/API.md "Translations"). */
const LABELS: Record<string, Record<string, string>> = {
  tech: { es: 'Computadoras e impresión', 'zh-Hans': '电脑和打印', ar: 'الحاسوب والطباعة' },
  history: { es: 'Historia local', 'zh-Hans': '本地历史', ar: 'التاريخ المحلي' },
};

/** The topics as `GET /api/branches/main/topics?lang=` answers: each label in that language. */
const topicsIn = (lang?: string): Topic[] =>
  topics.map((t) => ({ ...t, label: (lang && LABELS[t.id]?.[lang]) || t.label }));

const KIOSK = {
  role: 'kiosk',
  device: { id: 'kiosk-1', kind: 'kiosk', branchId: 'main', label: 'Lobby kiosk' },
};

const kioskView = () => fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);

describe('the kiosk in the patron’s language', () => {
  offlineWithReplica({ topics });
  let server: FakeServer;
  beforeEach(async () => {
    await setMeta('session', KIOSK);
    await storeBranch({ id: 'main', name: 'Main Library', languages: LANGUAGES });
    server = new FakeServer()
      .on('GET', '/api/session', { body: KIOSK })
      .on('GET', '/api/branches/main/topics', (_body, call) => ({
        body: { topics: topicsIn(call.query.lang) },
      }))
      // The request waits in the outbox (the server is busy), as on a bad network day.
      .on('POST', '/api/requests', { status: 503, body: {} })
      .install();
  });
  afterEach(() => server.restore());

  it('offers the branch’s languages by their own names, never flags', async () => {
    const el = await kioskView();
    const group = await waitFor(() => getByRole(el, 'group', 'Language'), 'the languages');
    const buttons = queryAllByRole(group, 'button');
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
      'English',
      'Español',
      '中文',
      'العربية',
    ]);
    // Each name is marked as its own language, so a screen reader says it right.
    expect(buttons.map((b) => b.getAttribute('lang'))).to.deep.equal(LANGUAGES);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(group.querySelector('img, svg, rove-topic-icon')).to.equal(null);
    expect(group.textContent).not.to.match(/[\u{1F1E6}-\u{1F1FF}]/u);
    await expect(el).to.be.accessible();
  });

  it('offers no choice when the branch has one language', async () => {
    await storeBranch({ id: 'main', name: 'Main Library', languages: ['en'] });
    const el = await kioskView();
    await waitFor(() => getByRole(el, 'button', /Ask me/), 'Ask me');
    expect(queryAllByRole(el, 'group', 'Language')).to.have.length(0);
  });

  for (const lang of ['es', 'zh-Hans', 'ar'] as const) {
    const says = SAYS[lang];
    it(`asks for help in ${says.name}, axe clean on every screen`, async () => {
      const el = await kioskView();
      (await waitFor(() => getByRole(el, 'button', says.name), says.name)).click();
      const ask = await waitFor(() => getByRole(el, 'button', new RegExp(says.askMe)), 'Ask me');
      expect(getLocale()).to.equal(lang);
      expect(document.documentElement.lang).to.equal(lang);
      expect(el.lang).to.equal(lang);
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      expect(document.documentElement.dir).to.equal(dir);
      expect(el.dir).to.equal(dir);
      expect(getComputedStyle(el).direction).to.equal(dir);
      expect(getByRole(el, 'button', says.name).getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();

      ask.click();
      await waitFor(() => getByRole(el, 'heading', says.topicsHeading), 'the topics');
      // The topics come in the patron's language from the server (`?lang=`).
      const label = LABELS.tech![lang]!;
      const topic = await waitFor(() => getByRole(el, 'button', label), label);
      expect(
        server.callsTo('GET', '/api/branches/main/topics').map((c) => c.query.lang),
      ).to.include(lang);
      await expect(el).to.be.accessible();

      topic.click();
      const send = await waitFor(() => getByRole(el, 'button', says.send), 'the details');
      await expect(el).to.be.accessible();
      send.click();

      await waitFor(() => getByRole(el, 'heading', says.request), 'the ticket');
      await expect(el).to.be.accessible();
      // The request carries the patron's language, as the branch names it.
      const [queued] = await db.outbox.toArray();
      expect(queued?.body.language).to.equal(lang);
    });
  }

  it('lays the topics out right to left in Arabic: the icon starts the line on the right', async () => {
    const el = await kioskView();
    (await waitFor(() => getByRole(el, 'button', 'العربية'), 'العربية')).click();
    (await waitFor(() => getByRole(el, 'button', /اسألني/), 'Ask me')).click();
    const button = await waitFor(() => getByRole(el, 'button', 'الحاسوب والطباعة'), 'a topic');
    const icon = button.querySelector('rove-topic-icon')!.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    expect(icon.left - box.left, 'the icon sits at the right end').to.be.greaterThan(
      box.right - icon.right,
    );
  });

  it('goes back to the branch’s default language for the next patron', async () => {
    const el = await kioskView();
    (await waitFor(() => getByRole(el, 'button', 'Español'), 'Español')).click();
    (await waitFor(() => getByRole(el, 'button', /Pregúntame/), 'Pregúntame')).click();
    (await waitFor(() => getByRole(el, 'button', LABELS.tech!.es!), 'a topic')).click();
    (await waitFor(() => getByRole(el, 'button', 'Enviar'), 'Enviar')).click();
    await waitFor(() => getByRole(el, 'heading', 'Tu consulta'), 'the ticket');

    // A rover answers the question: the kiosk asks its two questions in Spanish.
    const [queued] = await db.outbox.toArray();
    const done: HelpRequest = {
      id: queued!.requestId,
      branchId: 'main',
      ticket: 'A7',
      topicId: 'tech',
      skill: 'tech',
      status: 'done',
      outcome: 'answered',
      needs: [],
      claimedBy: { displayName: 'Ana' },
      version: 4,
      createdAt: new Date().toISOString(),
    };
    server.on('POST', `/api/requests/${done.id}/feedback`, { status: 201, body: { ok: true } });
    await db.outbox.clear();
    await db.requests.put(done);
    await waitFor(() => getByRole(el, 'group', '¿Qué tal te hemos atendido?'), 'the question');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', '4 de 5: bien').click();
    (await waitFor(() => getByRole(el, 'button', 'Saltar esta pregunta'), 'Skip')).click();
    (await waitFor(() => getByRole(el, 'button', 'Volver a empezar'), 'Start again')).click();

    await waitFor(() => getByRole(el, 'button', /Ask me/), 'Ask me, in English again');
    expect(document.documentElement.lang).to.equal('en');
    expect(document.documentElement.dir).to.equal('ltr');
    expect(getByRole(el, 'button', 'English').getAttribute('aria-pressed')).to.equal('true');
  });

  it('goes back to the default when a patron picks a language and walks away', async () => {
    // The minute's wait is the kiosk's own timer: catch it rather than wait a minute.
    const realSetTimeout = window.setTimeout;
    let idle: (() => void) | undefined;
    window.setTimeout = ((fn: () => void, ms?: number) => {
      if (ms === CHOOSING_IDLE_MS) idle = fn;
      return realSetTimeout(ms === CHOOSING_IDLE_MS ? () => {} : fn, ms);
    }) as typeof window.setTimeout;
    try {
      const el = await kioskView();
      (await waitFor(() => getByRole(el, 'button', '中文'), '中文')).click();
      await waitFor(() => getByRole(el, 'button', /找我帮忙/), 'Ask me in Chinese');
      expect(idle, 'a wait armed on the start screen').to.be.a('function');
      idle!();
      await waitFor(() => getByRole(el, 'button', /Ask me/), 'Ask me, in English again');
      expect(document.documentElement.lang).to.equal('en');
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });
});
