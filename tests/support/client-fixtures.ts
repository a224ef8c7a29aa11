// Help requests and staff as the server would send them, for the client data-layer tests.
import { helpRequestMaker } from './help-request.js';

/** Two staff members, as an outbox entry names its maker. */
export const sam = { id: 'staff-sam', displayName: 'Sam' };
export const lee = { id: 'staff-lee', displayName: 'Lee' };

/** A waiting request of branch `main`, with fields overridden by `fields`; each one newer. */
export const helpRequest = helpRequestMaker((n) =>
  new Date(Date.UTC(2025, 0, 1, 9, 0, n)).toISOString(),
);
