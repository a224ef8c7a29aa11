// Admin accounts, the first-start setup token, and sessions (admin and staff). Tokens are
// kept only as SHA-256 and survive restarts; a staff session is bound to the tablet it was
// made on, so revoking that tablet or deactivating that person ends it.
import type { Device } from '../../shared/schemas.js';
import { unauthenticated } from '../errors.js';
import { hashSecret, hashToken, newToken, verifySecret } from '../auth/secrets.js';
import type { Sql } from './db.js';
import { iso, toDevice } from './rows.js';
import type { Remembered, StoreCore } from './core.js';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_SESSION_HOURS = 12;
/** A long shift and then some: a rover signs in once a day. */
export const STAFF_SESSION_HOURS = 16;

export interface SessionStaff {
  id: string;
  displayName: string;
  skills: string[];
  branchIds: string[];
}

export type StoredSession =
  | { role: 'admin'; tokenHash: string; username: string }
  | { role: 'staff'; tokenHash: string; staff: SessionStaff; device: Device };

/** A hash no password has, so a wrong username costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;

/**
 * How long a session read from the store is remembered, at most (never past its expiry).
 * Every call carries a token, and reading its session was one of the few statements of a
 * claim. A sign-out, revocation or staff change, made through any process, forgets every
 * remembered session in every process at once (`StoreCore.authChanged`); a process that
 * cannot hear other processes' changes (its PostgreSQL listener is down) remembers none.
 */
export const SESSION_CACHE_MS = 60_000;

export class AccountStore {
  private readonly sessions: Remembered<StoredSession>;

  constructor(private readonly store: StoreCore) {
    this.sessions = store.remember<StoredSession>();
  }

  async adminExists(): Promise<boolean> {
    return (await this.store.query('SELECT 1 FROM admins LIMIT 1')).length > 0;
  }

  /** Creates user `admin` on a store with no admin; does nothing otherwise. */
  async ensureAdmin(password: string): Promise<boolean> {
    if (await this.adminExists()) return false;
    const hash = await hashSecret(password);
    const made = await this.store.query(
      `INSERT INTO admins (username, password_hash) SELECT $1, $2
       WHERE NOT EXISTS (SELECT 1 FROM admins) ON CONFLICT DO NOTHING RETURNING username`,
      [ADMIN_USERNAME, hash],
    );
    return made.length > 0;
  }

  /** A fresh one-time setup token when there is no admin yet (older links stop working). */
  async newSetupToken(): Promise<string | undefined> {
    if (await this.adminExists()) return undefined;
    const token = newToken();
    await this.store.write(async (tx) => {
      await tx.query('DELETE FROM setup_tokens');
      await tx.query('INSERT INTO setup_tokens (token_hash) VALUES ($1)', [hashToken(token)]);
    });
    return token;
  }

  /** Creates the admin with `password` if `setupToken` is the live one; returns a session token. */
  async completeSetup(setupToken: string, password: string): Promise<string> {
    const hash = await hashSecret(password);
    const made = await this.store.write(async (tx) => {
      const used = await tx.query(
        'DELETE FROM setup_tokens WHERE token_hash = $1 RETURNING token_hash',
        [hashToken(setupToken)],
      );
      if (used.length === 0) return false;
      const admin = await tx.query(
        `INSERT INTO admins (username, password_hash) SELECT $1, $2
         WHERE NOT EXISTS (SELECT 1 FROM admins) RETURNING username`,
        [ADMIN_USERNAME, hash],
      );
      return admin.length > 0;
    });
    if (!made) throw unauthenticated('This setup link has already been used or is no longer valid');
    return this.createAdminSession(ADMIN_USERNAME);
  }

  async checkAdminPassword(username: string, password: string): Promise<boolean> {
    return (await this.adminPasswordHash(username, password)) !== undefined;
  }

  /** The stored hash of `username`'s password when `password` is it; undefined otherwise. */
  private async adminPasswordHash(username: string, password: string): Promise<string | undefined> {
    const [row] = await this.store.query<{ password_hash: string }>(
      'SELECT password_hash FROM admins WHERE username = $1',
      [username],
    );
    if (!row) {
      dummyHash ??= hashSecret(newToken());
      await verifySecret(password, await dummyHash);
      return undefined;
    }
    return (await verifySecret(password, row.password_hash)) ? row.password_hash : undefined;
  }

  /**
   * Gives `username` the password `next` if `current` is its password, and ends every other
   * session of that admin (`keep` stays), so whoever else knew the old password is signed out.
   * Answers false, changing nothing, when `current` is wrong or another change got in since it
   * was checked: the new hash is written only over the very hash `current` matched, so of
   * several changes at once exactly one wins.
   */
  async changeAdminPassword(
    username: string,
    current: string,
    next: string,
    keep: string,
  ): Promise<boolean> {
    const old = await this.adminPasswordHash(username, current);
    if (old === undefined) return false;
    const hash = await hashSecret(next);
    const changed = await this.store.db.transaction(async (tx) => {
      const updated = await tx.query(
        `UPDATE admins SET password_hash = $3 WHERE username = $1 AND password_hash = $2
         RETURNING username`,
        [username, old, hash],
      );
      if (updated.length === 0) return undefined;
      await tx.query(
        `UPDATE sessions SET ended_at = now()
          WHERE role = 'admin' AND admin_username = $1 AND token_hash <> $2 AND ended_at IS NULL`,
        [username, keep],
      );
      return this.store.authChanged(tx);
    });
    if (!changed) return false;
    await changed();
    return true;
  }

  async createAdminSession(username: string): Promise<string> {
    const token = newToken();
    await this.store.query(
      `INSERT INTO sessions (token_hash, role, admin_username, expires_at)
       VALUES ($1, 'admin', $2, now() + make_interval(hours => $3))`,
      [hashToken(token), username, ADMIN_SESSION_HOURS],
    );
    return token;
  }

  async createStaffSession(staffId: string, deviceId: string): Promise<string> {
    const token = newToken();
    await this.store.query(
      `INSERT INTO sessions (token_hash, role, staff_id, device_id, expires_at)
       VALUES ($1, 'staff', $2, $3, now() + make_interval(hours => $4))`,
      [hashToken(token), staffId, deviceId, STAFF_SESSION_HOURS],
    );
    return token;
  }

  /** The live session a token stands for, or undefined (unknown, ended, expired, revoked). */
  async session(token: string): Promise<StoredSession | undefined> {
    const tokenHash = hashToken(token);
    return this.sessions.get(tokenHash, () => this.readSession(tokenHash));
  }

  private async readSession(
    tokenHash: string,
  ): Promise<{ value: StoredSession; until: number } | undefined> {
    const [row] = await this.store.query(
      `SELECT s.role, s.admin_username, s.expires_at,
              st.id AS staff_id, st.display_name, st.skills, st.active,
              (SELECT COALESCE(jsonb_agg(sb.branch_id ORDER BY sb.branch_id), '[]'::jsonb)
                 FROM staff_branches sb WHERE sb.staff_id = st.id) AS branch_ids,
              d.id, d.kind, d.branch_id, d.label, d.enrolled_at, d.last_seen_at, d.revoked_at
         FROM sessions s
         LEFT JOIN staff st ON st.id = s.staff_id
         LEFT JOIN devices d ON d.id = s.device_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()`,
      [tokenHash],
    );
    if (!row) return undefined;
    const until = Math.min(Date.now() + SESSION_CACHE_MS, new Date(iso(row.expires_at)).getTime());
    if (row.role === 'admin')
      return { value: { role: 'admin', tokenHash, username: String(row.admin_username) }, until };
    if (!row.active || row.id == null || row.revoked_at != null) return undefined;
    const value: StoredSession = {
      role: 'staff',
      tokenHash,
      staff: {
        id: String(row.staff_id),
        displayName: String(row.display_name),
        skills: row.skills as string[],
        branchIds: row.branch_ids as string[],
      },
      device: toDevice(row),
    };
    return { value, until };
  }

  /**
   * Of the streams' holders, those still allowed: staff sessions as `tokenHash branchId` (the
   * session is live, not expired, its person active and still of that branch, its tablet not
   * revoked), admin sessions by `tokenHash` (live, not expired) and kiosks by device id (not
   * revoked). What is missing has lost its grant. `runsOutAt` is when the first of the allowed
   * sessions expires (ms since the epoch), if any.
   */
  async stillAllowed(
    sessionHashes: readonly string[],
    kioskIds: readonly string[],
  ): Promise<{
    staff: Set<string>;
    admins: Set<string>;
    kiosks: Set<string>;
    runsOutAt?: number;
  }> {
    const staff = new Set<string>();
    const admins = new Set<string>();
    const kiosks = new Set<string>();
    let runsOutAt: number | undefined;
    const expires = (at: unknown) => {
      const ms = new Date(iso(at)).getTime();
      runsOutAt = runsOutAt === undefined ? ms : Math.min(runsOutAt, ms);
    };
    if (sessionHashes.length) {
      const adminRows = await this.store.query<{ token_hash: string; expires_at: unknown }>(
        `SELECT token_hash, expires_at FROM sessions
          WHERE token_hash = ANY($1::text[]) AND role = 'admin' AND ended_at IS NULL
            AND expires_at > now()`,
        [sessionHashes],
      );
      for (const row of adminRows) {
        admins.add(row.token_hash);
        expires(row.expires_at);
      }
      const rows = await this.store.query<{
        token_hash: string;
        branch_id: string;
        expires_at: unknown;
      }>(
        `SELECT s.token_hash, sb.branch_id, s.expires_at FROM sessions s
           JOIN staff st ON st.id = s.staff_id AND st.active
           JOIN devices d ON d.id = s.device_id AND d.revoked_at IS NULL
           JOIN staff_branches sb ON sb.staff_id = st.id
          WHERE s.token_hash = ANY($1::text[]) AND s.ended_at IS NULL AND s.expires_at > now()`,
        [sessionHashes],
      );
      for (const row of rows) {
        staff.add(`${row.token_hash} ${row.branch_id}`);
        expires(row.expires_at);
      }
    }
    if (kioskIds.length) {
      const rows = await this.store.query<{ id: string }>(
        'SELECT id FROM devices WHERE id = ANY($1::text[]) AND revoked_at IS NULL',
        [kioskIds],
      );
      for (const row of rows) kiosks.add(row.id);
    }
    return { staff, admins, kiosks, runsOutAt };
  }

  /** Ends every live session of a staff member (a new PIN, deactivation). */
  async endSessionsOf(tx: Sql, staffId: string): Promise<void> {
    await tx.query(
      'UPDATE sessions SET ended_at = now() WHERE staff_id = $1 AND ended_at IS NULL',
      [staffId],
    );
  }

  async endSession(tokenHash: string): Promise<void> {
    const ended = await this.store.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL',
        [tokenHash],
      );
      return this.store.authChanged(tx);
    });
    await ended();
  }
}
