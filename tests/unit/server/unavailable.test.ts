// Which errors mean "the store cannot answer just now" (503 `unavailable`, docs/API.md,
// "Errors") and which are bugs or refusals that keep their own answers. The protocol tests
// (store-faults.test.ts) stop PostgreSQL, hold its pool and fill PGlite's disk for real; a
// PostgreSQL whose own disk fills is classified here, by the SQLSTATE it sends.
import { describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/server/store/unavailable.js';

/** An error as node-postgres hands one over: the server's SQLSTATE in `code`. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** An error as Node hands one over for a socket or a file. */
function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno: code });
}

describe('unavailableReason', () => {
  it.each([
    ['PostgreSQL out of disk', pgError('53100', 'could not extend file: No space left on device')],
    ['PostgreSQL out of connections', pgError('53300', 'too many connections for role')],
    [
      'PostgreSQL shutting down',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up', pgError('57P03', 'the database system is starting up')],
    ['PostgreSQL connection lost', pgError('08006', 'connection failure')],
    ['a read-only standby', pgError('25006', 'cannot execute INSERT in a read-only transaction')],
    ['an I/O error', pgError('58030', 'could not write to file')],
    ['connection refused', systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a full disk under PGlite', systemError('ENOSPC', 'no space left on device, write')],
    ['a read-only disk under PGlite', systemError('EROFS', 'read-only file system, open')],
    ['the pool waiting past its timeout', new Error('timeout exceeded when trying to connect')],
    ['a connection ended under a query', new Error('Connection terminated unexpectedly')],
    [
      'IPv4 and IPv6 both refused',
      new AggregateError([
        systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'),
        systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      ]),
    ],
  ])('%s is unavailable', (_what, error) => {
    expect(unavailableReason(error)).toEqual(expect.any(String));
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a serialization failure', pgError('40001', 'could not serialize access')],
    ['a missing table (a bug)', pgError('42P01', 'relation "nope" does not exist')],
    ['a bug in our code', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a file that is not there', systemError('ENOENT', 'no such file or directory')],
    ['not an Error at all', 'ECONNREFUSED'],
  ])('%s is not', (_what, error) => {
    expect(unavailableReason(error)).toBeUndefined();
  });
});
