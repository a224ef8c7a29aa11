// Issue 15, memory per idle stream: once a stream is open, nothing keeps Fastify's request and
// reply for it. Fastify's end-of-response listener held both, with a child logger, for as long
// as the stream stayed open. Counted with the inspector's queryObjects, which is what DevTools'
// queryObjects() does: a full garbage collection, then every object whose prototype chain holds
// Fastify's Reply.prototype. One store is enough: this is the HTTP layer's memory, not the store's.
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../../support/server.js';
import type { SseStream } from '../../support/sse.js';

const Reply = createRequire(import.meta.url)('fastify/lib/reply.js') as { prototype: object };

/** How many objects in this process have Fastify's Reply.prototype in their chain, after a GC. */
async function livingReplies(session: Session): Promise<number> {
  (globalThis as Record<string, unknown>).__roveReplyPrototype = Reply.prototype;
  const { result } = await session.post('Runtime.evaluate', {
    expression: 'globalThis.__roveReplyPrototype',
    objectGroup: 'rove-count',
  });
  // Not in @types/node's list of inspector methods, though Node has it.
  const { objects } = (await session.post(
    'Runtime.queryObjects' as 'Runtime.evaluate',
    {
      prototypeObjectId: result.objectId!,
      objectGroup: 'rove-count',
    } as never,
  )) as unknown as { objects: { objectId?: string } };
  const { result: count } = await session.post('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await session.post('Runtime.releaseObjectGroup', { objectGroup: 'rove-count' });
  return count.value as number;
}

describe('an open stream holds no Fastify request or reply', () => {
  const server = new TestServer('pglite');
  const session = new Session();
  beforeAll(async () => {
    await server.start();
    session.connect();
  });
  afterAll(async () => {
    session.disconnect();
    await server.close();
  });

  it('staff and kiosk streams, past their snapshot', async () => {
    const scene = await server.scene();
    const before = await livingReplies(session);
    const streams: SseStream[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        streams.push(
          await server.openStream(`/api/branches/${scene.branchId}/events`, {
            token: scene.rover.token,
          }),
          await server.openStream('/api/kiosk/events', { token: scene.kiosk.token }),
        );
      }
      for (const stream of streams) {
        expect(stream.status).toBe(200);
        await stream.next('snapshot');
      }
      // Eight streams open: none of their replies is still alive.
      expect(await livingReplies(session)).toBeLessThan(before + streams.length);
      expect(await livingReplies(session)).toBe(before);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
