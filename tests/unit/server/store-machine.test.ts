// The store against the state machine (src/shared/request-machine.ts), on both stores: for
// random sequences of actions by two rovers, the kiosk and the admin account, with the current
// version or without one, each answer (done, refused or forbidden) and the status it leaves are
// what `decide` says for the request as it stood. The store's SQL guard is generated from the
// machine's table; this checks the two agree wherever a sequence can lead.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  REQUEST_ACTIONS,
  decide,
  type Actor,
  type RequestAction,
  type RequestFacts,
} from '../../../src/shared/request-machine.js';
import { RoveError } from '../../../src/server/errors.js';
import { describeStores, kioskOf, newBranch, newRequest, roverOf } from './fixtures.js';

const extraFor: Partial<Record<RequestAction, object>> = {
  resolve: { outcome: 'answered', effort: 2 },
  transfer: { skill: 'tech', note: 'by the printers' },
};

describeStores('the store follows the state machine', (store) => {
  it('every answer, for random sequences of actions, is what decide() says', async () => {
    const branchId = await newBranch(store());
    const kiosk = await kioskOf(store(), branchId);
    const ana = await roverOf(store(), branchId, 'Ana');
    const ben = await roverOf(store(), branchId, 'Ben');
    const actors: Actor[] = [ana, ben, kiosk, { kind: 'admin' }];
    const step = fc.record({
      actor: fc.integer({ min: 0, max: actors.length - 1 }),
      action: fc.constantFrom(...REQUEST_ACTIONS),
      versioned: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const made = await newRequest(store(), kiosk, { name: 'Pat' });
        for (const { actor: which, action, versioned } of steps) {
          const actor = actors[which]!;
          const before = (await store().requests.get(made.id))!;
          const { claimedBy } = before.request;
          const facts: RequestFacts = {
            branchId: before.request.branchId,
            status: before.request.status,
            kioskId: before.kioskId,
            claimedBy: claimedBy ? { id: claimedBy.id!, displayName: claimedBy.displayName } : null,
            pagedAt: before.request.pagedAt ?? null,
          };
          const expected = decide(facts, action, actor);
          const body = {
            opId: randomUUID(),
            ...(versioned ? { version: before.request.version } : {}),
            ...extraFor[action],
          };
          let outcome: string;
          try {
            outcome = (await store().requests.act(actor, made.id, action, body as never)).outcome;
          } catch (error) {
            if (!(error instanceof RoveError)) throw error;
            outcome = error.code;
          }
          const after = (await store().requests.get(made.id))!.request;
          const what = `${actor.kind} ${action} on ${before.request.status}`;
          if (expected.ok) {
            expect(outcome, what).toBe('done');
            expect(after.status, what).toBe(expected.to);
            expect(after.version, what).toBe(before.request.version + 1);
          } else {
            expect(outcome, what).toBe(expected.code === 'forbidden' ? 'forbidden' : 'refused');
            expect(after, what).toEqual(before.request);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
