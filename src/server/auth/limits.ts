// Small in-memory rate limits (per process): kiosk request creation, and failed guesses of
// PINs, passwords and enrollment codes. Only failures count for guesses, so a busy setup
// morning enrolling many devices is never slowed down.
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

export interface Limits {
  /** New help requests per kiosk per minute: a kiosk's outbox may flush a few at once. */
  kioskRequests: RateLimit;
  wrongPins: RateLimit;
  wrongPasswords: RateLimit;
  wrongCodes: RateLimit;
}

export function createLimits(): Limits {
  return {
    kioskRequests: new RateLimit(60, 60_000, 'requests from this kiosk'),
    wrongPins: new RateLimit(30, 60_000, 'wrong PINs on this tablet'),
    wrongPasswords: new RateLimit(20, 60_000, 'wrong passwords'),
    wrongCodes: new RateLimit(20, 60_000, 'wrong enrollment codes'),
  };
}
