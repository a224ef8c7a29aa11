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
import type { Remembered, StoreCore } from './core.js';
import type { BranchStore } from './branches.js';

const ENROLLMENT_MINUTES = 15;

/** How long a device read by its token is remembered, at most (see `SESSION_CACHE_MS`). */
const DEVICE_CACHE_MS = 60_000;
/** "Last seen" for the devices screen is written at most this often per device. */
const SEEN_EVERY_MS = 60_000;

export class DeviceStore {
  /** Devices by token hash, with when this process last wrote their "last seen". */
  private readonly byHash: Remembered<{ device: Device; seenAt: number }>;

  constructor(
    private readonly store: StoreCore,
    private readonly branches: BranchStore,
  ) {
    this.byHash = store.remember();
  }

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

  /**
   * Whether this process remembers the device `token` stands for: then it is a device's
   * token (never also a session's: both are random), and its caller needs no session read.
   */
  remembers(token: string): boolean {
    return this.byHash.has(hashToken(token));
  }

  /** The enrolled, unrevoked device a token stands for. */
  async byToken(token: string): Promise<Device | undefined> {
    const found = await this.byHash.get(hashToken(token), async () => {
      const [row] = await this.store.query(
        'SELECT * FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
        [hashToken(token)],
      );
      if (!row) return undefined;
      const seenAt = row.last_seen_at == null ? 0 : new Date(iso(row.last_seen_at)).getTime();
      return { value: { device: toDevice(row), seenAt }, until: Date.now() + DEVICE_CACHE_MS };
    });
    if (!found) return undefined;
    // "Last seen" for the devices screen; at most one write a minute per device (per process).
    if (Date.now() - found.seenAt > SEEN_EVERY_MS) {
      found.seenAt = Date.now();
      this.store
        .query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [found.device.id])
        .catch(() => {});
    }
    return found.device;
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
    const [row, changed] = await this.store.db.transaction(async (tx) => {
      const [updated] = await tx.query('UPDATE devices SET zone = $2 WHERE id = $1 RETURNING *', [
        id,
        zone,
      ]);
      // A kiosk's zone goes with its requests: every process reads the device again.
      return [updated, await this.store.authChanged(tx)] as const;
    });
    await changed();
    return toDevice(row!);
  }

  async revoke(id: string): Promise<Device> {
    const row = await this.store.write(async (tx) => {
      const [found] = await tx.query(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *',
        [id],
      );
      if (!found) return undefined;
      await tx.query(
        'UPDATE sessions SET ended_at = now() WHERE device_id = $1 AND ended_at IS NULL',
        [id],
      );
      return { found, changed: await this.store.authChanged(tx) };
    });
    if (!row) throw notFound(`Device "${id}"`);
    // Answered once every process has forgotten the device and its sessions.
    await row.changed();
    return toDevice(row.found);
  }
}

function mustBeZoneOf(branch: Branch, zone: string): void {
  if (!(branch.zones ?? []).includes(zone))
    throw invalid(`zone "${zone}" is not one of the zones of branch "${branch.id}"`);
}
