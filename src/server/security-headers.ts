// The security headers of every answer (docs/SECURITY.md "Headers"), worked out once by Helmet.
//
// @fastify/helmet builds Helmet's middleware afresh for every request (parsing the CSP's
// directives, naming each header) and runs it in two hooks: about a tenth of a millisecond of
// every call, for headers that never change. They depend on no request, so Helmet is run once,
// at start, against a recording response, and each answer gets the recorded headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers Helmet sets with `options`, by lower-case name. */
export function securityHeaders(
  options: Readonly<HelmetOptions>,
): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return recorder;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      failed = error;
    },
  );
  if (failed) throw failed;
  return Object.freeze(headers);
}
