// Command throughput: claims per second with 16 in flight, each waiting request claimed once by
// one rover, and the race that must still have exactly one winner.
import { performance } from 'node:perf_hooks';
import { must, pool, type Json } from './http.js';
import { act, ask, type Scene } from './scene.js';

export const IN_FLIGHT = 16;

export interface ClaimsRun {
  perSecond: number;
  claims: number;
  /** Claims answered 200 (each request once). */
  won: number;
  /** Requests the server then lists as claimed. */
  claimedAfter: number;
}

/** Creates `count` waiting requests, then claims each exactly once, `IN_FLIGHT` at a time. */
export async function claimsRun(scene: Scene, count: number): Promise<ClaimsRun> {
  const ids = await pool(Array.from({ length: count }), IN_FLIGHT, () => ask(scene));
  let next = 0;
  let won = 0;
  const started = performance.now();
  // One worker per rover: each takes the next request off the list and claims it.
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, worker) => {
      const rover = scene.rovers[worker % scene.rovers.length]!;
      while (next < ids.length) {
        const id = ids[next++]!;
        if ((await act(scene, rover, id, 'claim')) === 200) won++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { requests } = await must(
    scene.base,
    'GET',
    `/api/branches/${scene.branchId}/requests`,
    scene.rovers[0]!.token,
  );
  const mine = new Set(ids);
  const claimedAfter = (requests as Json[]).filter(
    (r) => mine.has(r.id) && r.status === 'claimed',
  ).length;
  return { perSecond: count / seconds, claims: count, won, claimedAfter };
}

/** Every rover claims one new request at the same moment; answers how many won. */
export async function raceRun(scene: Scene): Promise<{ winners: number; refused: number }> {
  const id = await ask(scene);
  const answers = await Promise.all(scene.rovers.map((rover) => act(scene, rover, id, 'claim')));
  return {
    winners: answers.filter((status) => status === 200).length,
    refused: answers.filter((status) => status === 409).length,
  };
}
