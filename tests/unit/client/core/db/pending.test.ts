// Pending actions shown on a request before the server has them, and the words for them.
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../../src/client/core/db/db.js';
import {
  actionsFor,
  provisionalRequest,
  withPending,
} from '../../../../../src/client/core/db/pending.js';
import { pendingText, waitedFor } from '../../../../../src/client/features/staff/request-format.js';
import { helpRequest } from '../../../../support/client-fixtures.js';

const entry = (fields: Partial<OutboxEntry>): OutboxEntry => ({
  opId: 'op',
  requestId: 'r',
  action: 'claim',
  body: {},
  actorId: 'staff-sam',
  actorName: 'Sam',
  createdAt: new Date().toISOString(),
  attempts: 0,
  notBefore: 0,
  ...fields,
});

describe('withPending', () => {
  it('a hand-off puts the request back in line for the new skill, with nobody holding it', () => {
    const held = helpRequest({
      status: 'serving',
      claimedBy: { id: 'staff-sam', displayName: 'Sam' },
    });
    const view = withPending(held, [entry({ action: 'transfer', body: { skill: 'history' } })]);
    expect(view.request).toMatchObject({
      status: 'waiting',
      skill: 'history',
      claimedBy: undefined,
    });
  });

  it('a release and a resolve', () => {
    const held = helpRequest({
      status: 'claimed',
      claimedBy: { id: 'staff-sam', displayName: 'Sam' },
    });
    expect(withPending(held, [entry({ action: 'release' })]).request.status).toBe('waiting');
    expect(withPending(held, [entry({ action: 'resolve' })]).request.status).toBe('done');
  });

  it('follows the shared rules: what the server would refuse changes nothing here', () => {
    const hers = helpRequest({
      status: 'claimed',
      claimedBy: { id: 'staff-ana', displayName: 'Ana' },
    });
    // Sam may not release, start or cancel Ana's claim; the screen keeps showing it as hers.
    for (const action of ['release', 'start', 'cancel'] as const) {
      expect(withPending(hers, [entry({ action })]).request).toMatchObject({
        status: 'claimed',
        claimedBy: { id: 'staff-ana' },
      });
    }
    // An offline claim then start, by the same rover, goes through in order.
    const waiting = helpRequest({ status: 'waiting' });
    const mine = withPending(waiting, [entry({ action: 'claim' }), entry({ action: 'start' })]);
    expect(mine.request).toMatchObject({ status: 'serving', claimedBy: { id: 'staff-sam' } });
    // A kiosk's own cancel, with no staff member behind it.
    const cancelled = withPending(waiting, [entry({ action: 'cancel', actorId: undefined })]);
    expect(cancelled.request.status).toBe('cancelled');
  });

  it('offers the buttons the shared rules allow', () => {
    const sam = { id: 'staff-sam', displayName: 'Sam' };
    expect(actionsFor(helpRequest({ status: 'waiting' }), sam)).toEqual(['claim', 'cancel']);
    const serving = helpRequest({ status: 'serving', claimedBy: sam });
    expect(actionsFor(serving, sam)).toEqual(['resolve', 'transfer']);
    const anas = helpRequest({
      status: 'claimed',
      claimedBy: { id: 'staff-ana', displayName: 'Ana' },
    });
    expect(actionsFor(anas, sam)).toEqual([]);
  });

  it("a kiosk's unsent request has no ticket yet but keeps what the patron chose", () => {
    const request = provisionalRequest(
      entry({ action: 'create', requestId: 'k1', body: { topicId: 'tech', needs: ['private'] } }),
      'main',
    );
    expect(request).toMatchObject({ id: 'k1', ticket: '', status: 'waiting', needs: ['private'] });
  });
});

describe('request words', () => {
  it('says how long someone has waited', () => {
    const now = Date.parse('2025-01-01T10:00:00Z');
    expect(waitedFor('2025-01-01T09:59:30Z', now)).toBe('just now');
    expect(waitedFor('2025-01-01T09:55:00Z', now)).toBe('5 min');
    expect(waitedFor('2025-01-01T08:50:00Z', now)).toBe('1 hr 10 min');
  });

  it('lists what waits to be sent', () => {
    expect(pendingText([])).toBe('');
    expect(pendingText(['claim'])).toBe('Claim waiting to send');
    expect(pendingText(['claim', 'start', 'transfer'])).toBe(
      'Claim, Start, and Hand-off waiting to send',
    );
  });
});
