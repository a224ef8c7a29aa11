// Issue 13 on a rover's tablet: a request in another language than the branch's usual one shows
// that language by its own name ("Español"), and who on the floor speaks it ("Speaks Spanish:
// Ana"); the best-fit line prefers someone who does.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-queue-list.js';
import type { RoveQueueList } from '../../../../src/client/features/staff/rove-queue-list.js';
import type { Presence, StaffName } from '../../../../src/shared/schemas.js';
import { queryAllByRole } from '../../../support/browser/by-role.js';
import {
  helpRequest,
  lee,
  onFloor,
  sam,
  shownText,
  skills,
  topics,
  view,
} from '../../../support/browser/fixtures.js';

const ana: StaffName = { id: 'staff-ana', displayName: 'Ana', skills: [] };
const kim: StaffName = { id: 'staff-kim', displayName: 'Kim', skills: [] };

describe('rove-queue-list: the patron’s language', () => {
  const queue = (
    entries: ReturnType<typeof view>[],
    floor: Presence[],
    defaultLanguage: string | undefined = 'en',
  ) =>
    fixture<RoveQueueList>(
      html`<rove-queue-list
        .entries=${entries}
        .me=${sam}
        .topics=${topics}
        .skills=${skills}
        .floor=${floor}
        .defaultLanguage=${defaultLanguage}
        .now=${Date.now()}
      ></rove-queue-list>`,
    );
  const items = (el: RoveQueueList) => queryAllByRole(el, 'listitem').map(shownText);

  it('shows "Español" on a Spanish request, and who on the floor speaks Spanish', async () => {
    const spanish = helpRequest({ language: 'es' });
    const english = helpRequest({ language: 'en' });
    const none = helpRequest({});
    const floor = [
      onFloor(sam),
      onFloor(ana, { languages: ['es-MX'] }),
      onFloor(lee, { languages: ['fr'] }),
    ];
    const el = await queue([view(spanish), view(english), view(none)], floor);
    await expect(el).to.be.accessible();
    const [first, second, third] = items(el);
    expect(first).to.contain('Español').and.contain('Speaks Spanish: Ana');
    // Said once, as a badge in the patron's own words, not again as "speaks Spanish (español)".
    expect(first).not.to.contain('(español)');
    const badge = el.shadowRoot!.querySelector('.badge.language');
    expect(badge?.getAttribute('lang')).to.equal('es');
    // The branch's own language, or none: nothing to say.
    for (const text of [second, third]) {
      expect(text).not.to.contain('English').and.not.to.contain('Speaks');
    }
  });

  it('prefers a shared language for the best fit, and counts only those on the floor', async () => {
    const spanish = helpRequest({ language: 'es', skill: 'history', topicId: 'history' });
    const el = await queue(
      [view(spanish)],
      [
        onFloor(kim, { since: new Date(Date.now() - 7_200_000).toISOString() }),
        onFloor(ana, { languages: ['es'] }),
      ],
    );
    // Neither has the skill; Ana speaks Spanish, so she fits best though Kim came first.
    expect(items(el)[0]).to.contain('Best: Ana, speaks Spanish');

    // Off the floor: not offered as a speaker. On a break: still there to ask.
    el.floor = [onFloor(ana, { languages: ['es'], state: 'away' }), onFloor(kim)];
    await el.updateComplete;
    expect(items(el)[0]).not.to.contain('Speaks Spanish');
    el.floor = [
      onFloor(ana, { languages: ['es'], state: 'break' }),
      onFloor(sam, { languages: ['es'] }),
    ];
    await el.updateComplete;
    expect(items(el)[0]).to.contain('Speaks Spanish: Ana, you');
    await expect(el).to.be.accessible();
  });

  it('goes by the branch’s default: a Spanish branch shows English requests, not Spanish ones', async () => {
    const mexican = helpRequest({ language: 'es-MX' });
    const english = helpRequest({ language: 'en' });
    const el = await queue([view(mexican), view(english)], [], 'es');
    const [first, second] = items(el);
    expect(first).not.to.contain('Español');
    expect(second).to.contain('English');
    // No branch known yet: every language is said.
    el.defaultLanguage = undefined;
    await el.updateComplete;
    expect(items(el)[0]).to.match(/Español/);
  });

  it('shows Arabic and Chinese requests by their own names', async () => {
    const el = await queue(
      [view(helpRequest({ language: 'ar' })), view(helpRequest({ language: 'zh-Hans' }))],
      [onFloor(ana, { languages: ['zh'] }), onFloor(lee, { languages: ['pt-BR'] })],
    );
    await expect(el).to.be.accessible();
    const [arabic, chinese] = items(el);
    expect(arabic).to.contain('العربية');
    expect(chinese).to.match(/中文/).and.contain('Speaks Chinese');
    expect(chinese).to.contain(': Ana').and.not.contain('Lee');
  });
});
