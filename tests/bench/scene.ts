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
  /** Kiosks to make requests from, within each kiosk's rate limit. */
  kiosks: KioskPool;
  rovers: Rover[];
  topicId: string;
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
      kioskTokens[0]!,
    );
    const topic = (topics as Json[]).find((t) => !t.hidden) ?? topics[0];
    if (!topic) throw new Error(`Branch ${branchId} has no topics`);
    return {
      base: this.base,
      branchId,
      kiosks: new KioskPool(kioskTokens, () => this.enroll(branchId, 'kiosk', 'Bench kiosk')),
      rovers,
      topicId: String(topic.id),
    };
  }
}

/** The server lets a kiosk make 60 requests a minute; the bench stays well under that. */
const PER_KIOSK = 50;
const WINDOW_MS = 62_000;

/**
 * Kiosks to send requests from: each is used for at most PER_KIOSK requests a minute, and a
 * new one is enrolled (one at a time) when all are used up, so no timed POST meets a 429.
 */
export class KioskPool {
  private readonly kiosks: { token: string; since: number; used: number }[];
  private enrolling?: Promise<void>;

  constructor(
    tokens: readonly string[],
    private readonly enroll: () => Promise<string>,
  ) {
    this.kiosks = tokens.map((token) => ({ token, since: 0, used: 0 }));
  }

  get size(): number {
    return this.kiosks.length;
  }

  get first(): string {
    return this.kiosks[0]!.token;
  }

  async take(): Promise<string> {
    for (;;) {
      const now = Date.now();
      for (const kiosk of this.kiosks) {
        if (now - kiosk.since > WINDOW_MS) Object.assign(kiosk, { since: now, used: 0 });
        if (kiosk.used < PER_KIOSK) {
          kiosk.used++;
          return kiosk.token;
        }
      }
      this.enrolling ??= this.enroll().then((token) => {
        this.kiosks.push({ token, since: 0, used: 0 });
        this.enrolling = undefined;
      });
      await this.enrolling;
    }
  }

  /** The server refused `token` for its rate: rest it for a whole window. */
  exhausted(token: string): void {
    const kiosk = this.kiosks.find((k) => k.token === token);
    if (kiosk) Object.assign(kiosk, { since: Date.now(), used: Infinity });
  }
}

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
    const kiosk = await scene.kiosks.take();
    onSend?.(id);
    const answer = await call(scene.base, 'POST', '/api/requests', kiosk, {
      id,
      topicId: scene.topicId,
      name,
    });
    if (answer.status === 201) return id;
    if (answer.status !== 429 || attempt >= 3) {
      throw new CallError(answer.status, answer.body, 'POST /api/requests');
    }
    scene.kiosks.exhausted(kiosk);
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
