import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-my-request.js';
import type {
  RequestActionDetail,
  RoveMyRequest,
} from '../../../../src/client/features/staff/rove-my-request.js';
import type { PendingView } from '../../../../src/client/core/db/pending.js';
import { getByRole, queryAllByRole, typeInto } from '../../../support/browser/by-role.js';
import {
  helpRequest,
  sam,
  shownText,
  skills,
  topics,
  view,
} from '../../../support/browser/fixtures.js';

const mine = (fields = {}, pending: PendingView['pending'] = []) =>
  view(
    helpRequest({
      status: 'claimed',
      claimedBy: { id: sam.id, displayName: 'Sam' },
      name: 'Ada, green hat',
      ...fields,
    }),
    pending,
  );

async function card(entry: PendingView) {
  return fixture<RoveMyRequest>(
    html`<rove-my-request .entry=${entry} .topic=${topics[0]} .skills=${skills}></rove-my-request>`,
  );
}

const action = async (el: RoveMyRequest, click: () => void) => {
  const fired = oneEvent(el, 'request-action');
  click();
  return ((await fired) as CustomEvent<RequestActionDetail>).detail;
};

describe('rove-my-request', () => {
  it('is accessible', async () => {
    const el = await card(mine());
    await expect(el).to.be.accessible();
  });

  it('with its topic not on the tablet yet, shows no topic id', async () => {
    const el = await fixture<RoveMyRequest>(
      html`<rove-my-request .entry=${mine()} .skills=${skills}></rove-my-request>`,
    );
    await expect(el).to.be.accessible();
    expect(getByRole(el, 'link', 'Scripts for this request').getAttribute('href')).to.equal(
      '/scripts?topic=tech',
    );
    expect(shownText(el)).not.to.match(/\btech\b/);
  });

  it('while on the way: Start, Resolve, Hand off, Release and the topic scripts', async () => {
    const entry = mine();
    const el = await card(entry);
    expect(shownText(el)).to.contain('On my way');
    expect(shownText(el)).to.contain('Ada, green hat');
    expect(getByRole(el, 'link', /^Scripts for/).getAttribute('href')).to.equal(
      '/scripts?topic=tech',
    );
    expect(await action(el, () => getByRole(el, 'button', 'Start').click())).to.deep.include({
      requestId: entry.request.id,
      action: 'start',
    });
    expect((await action(el, () => getByRole(el, 'button', 'Release').click())).action).to.equal(
      'release',
    );
  });

  it('while serving: no Start or Release', async () => {
    const el = await card(mine({ status: 'serving' }));
    expect(shownText(el)).to.contain('With the patron');
    expect(queryAllByRole(el, 'button', 'Start')).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Release')).to.have.length(0);
  });

  it('resolves with an outcome and an effort grade', async () => {
    const el = await card(mine());
    getByRole(el, 'button', 'Resolve').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    getByRole(el, 'radio', 'Answered').click();
    getByRole(el, 'radio', /^3:/).click();
    const detail = await action(el, () => getByRole(el, 'button', 'Resolve request').click());
    expect(detail).to.deep.include({
      action: 'resolve',
      extra: { outcome: 'answered', effort: 3 },
    });
  });

  it('hands off to a skill with a note for the next person', async () => {
    const el = await card(mine());
    getByRole(el, 'button', 'Hand off').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(queryAllByRole(el, 'radio', 'Technology')).to.have.length(0);
    getByRole(el, 'radio', 'Local history').click();
    typeInto(getByRole(el, 'textbox', 'Note for the next person'), 'Wants 1920s maps');
    const detail = await action(el, () => getByRole(el, 'button', 'Hand off request').click());
    expect(detail).to.deep.include({
      action: 'transfer',
      extra: { skill: 'history', note: 'Wants 1920s maps' },
    });
  });

  it('shows what has not reached the server yet', async () => {
    const el = await card(mine({}, ['claim', 'start']));
    expect(shownText(el)).to.contain('Claim and Start waiting to send');
  });
});
