// The floor on a rover's tablet: my own state in the header, who else is on the floor, who
// fits each waiting request best, and long waits on top.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-presence-control.js';
import '../../../../src/client/features/staff/rove-floor-list.js';
import '../../../../src/client/features/staff/rove-queue-list.js';
import type { RovePresenceControl } from '../../../../src/client/features/staff/rove-presence-control.js';
import type { RoveFloorList } from '../../../../src/client/features/staff/rove-floor-list.js';
import type { RoveQueueList } from '../../../../src/client/features/staff/rove-queue-list.js';
import type { Presence, StaffName } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
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
import { smallTargets } from '../../../support/browser/touch-targets.js';

const ZONES = ['Ground floor', '2nd floor'];
const kim: StaffName = { id: 'staff-kim', displayName: 'Kim', skills: ['history'] };

describe('rove-presence-control', () => {
  const control = (presence: Presence) =>
    fixture<RovePresenceControl>(
      html`<rove-presence-control .presence=${presence} .zones=${ZONES}></rove-presence-control>`,
    );

  it('goes on a break in one tap, and comes back in one', async () => {
    const el = await control(onFloor(sam));
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(shownText(el)).to.contain('On the floor');
    setTimeout(() => getByRole(el, 'button', 'Take a break').click());
    expect((await oneEvent(el, 'presence-change')).detail).to.deep.equal({ state: 'break' });

    el.presence = onFloor(sam, { state: 'break' });
    await el.updateComplete;
    expect(shownText(el)).to.contain('On a break');
    expect(queryAllByRole(el, 'button', 'Take a break')).to.have.length(0);
    setTimeout(() => getByRole(el, 'button', 'Back on the floor').click());
    expect((await oneEvent(el, 'presence-change')).detail).to.deep.equal({ state: 'available' });
  });

  it('says where I am from the branch’s zones, and goes off the floor', async () => {
    const el = await control(onFloor(sam, { zone: 'Ground floor' }));
    const where = getByRole<HTMLSelectElement>(el, 'combobox', /Where I am/);
    expect(where.value).to.equal('Ground floor');
    where.value = '2nd floor';
    setTimeout(() => where.dispatchEvent(new Event('change')));
    expect((await oneEvent(el, 'presence-change')).detail).to.deep.equal({
      state: 'available',
      zone: '2nd floor',
    });
    setTimeout(() => getByRole(el, 'button', 'Off the floor').click());
    expect((await oneEvent(el, 'presence-change')).detail).to.deep.equal({ state: 'away' });
  });

  it('waits while a change is being sent', async () => {
    const el = await control(onFloor(sam));
    el.busy = true;
    await el.updateComplete;
    expect(getByRole<HTMLButtonElement>(el, 'button', 'Take a break').disabled).to.equal(true);
  });
});

describe('rove-floor-list', () => {
  it('lists colleagues with state, zone, busy and a quiet tablet; not me', async () => {
    const floor = [
      onFloor(sam),
      onFloor(lee, { state: 'break' }),
      onFloor(kim, { zone: '2nd floor', busy: true }),
      onFloor({ id: 'staff-ana', displayName: 'Ana', skills: [] }, { silent: true }),
    ];
    const el = await fixture<RoveFloorList>(
      html`<rove-floor-list .floor=${floor} selfId=${sam.id}></rove-floor-list>`,
    );
    await expect(el).to.be.accessible();
    expect(getByRole(el, 'heading', /On the floor: 3 colleagues/).textContent).to.contain(
      '3 colleagues',
    );
    const items = queryAllByRole(el, 'listitem').map(shownText);
    expect(items).to.have.length(3);
    expect(items.find((t) => t.includes('Lee'))).to.contain('On a break');
    expect(items.find((t) => t.includes('Kim')))
      .to.contain('2nd floor')
      .and.contain('with a patron');
    expect(items.find((t) => t.includes('Ana'))).to.contain('not heard from');
    expect(shownText(el)).not.to.contain('Sam');
  });

  it('says how old the list is when it is the last one heard', async () => {
    const el = await fixture<RoveFloorList>(
      html`<rove-floor-list .floor=${[]} asOf="As of 10:42"></rove-floor-list>`,
    );
    expect(shownText(el)).to.contain('As of 10:42').and.contain('Nobody else');
  });
});

describe('rove-queue-list on the floor', () => {
  const queue = (entries: ReturnType<typeof view>[], floor: Presence[]) =>
    fixture<RoveQueueList>(
      html`<rove-queue-list
        .entries=${entries}
        .me=${sam}
        .topics=${topics}
        .skills=${skills}
        .floor=${floor}
        .now=${Date.now()}
      ></rove-queue-list>`,
    );

  it('shows who fits each waiting request best, never someone on a break', async () => {
    const history = helpRequest({ topicId: 'history', skill: 'history', zone: '2nd floor' });
    const onBreak = onFloor(kim, { state: 'break', zone: '2nd floor' });
    const el = await queue(
      [view(history)],
      [onFloor(sam), onBreak, onFloor(lee, { zone: '2nd floor' })],
    );
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.contain('Best: Lee, Local history, 2nd floor');
    el.floor = [onFloor(sam), onBreak];
    await el.updateComplete;
    expect(shownText(el)).to.contain('Best: Sam').and.not.contain('Kim');
    el.floor = [onBreak];
    await el.updateComplete;
    expect(shownText(el)).not.to.contain('Best:');
  });

  it('puts a long wait on top, marked with how long it has waited', async () => {
    const first = helpRequest({});
    const waitedLong = helpRequest({
      createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      escalatedAt: new Date().toISOString(),
    });
    const el = await queue([view(first), view(waitedLong)], []);
    await expect(el).to.be.accessible();
    const items = queryAllByRole(el, 'listitem').map(shownText);
    expect(items[0])
      .to.contain(waitedLong.ticket)
      .and.match(/Waiting \d+ min/);
    expect(items[1])
      .to.contain(first.ticket)
      .and.not.match(/Waiting \d+ min/);
  });
});
