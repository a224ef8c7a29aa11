// The kiosk takes a waiting update by itself, but only at a moment nobody is using it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyUpdateWhenIdle } from '../../../src/client/core/pwa/register.js';
import {
  announceUpdateWaiting,
  applyUpdate,
  isUpdateWaiting,
} from '../../../src/client/core/pwa/update-status.js';

describe('applyUpdateWhenIdle', () => {
  let stop: (() => void) | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    stop?.();
    stop = undefined;
    if (isUpdateWaiting()) {
      announceUpdateWaiting(() => undefined);
      applyUpdate();
    }
    vi.useRealTimers();
  });

  it('applies at once when the update arrives on an idle kiosk', () => {
    let applied = 0;
    stop = applyUpdateWhenIdle(() => true);
    expect(applied).toBe(0);
    announceUpdateWaiting(() => (applied += 1));
    expect(applied).toBe(1);
    expect(isUpdateWaiting()).toBe(false);
  });

  it('waits while a patron is using the kiosk, then applies once it is idle', () => {
    let idle = false;
    let applied = 0;
    stop = applyUpdateWhenIdle(() => idle);
    announceUpdateWaiting(() => (applied += 1));
    vi.advanceTimersByTime(5 * 60_000);
    expect(applied).toBe(0);
    expect(isUpdateWaiting()).toBe(true);

    idle = true;
    vi.advanceTimersByTime(60_000);
    expect(applied).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(applied).toBe(1);
  });

  it('picks up an update that was already waiting when the kiosk started watching', () => {
    let applied = 0;
    announceUpdateWaiting(() => (applied += 1));
    stop = applyUpdateWhenIdle(() => true);
    expect(applied).toBe(1);
  });

  it('does nothing after it is stopped', () => {
    let applied = 0;
    const stopWatching = applyUpdateWhenIdle(() => true);
    stopWatching();
    announceUpdateWaiting(() => (applied += 1));
    vi.advanceTimersByTime(60_000);
    expect(applied).toBe(0);
  });
});
