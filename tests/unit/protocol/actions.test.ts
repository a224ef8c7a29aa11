// docs/API.md "Actions": the transition table, row by row, and who may take each action.
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Scene } from '../../support/server.js';

const STATUSES = ['waiting', 'claimed', 'serving', 'done', 'cancelled'] as const;

// The table of docs/API.md, written out here rather than imported, so the test checks the
// server against the document and not against our own code.
const TABLE: Record<string, { from: string[]; to: string }> = {
  claim: { from: ['waiting'], to: 'claimed' },
  release: { from: ['claimed'], to: 'waiting' },
  start: { from: ['claimed'], to: 'serving' },
  resolve: { from: ['claimed', 'serving'], to: 'done' },
  transfer: { from: ['claimed', 'serving'], to: 'waiting' },
  cancel: { from: ['waiting', 'claimed'], to: 'cancelled' },
};

const EXTRA: Record<string, Record<string, unknown>> = {
  resolve: { outcome: 'answered' },
  transfer: { skill: 'books', note: 'Knows the local history room' },
};

forEachStore('request actions', (server) => {
  // The table's 30 cells share one branch: each cell uses its own request.
  let shared: Promise<Scene> | undefined;
  const tableScene = () => (shared ??= server.scene());

  for (const [action, rule] of Object.entries(TABLE)) {
    for (const status of STATUSES) {
      const allowed = rule.from.includes(status);
      it(`${action} from ${status} ${allowed ? `-> ${rule.to}` : 'is refused with 409'}`, async () => {
        const scene = await tableScene();
        const before = await server.requestIn(scene, status);
        // The claimer acts (or the kiosk that made it, for cancel), so only the state decides.
        const token = action === 'cancel' ? scene.kiosk.token : scene.rover.token;
        const answer = await server.act(token, before.id, action, EXTRA[action]);
        if (allowed) {
          expect(answer.status, answer.text).toBe(200);
          expect(answer.body.request.status).toBe(rule.to);
          expect(answer.body.request.version).toBe(before.version + 1);
        } else {
          expectError(answer, 409, 'conflict');
          expect(answer.body.request).toMatchObject({
            id: before.id,
            status,
            version: before.version,
          });
        }
      });
    }
  }

  it('claim records who is coming and when', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    expect(request.claimedBy).toBeUndefined();
    const claimed = await server.must(scene.rover.token, request.id, 'claim');
    expect(claimed.claimedBy).toEqual({
      id: scene.rover.staff.id,
      displayName: scene.rover.staff.displayName,
    });
    expect(Date.parse(claimed.claimedAt)).not.toBeNaN();
  });

  it('release puts it back in the line with nobody on it', async () => {
    const scene = await server.scene();
    const claimed = await server.requestIn(scene, 'claimed');
    const released = await server.must(scene.rover.token, claimed.id, 'release');
    expect(released.status).toBe('waiting');
    expect(released.claimedBy).toBeUndefined();
  });

  it('start records when service began', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    expect(Date.parse(serving.servedAt)).not.toBeNaN();
    expect(serving.claimedBy.id).toBe(scene.rover.staff.id);
  });

  it('resolve records the outcome, effort and closing time', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    const done = await server.must(scene.rover.token, serving.id, 'resolve', {
      outcome: 'referred',
      effort: 4,
    });
    expect(done).toMatchObject({ status: 'done', outcome: 'referred', effort: 4 });
    expect(Date.parse(done.closedAt)).not.toBeNaN();
  });

  it('transfer sets the new skill and leaves a note for the next person', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    const note = 'Wants the 1920s census, start with the microfilm';
    const moved = await server.must(scene.rover.token, serving.id, 'transfer', {
      skill: 'history',
      note,
    });
    expect(moved.status).toBe('waiting');
    expect(moved.skill).toBe('history');
    expect(moved.claimedBy).toBeUndefined();
    expect(moved.handoff).toMatchObject({
      from: { id: scene.rover.staff.id, displayName: scene.rover.staff.displayName },
      note,
    });
    expect(Date.parse(moved.handoff.at)).not.toBeNaN();
    // Another rover with that skill takes it over from the line.
    const historian = await server.rover(scene.branchId, { skills: ['history'] });
    const claimed = await server.must(historian.token, serving.id, 'claim');
    expect(claimed.claimedBy.id).toBe(historian.staff.id);
  });

  it('a claimed request is cancelled by its kiosk or its claimer; a waiting one by any staff', async () => {
    const scene = await server.scene();
    const first = await server.requestIn(scene, 'claimed');
    const cancelled = await server.must(scene.kiosk.token, first.id, 'cancel');
    expect(cancelled.status).toBe('cancelled');
    expect(Date.parse(cancelled.closedAt)).not.toBeNaN();

    const second = await server.requestIn(scene, 'claimed');
    expect((await server.must(scene.rover.token, second.id, 'cancel')).status).toBe('cancelled');

    const colleague = await server.rover(scene.branchId);
    const third = await server.requestIn(scene, 'waiting');
    expect((await server.must(colleague.token, third.id, 'cancel')).status).toBe('cancelled');
  });

  it('a colleague may not cancel a request someone has claimed: 409, and it stays claimed', async () => {
    const scene = await server.scene();
    const claimed = await server.requestIn(scene, 'claimed');
    const colleague = await server.rover(scene.branchId);
    const answer = await server.act(colleague.token, claimed.id, 'cancel');
    expectError(answer, 409, 'conflict');
    expect(answer.body.error.message).toContain(scene.rover.staff.displayName);
    expect(answer.body.request).toMatchObject({ status: 'claimed', version: claimed.version });
    const after = await server.get(`/api/requests/${claimed.id}`, scene.rover.token);
    expect(after.body.request.status).toBe('claimed');
  });

  it('an admin may cancel a claimed request, and sees none of the patron’s words', async () => {
    const scene = await server.scene();
    let request = await server.createRequest(scene.kiosk, { name: 'Pat', note: 'by the door' });
    request = await server.must(scene.rover.token, request.id, 'claim');
    const admin = await server.adminToken();
    const answer = await server.act(admin, request.id, 'cancel');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.request.status).toBe('cancelled');
    expect(answer.text).not.toContain('Pat');
    expect(answer.text).not.toContain('by the door');
  });
  for (const action of ['release', 'start', 'resolve', 'transfer']) {
    it(`only the claimer may ${action}: a colleague gets 409 with the request`, async () => {
      const scene = await server.scene();
      const claimed = await server.requestIn(scene, 'claimed');
      const colleague = await server.rover(scene.branchId);
      const answer = await server.act(colleague.token, claimed.id, action, EXTRA[action]);
      expectError(answer, 409, 'conflict');
      expect(answer.body.request.claimedBy.id).toBe(scene.rover.staff.id);
      expect(answer.body.request.version).toBe(claimed.version);
    });
  }

  for (const action of ['claim', 'release', 'start', 'resolve', 'transfer']) {
    it(`a kiosk may not ${action}`, async () => {
      const scene = await server.scene();
      const request = await server.requestIn(scene, action === 'claim' ? 'waiting' : 'claimed');
      expectError(
        await server.act(scene.kiosk.token, request.id, action, EXTRA[action]),
        403,
        'forbidden',
      );
      const after = await server.get(`/api/requests/${request.id}`, scene.rover.token);
      expect(after.body.request.version).toBe(request.version);
    });
  }

  it('the admin account does not work requests, only cancels them', async () => {
    const scene = await server.scene();
    const request = await server.requestIn(scene, 'waiting');
    const admin = await server.adminToken();
    expectError(await server.act(admin, request.id, 'claim'), 403, 'forbidden');
    const claimed = await server.requestIn(scene, 'claimed');
    for (const action of ['release', 'start', 'resolve', 'transfer']) {
      expectError(await server.act(admin, claimed.id, action, EXTRA[action]), 403, 'forbidden');
    }
  });

  it('staff of another branch may not touch the request', async () => {
    const scene = await server.scene();
    const elsewhere = await server.rover('main');
    const waiting = await server.requestIn(scene, 'waiting');
    expectError(await server.act(elsewhere.token, waiting.id, 'claim'), 403, 'forbidden');
    expectError(await server.act(elsewhere.token, waiting.id, 'cancel'), 403, 'forbidden');
  });

  it('each action answers the request with its version one higher', async () => {
    const scene = await server.scene();
    const created = await server.createRequest(scene.kiosk);
    expect(created.version).toBeGreaterThanOrEqual(1);
    const steps: [string, Record<string, unknown>?][] = [
      ['claim'],
      ['release'],
      ['claim'],
      ['start'],
      ['transfer', { skill: 'tech' }],
      ['claim'],
      ['resolve', { outcome: 'follow-up', effort: 1 }],
    ];
    let version = created.version;
    for (const [action, extra] of steps) {
      const request = await server.must(scene.rover.token, created.id, action, extra);
      expect(request.version, action).toBe(++version);
    }
  });
});
