// The floor's clock asks for long-wait alerts every second (docs/API.md, "Long waits"). Reading
// every waiting request each time held PGlite, and every call and stream with it, for
// milliseconds, so the store works out when the next alert falls due and reads nothing until
// then. These tests wait a little real time: alerts are in whole seconds.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeStores, kioskOf, newBranch, newRequest, statementsDuring } from './fixtures.js';

describeStores('long-wait alerts between alerts', (store) => {
  it('reads nothing until the next is due; a shorter interval counts at once', async () => {
    const branchId = await newBranch(store());
    await store().branches.patch(branchId, { escalateAfterSeconds: 600 });
    const kiosk = await kioskOf(store(), branchId);
    await newRequest(store(), kiosk);
    expect(await store().escalation.escalate()).toBe(0);
    const quiet = await statementsDuring(store(), async () => {
      for (let i = 0; i < 5; i++) expect(await store().escalation.escalate()).toBe(0);
    });
    expect(quiet).toEqual([]);

    // The supervisor shortens the interval: the next check reads again, and alerts on time.
    await store().branches.patch(branchId, { escalateAfterSeconds: 1 });
    const read = await statementsDuring(store(), () => store().escalation.escalate());
    expect(read.length).toBeGreaterThan(0);
    await sleep(1300);
    expect(await store().escalation.escalate()).toBe(1);
  });

  it('alerts on time for a request that starts waiting during the quiet', async () => {
    const branchId = await newBranch(store());
    await store().branches.patch(branchId, { escalateAfterSeconds: 1 });
    // Whatever else waits in this store, nothing here is due yet.
    await store().escalation.escalate();
    const kiosk = await kioskOf(store(), branchId);
    const request = await newRequest(store(), kiosk);
    await sleep(1300);
    expect(await store().escalation.escalate()).toBeGreaterThanOrEqual(1);
    const [row] = await store().query('SELECT escalations FROM requests WHERE id = $1', [
      request.id,
    ]);
    expect(Number(row!.escalations)).toBe(1);
  });
});
