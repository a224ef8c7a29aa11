// A TCP port on 127.0.0.1 that nothing listens on, for a server or database a test starts.
import { createServer } from 'node:net';

/** Asks the system for a free port (listen on 0), then lets it go for the caller to take. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
