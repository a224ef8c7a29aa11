// Pending actions shown on a request before the server has them, and the words for them.
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/client/core/db/db.js';
import { provisionalRequest, withPending } from '../../../src/client/core/db/pending.js';
import { pendingText, waitedFor } from '../../../src/client/features/staff/request-format.js';
import { helpRequest } from './fixtures.js';

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
      'Claim, Start and Hand-off waiting to send',
    );
  });
});
