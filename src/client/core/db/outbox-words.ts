// The outbox's words: each action's name and why one was refused. A kiosk needs them only when
// the server refuses its patron's request, so the outbox loads this module then, and the
// kiosk's first load does without it; the tablet's screens import it to list pending actions.
import { refusedRequest, type ApiError } from '../http.js';
import type { OutboxAction, OutboxEntry } from './db.js';
import { msg, str } from '../locale/msg.js';

/** Each action's name, as the outbox lists it. */
export function actionName(action: OutboxAction): string {
  switch (action) {
    case 'create':
      return msg('New request');
    case 'interaction':
      return msg('Answer given on the spot');
    case 'claim':
      return msg('Claim');
    case 'release':
      return msg('Release');
    case 'start':
      return msg('Start');
    case 'resolve':
      return msg('Resolve');
    case 'transfer':
      return msg('Hand-off');
    case 'cancel':
      return msg('Cancel');
    case 'page':
      return msg('Page');
    case 'here':
      return msg("I'm here");
    case 'feedback':
      return msg('Feedback');
  }
}

/** The words for a refused action, from the server's current request. */
export function describeRefusal(entry: OutboxEntry, error: ApiError): string {
  const request = refusedRequest(error);
  const ticket = request?.ticket;
  const holder = request?.claimedBy?.displayName;
  const why = error.message;
  if (entry.action === 'claim' && holder && request?.claimedBy?.id !== entry.actorId) {
    return ticket
      ? msg(str`${holder} got there first, so ticket ${ticket} is theirs.`)
      : msg(str`${holder} got there first, so this request is theirs.`);
  }
  if (request?.status === 'cancelled')
    return ticket
      ? msg(str`Ticket ${ticket} was cancelled, so it was not sent.`)
      : msg('This request was cancelled, so it was not sent.');
  if (request?.status === 'done')
    return ticket
      ? msg(str`Ticket ${ticket} was already resolved.`)
      : msg('This request was already resolved.');
  if (error.status === 401) return msg(str`Not sent: you were signed out. ${why}`);
  const action = actionName(entry.action);
  return ticket
    ? msg(str`${action} for ticket ${ticket} was not sent: ${why}`)
    : msg(str`${action} was not sent: ${why}`);
}
