// The event streams (SSE): staff of a branch, and a kiosk's own requests (the public scripts
// stream, in scripts.ts, opens the same way). Resume point from `Last-Event-ID` or, for a first
// EventSource connection that cannot set headers, `?lastEventId=`.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Id, Text } from '../../shared/schemas.js';
import { caller, requireKiosk, requireStaff } from '../auth/caller.js';
import type { Audience } from '../stream/connection.js';
import type { StreamSlots } from '../auth/limits.js';
import type { RouteModule, AppContext } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });
const StreamQuery = Type.Object({ lastEventId: Type.Optional(Text(20, { min: 0 })) });

/** A usable seq, or undefined (absent or not a number: the stream starts with a snapshot). */
function resumePoint(request: FastifyRequest): number | undefined {
  const query = request.query as { lastEventId?: string } | undefined;
  const raw = request.headers['last-event-id'] ?? query?.lastEventId;
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || !/^\d{1,15}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** Who holds a stream's slot, and which limit it counts against. */
interface StreamSlot {
  slots: StreamSlots;
  holder: string;
}

/**
 * Answers `request` with an event stream for `audience`, held open by the hub. The stream
 * first takes a slot of its holder (429 past the limit); its connection closing, however it
 * ends, gives the slot back.
 */
export async function openStream(
  { hub, config }: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  audience: Audience,
  lastEventId: number | undefined,
  { slots, holder }: StreamSlot,
): Promise<void> {
  const giveBack = slots.take(holder);
  reply.raw.once('close', giveBack);
  if (request.raw.socket.destroyed) giveBack();
  reply.hijack();
  const response = reply.raw;
  if (!logsRequests(config.logLevel)) letFastifyGo(response);
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and friends: pass events through as they come.
    'x-accel-buffering': 'no',
  });
  // How long a browser waits before reconnecting after the stream drops.
  response.write(`retry: ${Math.min(config.heartbeatMs, 5000)}\n\n`);
  try {
    await hub.open(audience, response, lastEventId);
  } catch (error) {
    request.log.error({ err: error }, 'could not open an event stream');
    response.end();
  }
}

/** Whether Fastify logs each request (LOG_LEVEL debug or trace; app.ts). */
const logsRequests = (level: string) => level === 'debug' || level === 'trace';

/**
 * Fastify keeps a listener on each response's `finish` and `error` that holds its request and
 * reply, with their child logger, until the response ends: for a stream, when its reader goes,
 * perhaps hours later. After `hijack()` that listener has nothing to do but log the request
 * (off unless LOG_LEVEL is debug or trace; Rove adds no onResponse hook), so the stream lets
 * it go, and an idle stream holds Node's socket and response and its Connection, not Fastify's
 * objects as well (issue 15: memory per idle stream).
 */
function letFastifyGo(response: ServerResponse): void {
  for (const event of ['finish', 'error'] as const) {
    for (const listener of response.listeners(event)) {
      if (listener.name === 'onResFinished') response.removeListener(event, listener as () => void);
    }
  }
}

export const eventRoutes: RouteModule = (app, context) => {
  const { store, limits } = context;

  app.get(
    '/api/branches/:branchId/events',
    { schema: { params: BranchParams, querystring: StreamQuery } },
    async (request, reply) => {
      const { branchId } = request.params;
      // An admin watches the floor of any branch (the supervisor's Floor screen).
      const who = await caller(store, request);
      let audience: Audience;
      if (who.session?.role === 'admin') {
        await store.branches.mustExist(branchId);
        audience = { kind: 'admin', branchId, sessionHash: who.session.tokenHash };
      } else {
        const { session } = await requireStaff(store, request, branchId);
        audience = {
          kind: 'staff',
          branchId,
          staffId: session.staff.id,
          deviceId: session.device.id,
          sessionHash: session.tokenHash,
        };
      }
      await openStream(context, request, reply, audience, resumePoint(request), {
        slots: limits.deviceStreams,
        holder: `session:${audience.sessionHash}`,
      });
    },
  );

  app.get('/api/kiosk/events', { schema: { querystring: StreamQuery } }, async (request, reply) => {
    const kiosk = await requireKiosk(store, request);
    const audience: Audience = { kind: 'kiosk', branchId: kiosk.branchId, deviceId: kiosk.id };
    await openStream(context, request, reply, audience, resumePoint(request), {
      slots: limits.deviceStreams,
      holder: `device:${kiosk.id}`,
    });
  });
};
