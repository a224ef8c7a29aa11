// Small in-memory rate limits (per process): kiosk request creation, failed guesses of PINs,
// passwords and enrollment codes, and how many public scripts streams one client holds open.
// Only failures count for guesses, so a busy setup morning enrolling many devices is never
// slowed down. A guess reserves its place before the slow check and gives it back only when
// it was right: 200 guesses arriving at once are not all checked against a count that has not
// moved yet (docs/API.md, "Limits").
import { rateLimited } from '../errors.js';

export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly what: string,
  ) {}

  /** Throws 429 (with Retry-After) if `key` has used up its window. */
  check(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (window && now - window.start < this.windowMs && window.count >= this.limit) {
      throw rateLimited(
        `Too many ${this.what}; wait a moment and try again`,
        (window.start + this.windowMs - now) / 1000,
      );
    }
  }

  count(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 10_000) this.sweep(now);
    } else {
      window.count++;
    }
  }

  /**
   * check + count in one, before the (slow) check of a guess: throws 429 when the window is
   * used up, else holds one place and answers how to give it back. Give it back when the
   * guess was right, so only failures count; keep it when wrong. Synchronous, so no two
   * concurrent guesses in this process can both see the last free place.
   */
  reserve(key: string, now = Date.now()): () => void {
    this.take(key, now);
    const window = this.windows.get(key)!;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      if (this.windows.get(key) === window && window.count > 0) window.count--;
    };
  }

  /** check + count in one: for actions where every try counts. */
  take(key: string, now = Date.now()): void {
    this.check(key, now);
    this.count(key, now);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}

/** Seconds a client refused a stream slot is told to wait: slots free only as streams close. */
const STREAM_SLOT_RETRY_SECONDS = 30;

/**
 * Open long-lived responses per holder: per client address for the public scripts stream
 * (anyone may open one), per device or session for the kiosk and staff streams. One holder
 * must not hold the process's sockets and memory. Past `perClient` the next is refused (429);
 * closing a stream gives its slot back.
 */
export class StreamSlots {
  private readonly held = new Map<string, number>();

  constructor(
    readonly perClient: number,
    private readonly what: string,
  ) {}

  /** Takes a slot for `client` or throws 429 (with Retry-After); answers how to give it back. */
  take(client: string): () => void {
    const held = this.held.get(client) ?? 0;
    if (held >= this.perClient) {
      throw rateLimited(
        `Too many open ${this.what} (at most ${this.perClient} at once); close one or wait and try again`,
        STREAM_SLOT_RETRY_SECONDS,
      );
    }
    this.held.set(client, held + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.held.get(client) ?? 1) - 1;
      if (left > 0) this.held.set(client, left);
      else this.held.delete(client);
    };
  }

  /** How many slots `client` holds now. */
  heldBy(client: string): number {
    return this.held.get(client) ?? 0;
  }
}

export interface Limits {
  /** New help requests per kiosk per minute: a kiosk's outbox may flush a few at once. */
  kioskRequests: RateLimit;
  wrongPins: RateLimit;
  wrongPasswords: RateLimit;
  wrongCodes: RateLimit;
  /** Public scripts streams (no credentials) one client may hold open at once. */
  publicStreams: StreamSlots;
  /** Kiosk streams per device, staff streams per session (docs/API.md, "Limits"). */
  deviceStreams: StreamSlots;
}

/** The default for `ROVE_PUBLIC_STREAMS_PER_CLIENT`. */
export const PUBLIC_STREAMS_PER_CLIENT = 20;
/** The default for `ROVE_STREAMS_PER_DEVICE`: a tablet reconnecting over a bad link has room. */
export const STREAMS_PER_DEVICE = 4;

export function createLimits({
  publicStreamsPerClient = PUBLIC_STREAMS_PER_CLIENT,
  streamsPerDevice = STREAMS_PER_DEVICE,
} = {}): Limits {
  return {
    kioskRequests: new RateLimit(60, 60_000, 'requests from this kiosk'),
    wrongPins: new RateLimit(30, 60_000, 'wrong PINs on this tablet'),
    wrongPasswords: new RateLimit(20, 60_000, 'wrong passwords'),
    wrongCodes: new RateLimit(20, 60_000, 'wrong enrollment codes'),
    publicStreams: new StreamSlots(publicStreamsPerClient, 'scripts streams from this address'),
    deviceStreams: new StreamSlots(streamsPerDevice, 'event streams for this device or sign-in'),
  };
}
