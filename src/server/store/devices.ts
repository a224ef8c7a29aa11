// Device enrollment: an admin makes a one-time code (15 minutes), a kiosk or tablet trades it
// for a long-lived device token bound to one branch and kind. Revoking ends the device's token
// and every staff session made on it.
import { randomUUID } from 'node:crypto';
import type { Branch, Device, DeviceKind } from '../../shared/schemas.js';
import { invalid, notFound, unauthenticated } from '../errors.js';
import {
  hashToken,
  newEnrollmentCode,
  newToken,
  normalizeEnrollmentCode,
} from '../auth/secrets.js';
import { iso, toDevice } from './rows.js';
import type { StoreCore } from './core.js';
import type { AccountStore } from './accounts.js';
import type { BranchStore } from './branches.js';

export const ENROLLMENT_MINUTES = 15;

export class DeviceStore {
  constructor(
    private readonly store: StoreCore,
    private readonly branches: BranchStore,
    private readonly accounts: AccountStore,
  ) {}

  async createEnrollment(
    branchId: string,
    kind: DeviceKind,
    label: string,
    zone?: string,
  ): Promise<{ code: string; expiresAt: string }> {
    const branch = await this.branches.get(branchId);
    if (zone !== undefined) mustBeZoneOf(branch, zone);
    const code = newEnrollmentCode();
    const [row] = await this.store.query<{ expires_at: unknown }>(
      `INSERT INTO enrollments (code_hash, branch_id, kind, label, zone, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6)) RETURNING expires_at`,
      [hashToken(code), branchId, kind, label, zone ?? null, ENROLLMENT_MINUTES],
    );
    return { code, expiresAt: iso(row!.expires_at) };
  }

  /** Uses up `code` (once, before it expires) and enrolls a new device. */
  async enroll(code: string): Promise<{ token: string; device: Device }> {
    const token = newToken();
    const device = await this.store.write(async (tx) => {
      const [enrollment] = await tx.query(
        `UPDATE enrollments SET used_at = now()
          WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING branch_id, kind, label, zone`,
        [hashToken(normalizeEnrollmentCode(code))],
      );
      if (!enrollment) return undefined;
      const [row] = await tx.query(
        `INSERT INTO devices (id, kind, branch_id, label, zone, token_hash, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING *`,
        [
          randomUUID(),
          enrollment.kind,
          enrollment.branch_id,
          enrollment.label,
          enrollment.zone ?? null,
          hashToken(token),
        ],
      );
      return toDevice(row!);
    });
    if (!device) {
      throw unauthenticated(
        'This enrollment code is not valid: it may be mistyped, used already, or expired',
      );
    }
    return { token, device };
  }

  /** The enrolled, unrevoked device a token stands for. */
  async byToken(token: string): Promise<Device | undefined> {
    const [row] = await this.store.query(
      'SELECT * FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashToken(token)],
    );
    if (!row) return undefined;
    // "Last seen" for the devices screen; at most one write a minute per device.
    const stale =
      row.last_seen_at == null ||
      Date.now() - new Date(String(row.last_seen_at)).getTime() > 60_000;
    if (stale) {
      this.store
        .query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [row.id])
        .catch(() => {});
    }
    return toDevice(row);
  }

  async list(): Promise<Device[]> {
    const rows = await this.store.query('SELECT * FROM devices ORDER BY enrolled_at DESC, id');
    return rows.map(toDevice);
  }

  /** Sets where a device stands on the floor (one of its branch's zones), or clears it. */
  async setZone(id: string, zone: string | null): Promise<Device> {
    const [found] = await this.store.query('SELECT branch_id FROM devices WHERE id = $1', [id]);
    if (!found) throw notFound(`Device "${id}"`);
    if (zone !== null) mustBeZoneOf(await this.branches.get(String(found.branch_id)), zone);
    const [row] = await this.store.query('UPDATE devices SET zone = $2 WHERE id = $1 RETURNING *', [
      id,
      zone,
    ]);
    return toDevice(row!);
  }

  async revoke(id: string): Promise<Device> {
    const row = await this.store.write(async (tx) => {
      const [found] = await tx.query(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *',
        [id],
      );
      if (found) {
        await tx.query(
          'UPDATE sessions SET ended_at = now() WHERE device_id = $1 AND ended_at IS NULL',
          [id],
        );
      }
      return found;
    });
    this.accounts.forgetSessions();
    if (!row) throw notFound(`Device "${id}"`);
    return toDevice(row);
  }
}

function mustBeZoneOf(branch: Branch, zone: string): void {
  if (!(branch.zones ?? []).includes(zone))
    throw invalid(`zone "${zone}" is not one of the zones of branch "${branch.id}"`);
}
