// What a request will look like once the actions waiting in the outbox reach the server: the
// views show this (marked pending), so a rover offline can claim and then start at once.
import type { OutboxAction, OutboxEntry } from './db.js';
import type { HelpRequest } from '../../../shared/schemas.js';

/** A request as the person should see it, with the actions not yet answered. */
export interface PendingView {
  request: HelpRequest;
  /** Queued actions on it, oldest first; empty when the server has everything. */
  pending: OutboxAction[];
}

/** Applies queued actions, in order, to the server's request (pure: no Dexie here). */
export function withPending(request: HelpRequest, entries: readonly OutboxEntry[]): PendingView {
  let shown: HelpRequest = request;
  for (const entry of entries) shown = applyOne(shown, entry);
  return { request: shown, pending: entries.map((e) => e.action) };
}

/** A kiosk's request that only exists in its outbox so far (no ticket until the server answers). */
export function provisionalRequest(entry: OutboxEntry, branchId: string): HelpRequest {
  const body = entry.body as { topicId?: string; name?: string; needs?: string[] };
  return {
    id: entry.requestId,
    branchId,
    ticket: '',
    topicId: body.topicId ?? '',
    skill: '',
    status: 'waiting',
    name: body.name,
    needs: body.needs ?? [],
    version: 0,
    createdAt: entry.createdAt,
  };
}

function applyOne(request: HelpRequest, entry: OutboxEntry): HelpRequest {
  const me = entry.actorId ? { id: entry.actorId, displayName: entry.actorName ?? '' } : undefined;
  switch (entry.action) {
    case 'claim':
      return request.status === 'waiting'
        ? { ...request, status: 'claimed', claimedBy: me }
        : request;
    case 'release':
      return { ...request, status: 'waiting', claimedBy: undefined };
    case 'start':
      return { ...request, status: 'serving' };
    case 'resolve':
      return { ...request, status: 'done' };
    case 'transfer': {
      const skill = typeof entry.body.skill === 'string' ? entry.body.skill : request.skill;
      return { ...request, status: 'waiting', skill, claimedBy: undefined };
    }
    case 'cancel':
      return { ...request, status: 'cancelled' };
    case 'create':
    case 'interaction':
      return request;
  }
}
