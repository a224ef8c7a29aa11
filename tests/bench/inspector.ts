// The soak's memory reading: the server under test runs with `--inspect=127.0.0.1:0`, and this
// speaks the inspector protocol (Chrome DevTools Protocol over a WebSocket) to it: a full GC
// (`HeapProfiler.collectGarbage`, twice), then `process.memoryUsage().rss` read inside the
// server. Nothing is added to the server itself. Node 20 has WebSocket only behind
// `--experimental-websocket`, which `npm run soak` passes (scripts/soak.mjs); no dependency.

/** The inspector's address from the server's output ("Debugger listening on ws://..."). */
export function inspectorUrl(output: string): string | undefined {
  const found = /Debugger listening on (ws:\/\/\S+)/.exec(output);
  return found?.[1];
}

/** Full GC in the server, then its resident memory in KiB as the server itself reads it. */
export async function rssAfterGcKb(url: string, timeoutMs = 30_000): Promise<number> {
  if (typeof WebSocket !== 'function') {
    throw new Error('WebSocket is missing: run the soak with node --experimental-websocket');
  }
  const socket = new WebSocket(url);
  const pending = new Map<number, (message: InspectorAnswer) => void>();
  let next = 0;
  const timer = setTimeout(() => socket.close(), timeoutMs);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`no inspector at ${url}`)), {
        once: true,
      });
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      const message = JSON.parse(String(event.data)) as InspectorAnswer;
      if (message.id !== undefined) pending.get(message.id)?.(message);
    });
    const send = (method: string, params?: object) =>
      new Promise<InspectorAnswer>((resolve, reject) => {
        const id = ++next;
        pending.set(id, resolve);
        socket.addEventListener('close', () => reject(new Error(`inspector closed: ${method}`)), {
          once: true,
        });
        socket.send(JSON.stringify({ id, method, params }));
      });
    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const answer = await send('Runtime.evaluate', {
      expression: 'process.memoryUsage().rss',
      returnByValue: true,
    });
    const rss = answer.result?.result?.value;
    if (typeof rss !== 'number') throw new Error(`inspector answered ${JSON.stringify(answer)}`);
    return Math.round(rss / 1024);
  } finally {
    clearTimeout(timer);
    socket.close();
  }
}

interface InspectorAnswer {
  id?: number;
  result?: { result?: { value?: unknown } };
  error?: unknown;
}
