// Sets up what a figure needs through the public API, as a supervisor would: a branch of its
// own (so one figure's open requests never sit in another's snapshots), kiosks, and rovers
// signed in on tablets enrolled in that branch.
import { randomUUID } from 'node:crypto';
import { call, CallError, must, pool, type Json } from './http.js';
import { ADMIN_PASSWORD } from './server.js';

export interface Rover {
  staffId: string;
  /** The staff session, made on a tablet of the scene's branch. */
  token: string;
}

export interface Scene {
  base: string;
  branchId: string;
  /** Kiosk device tokens; requests are spread over them. */
  kiosks: string[];
  rovers: Rover[];
  topicId: string;
  /** Enrolls one more kiosk there (a kiosk may make only so many requests a minute). */
  moreKiosk: () => Promise<string>;
}

export interface Staffer {
  id: string;
  pin: string;
}

/** An admin session and a staff pool for the branches a run will use. */
export class Setup {
  private constructor(
    readonly base: string,
    readonly adminToken: string,
  ) {}

  static async connect(base: string): Promise<Setup> {
    const { token } = await must(base, 'POST', '/api/session/admin', undefined, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    return new Setup(base, token);
  }

  /** Creates each branch (idempotent: an existing one is fine) with its starter topics. */
  async branches(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const answer = await call(this.base, 'POST', '/api/branches', this.adminToken, {
        id,
        name: `Bench ${id}`,
      });
      if (answer.status !== 201 && answer.status !== 409) {
        throw new Error(
          `POST /api/branches answered ${answer.status}: ${JSON.stringify(answer.body)}`,
        );
      }
    }
  }

  /** `count` staff members who work in every branch listed. */
  async staff(count: number, branchIds: readonly string[]): Promise<Staffer[]> {
    return pool(Array.from({ length: count }), 4, async (_, index) => {
      const pin = String(4000 + index);
      const made = await must(this.base, 'POST', '/api/staff', this.adminToken, {
        displayName: `Rover ${index + 1}`,
        pin,
        skills: ['general', 'tech'],
        branchIds: [...branchIds],
      });
      return { id: String(made.id), pin };
    });
  }

  /** Enrolls one device and answers its token. */
  async enroll(branchId: string, kind: 'kiosk' | 'tablet', label: string): Promise<string> {
    const { code } = await must(this.base, 'POST', '/api/devices/enrollments', this.adminToken, {
      branchId,
      kind,
      label,
    });
    const { token } = await must(this.base, 'POST', '/api/devices/enroll', undefined, { code });
    return String(token);
  }

  /** A one-time enrollment code (for a browser to open `/enroll?code=`). */
  async enrollmentCode(branchId: string, kind: 'kiosk' | 'tablet', label: string): Promise<string> {
    const { code } = await must(this.base, 'POST', '/api/devices/enrollments', this.adminToken, {
      branchId,
      kind,
      label,
    });
    return String(code);
  }

  /** A branch's scene: `kiosks` kiosks, and every staffer signed in on a tablet there. */
  async scene(branchId: string, staff: readonly Staffer[], kiosks = 1): Promise<Scene> {
    const kioskTokens = await pool(Array.from({ length: kiosks }), 4, (_, i) =>
      this.enroll(branchId, 'kiosk', `Bench kiosk ${i + 1}`),
    );
    const rovers = await pool(staff, 4, async (person, i) => {
      const tablet = await this.enroll(branchId, 'tablet', `Bench tablet ${i + 1}`);
      const session = await must(this.base, 'POST', '/api/session/staff', tablet, {
        staffId: person.id,
        pin: person.pin,
      });
      return { staffId: person.id, token: String(session.token) };
    });
    const { topics } = await must(
      this.base,
      'GET',
      `/api/branches/${branchId}/topics`,
      kioskTokens[0],
    );
    const topic = (topics as Json[]).find((t) => !t.hidden) ?? topics[0];
    if (!topic) throw new Error(`Branch ${branchId} has no topics`);
    return {
      base: this.base,
      branchId,
      kiosks: kioskTokens,
      rovers,
      topicId: String(topic.id),
      moreKiosk: () => this.enroll(branchId, 'kiosk', 'Bench kiosk (more)'),
    };
  }
}

let kioskTurn = 0;

/**
 * A kiosk's "Ask me": creates one waiting request and answers its id. `onSend` hears the id
 * just before the POST leaves (where the fan-out clock starts).
 */
export async function ask(
  scene: Scene,
  name = 'Bench patron',
  onSend?: (id: string) => void,
): Promise<string> {
  const id = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const kiosk = scene.kiosks[kioskTurn++ % scene.kiosks.length]!;
    onSend?.(id);
    const answer = await call(scene.base, 'POST', '/api/requests', kiosk, {
      id,
      topicId: scene.topicId,
      name,
    });
    if (answer.status === 201) return id;
    // Past a kiosk's rate limit: bring in another kiosk rather than wait a minute.
    if (answer.status !== 429 || attempt >= 3) {
      throw new CallError(answer.status, answer.body, 'POST /api/requests');
    }
    scene.kiosks.push(await scene.moreKiosk());
  }
}

/** Staff take `action` on a request; answers the HTTP status (409 is a normal outcome). */
export async function act(
  scene: Scene,
  rover: Rover,
  requestId: string,
  action: 'claim' | 'release' | 'start' | 'cancel',
): Promise<number> {
  const answer = await call(
    scene.base,
    'POST',
    `/api/requests/${requestId}/${action}`,
    rover.token,
    {
      opId: randomUUID(),
    },
  );
  if (answer.status !== 200 && answer.status !== 409) {
    throw new Error(`${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.status;
}

/** The store's current `seq` as a staff member of the branch sees it. */
export async function currentSeq(scene: Scene): Promise<number> {
  const { seq } = await must(
    scene.base,
    'GET',
    `/api/branches/${scene.branchId}/requests`,
    scene.rovers[0]!.token,
  );
  return Number(seq);
}

export function streamUrl(scene: Scene, base = scene.base): string {
  return `${base}/api/branches/${scene.branchId}/events`;
}
