// A kiosk makes at most 60 new requests a minute (docs/API.md, "Limits"); an outbox sending
// again what it already sent is not counted, and is answered even when the minute is used up.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, forEachStore } from '../../support/server.js';

const LIMIT = 60;

forEachStore('the kiosk request limit', (server) => {
  it(`of 200 new requests at once from one kiosk, exactly ${LIMIT} are made`, async () => {
    const { branchId, kiosk, rover } = await server.scene();
    const topicId = (await server.topicIds(branchId, kiosk.token))[0];
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        server.post('/api/requests', { id: randomUUID(), topicId }, kiosk.token),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(LIMIT);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(200 - LIMIT);
    for (const answer of refused) expectError(answer, 429, 'rate_limited');
    // The branch's line holds exactly those, each with a ticket of its own.
    const open = await server.ok(
      'GET',
      `/api/branches/${branchId}/requests`,
      { token: rover.token },
      200,
    );
    const tickets = (open.requests as { ticket: string }[]).map((request) => request.ticket);
    expect(tickets).toHaveLength(LIMIT);
    expect(new Set(tickets).size).toBe(LIMIT);
  });

  it('resends are answered and not counted, also once the minute is used up', async () => {
    const { branchId, kiosk } = await server.scene();
    const topicId = (await server.topicIds(branchId, kiosk.token))[0];
    const first = { id: randomUUID(), topicId };
    const made = await server.post('/api/requests', first, kiosk.token);
    expect(made.status).toBe(201);
    // The same request sent again many times never uses up the minute...
    for (let i = 0; i < LIMIT + 5; i++) {
      const again = await server.post('/api/requests', first, kiosk.token);
      expect(again.status).toBe(200);
      expect(again.body.request.ticket).toBe(made.body.request.ticket);
      expect(again.body.followUrl).toMatch(/\/follow\//);
    }
    const tickets = new Set([made.body.request.ticket]);
    for (let i = 1; i < LIMIT; i++) {
      const answer = await server.post('/api/requests', { id: randomUUID(), topicId }, kiosk.token);
      expect(answer.status).toBe(201);
      tickets.add(answer.body.request.ticket);
    }
    // ...and every new one drew a ticket of its own.
    expect(tickets.size).toBe(LIMIT);
    expectError(
      await server.post('/api/requests', { id: randomUUID(), topicId }, kiosk.token),
      429,
      'rate_limited',
    );
    // With the minute used up, the outbox's resend is still answered as it was.
    const resent = await server.post('/api/requests', first, kiosk.token);
    expect(resent.status).toBe(200);
    expect(resent.body.request.id).toBe(first.id);
  });
});
