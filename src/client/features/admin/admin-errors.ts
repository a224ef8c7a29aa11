// Turns whatever a supervisor call threw into one plain sentence to show on screen.
import type { ReactiveControllerHost } from 'lit';
import { AsyncAction, type AsyncActionOptions } from '../../core/async-action.js';
import { ApiError } from '../../core/http.js';
import { amount } from '../../core/words/time.js';
import { msg, str } from '../../core/locale/msg.js';

/** "45 seconds", "1 minute", "15 minutes": how long to wait after a 429. */
export function sayWait(seconds: number): string {
  if (seconds < 60) return amount(Math.max(1, Math.round(seconds)), 'second');
  return amount(Math.ceil(seconds / 60), 'minute');
}

/** True when the admin session has ended and the sign-in screen should come back. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * When `error` says the supervisor's sign-in has ended, fires `admin-session-ended` from `from`
 * (the admin view then shows the sign-in screen again) and answers true.
 */
export function leaveIfSignedOut(from: HTMLElement, error: unknown): boolean {
  if (!isSignedOut(error)) return false;
  from.dispatchEvent(new CustomEvent('admin-session-ended', { bubbles: true, composed: true }));
  return true;
}

/**
 * One sentence for a failed call. `doing` completes "We couldn't ..." (for example
 * "add Sam") so the supervisor knows which action failed.
 */
export function sayAdminError(error: unknown, doing: string): string {
  if (!(error instanceof ApiError))
    return msg(str`We couldn't ${doing}: something unexpected went wrong.`);
  const detail = error.message.replace(/\.$/, '');
  switch (error.code) {
    case 'offline':
      return msg(
        str`We couldn't ${doing}: the Rove server can't be reached. Check the connection and try again.`,
      );
    case 'unauthenticated':
      return msg('Your supervisor sign-in has ended. Please sign in again.');
    case 'forbidden':
      return msg(str`We couldn't ${doing}: this needs a supervisor sign-in.`);
    case 'not_found':
      return msg(str`We couldn't ${doing}: it no longer exists. The list has been refreshed.`);
    case 'conflict':
      return msg(str`We couldn't ${doing}: ${detail}.`);
    case 'invalid':
      return msg(str`We couldn't ${doing}. Please check the form: ${detail}.`);
    case 'too_large':
      return msg(str`We couldn't ${doing}: that is too long. Please shorten it.`);
    case 'rate_limited':
      return error.retryAfter
        ? msg(str`Too many tries. Please wait ${sayWait(error.retryAfter)} and try again.`)
        : msg('Too many tries. Please wait a little and try again.');
    default:
      return msg(
        str`We couldn't ${doing}: the server had a problem (${detail}). Please try again.`,
      );
  }
}

/**
 * The busy-and-error controller of a supervisor screen: a failure is said with
 * sayAdminError, and an ended sign-in hands back to the sign-in screen instead.
 */
export function adminAction(
  host: ReactiveControllerHost & HTMLElement,
  options?: AsyncActionOptions,
): AsyncAction {
  return new AsyncAction(
    host,
    (error, doing) => (leaveIfSignedOut(host, error) ? undefined : sayAdminError(error, doing)),
    options,
  );
}
