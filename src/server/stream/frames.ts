// Server-Sent Events framing. Each event is serialized once per audience and the same string
// is written to every stream of that audience.
export function frame(event: string, data: unknown, id?: number): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  // JSON.stringify never emits a raw newline, so one `data:` line always suffices.
  return `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const PING = ': ping\n\n';
