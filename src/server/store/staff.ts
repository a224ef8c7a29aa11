// Staff members, the branches they work in, and PIN sign-in on a tablet with a lock-out:
// after MAX_WRONG_PINS wrong PINs in a row, that person's sign-in is refused for LOCK_MINUTES.
import { randomUUID } from 'node:crypto';
import type { Device, StaffMember, StaffName } from '../../shared/schemas.js';
import { forbidden, notFound, rateLimited, unauthenticated } from '../errors.js';
import { hashSecret, verifySecret } from '../auth/secrets.js';
import type { Row } from './db.js';
import type { StoreCore, Tx } from './core.js';
import type { AccountStore } from './accounts.js';
import type { BranchStore } from './branches.js';

export const MAX_WRONG_PINS = 10;
const LOCK_MINUTES = 15;

export interface NewStaff {
  displayName: string;
  pin: string;
  skills: string[];
  /** BCP 47 tags; none when not given. */
  languages?: string[];
  branchIds: string[];
}

type StaffPatch = Partial<NewStaff> & { active?: boolean };

const SELECT_STAFF = `SELECT st.*,
    (SELECT COALESCE(jsonb_agg(sb.branch_id ORDER BY sb.branch_id), '[]'::jsonb)
       FROM staff_branches sb WHERE sb.staff_id = st.id) AS branch_ids
  FROM staff st`;

function toMember(row: Row): StaffMember {
  return {
    id: String(row.id),
    displayName: String(row.display_name),
    skills: row.skills as string[],
    languages: (row.languages as string[] | null) ?? [],
    branchIds: row.branch_ids as string[],
    active: Boolean(row.active),
  };
}

export class StaffStore {
  constructor(
    private readonly store: StoreCore,
    private readonly branches: BranchStore,
    private readonly accounts: AccountStore,
  ) {}

  async list(): Promise<StaffMember[]> {
    const rows = await this.store.query(`${SELECT_STAFF} ORDER BY lower(st.display_name), st.id`);
    return rows.map(toMember);
  }

  /** Active staff who work at `branchId`, for a tablet's sign-in screen. */
  async namesAt(branchId: string): Promise<StaffName[]> {
    const rows = await this.store.query(
      `SELECT st.id, st.display_name, st.skills FROM staff st
         JOIN staff_branches sb ON sb.staff_id = st.id AND sb.branch_id = $1
        WHERE st.active ORDER BY lower(st.display_name), st.id`,
      [branchId],
    );
    return rows.map((row) => ({
      id: String(row.id),
      displayName: String(row.display_name),
      skills: row.skills as string[],
    }));
  }

  async get(id: string): Promise<StaffMember | undefined> {
    const [row] = await this.store.query(`${SELECT_STAFF} WHERE st.id = $1`, [id]);
    return row ? toMember(row) : undefined;
  }

  async create(input: NewStaff): Promise<StaffMember> {
    await this.checkReferences(input);
    const id = randomUUID();
    const pinHash = await hashSecret(input.pin);
    await this.store.write(async (tx) => {
      await tx.query(
        `INSERT INTO staff (id, display_name, pin_hash, skills, languages)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
        [
          id,
          input.displayName,
          pinHash,
          JSON.stringify(input.skills),
          JSON.stringify(input.languages ?? []),
        ],
      );
      await this.setBranches(tx, id, input.branchIds);
    });
    return (await this.get(id))!;
  }

  async update(id: string, patch: StaffPatch): Promise<StaffMember> {
    // What the person has already they keep, a retired skill too.
    await this.checkReferences(patch, patch.skills ? ((await this.get(id))?.skills ?? []) : []);
    const pinHash = patch.pin === undefined ? null : await hashSecret(patch.pin);
    const found = await this.store.write(async (tx) => {
      const [row] = await tx.query(
        `UPDATE staff SET display_name = COALESCE($2, display_name),
           skills = COALESCE($3::jsonb, skills), active = COALESCE($4, active),
           pin_hash = COALESCE($5, pin_hash),
           failed_pins = CASE WHEN $5::text IS NULL THEN failed_pins ELSE 0 END,
           locked_until = CASE WHEN $5::text IS NULL THEN locked_until ELSE NULL END,
           languages = COALESCE($6::jsonb, languages)
         WHERE id = $1 RETURNING id`,
        [
          id,
          patch.displayName ?? null,
          patch.skills === undefined ? null : JSON.stringify(patch.skills),
          patch.active ?? null,
          pinHash,
          patch.languages === undefined ? null : JSON.stringify(patch.languages),
        ],
      );
      if (!row) return undefined;
      if (patch.branchIds) await this.setBranches(tx, id, patch.branchIds);
      // Deactivated, or a new PIN (the old one may be known to someone): every sign-in ends.
      if (patch.active === false || pinHash !== null) await this.accounts.endSessionsOf(tx, id);
      // Name, skills, branches or active: every process reads its sessions again.
      return this.store.authChanged(tx);
    });
    if (!found) throw notFound(`Staff member "${id}"`);
    await found();
    return (await this.get(id))!;
  }

  /**
   * Checks a PIN typed on `tablet`. Wrong: 401, and the MAX_WRONG_PINS-th wrong one in a row
   * locks sign-in (429 with Retry-After until it lifts). Right: resets the count.
   *
   * Each guess is counted as wrong before its (slow) check, in one UPDATE that only a person
   * who is not locked out passes: however many guesses arrive at once, on however many server
   * processes, at most MAX_WRONG_PINS of them are checked. A right PIN then clears the count.
   */
  async signIn(tablet: Device, staffId: string, pin: string): Promise<StaffName> {
    const [row] = await this.store.query(
      `SELECT st.id, st.display_name, st.skills, st.active,
         EXISTS (SELECT 1 FROM staff_branches sb WHERE sb.staff_id = st.id AND sb.branch_id = $2) AS works_here
       FROM staff st WHERE st.id = $1`,
      [staffId, tablet.branchId],
    );
    if (!row) throw notFound(`Staff member "${staffId}"`);
    if (!row.active) throw forbidden('This person can no longer sign in; ask a supervisor');
    if (!row.works_here)
      throw forbidden('This person does not work at the branch this tablet belongs to');

    const [reserved] = await this.store.query<{ pin_hash: string }>(
      // A lock that has run out starts the count again. Every value comes from the row
      // itself (not a subquery), so on PostgreSQL a guess that waited for another's row lock
      // counts on from that one's result.
      `UPDATE staff SET
           failed_pins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_pins + 1 END,
           locked_until = CASE
             WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_pins + 1 END) >= $2
             THEN now() + make_interval(mins => $3) END
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
       RETURNING pin_hash`,
      [staffId, MAX_WRONG_PINS, LOCK_MINUTES],
    );
    if (!reserved) {
      const [lock] = await this.store.query(
        'SELECT EXTRACT(EPOCH FROM (locked_until - now())) AS locked_for FROM staff WHERE id = $1',
        [staffId],
      );
      throw rateLimited(
        'Too many wrong PINs: sign-in is paused for a while',
        Math.max(1, Number(lock?.locked_for ?? 1)),
      );
    }
    if (!(await verifySecret(pin, reserved.pin_hash)))
      throw unauthenticated('That PIN is not right');
    await this.store.query('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = $1', [
      staffId,
    ]);
    return {
      id: String(row.id),
      displayName: String(row.display_name),
      skills: row.skills as string[],
    };
  }

  /** Unknown skills or branches are 404; a retired skill not among `held` is 409. */
  private async checkReferences(
    input: Partial<NewStaff>,
    held: readonly string[] = [],
  ): Promise<void> {
    if (input.skills) await this.branches.mustGiveSkills(input.skills, held);
    for (const branchId of input.branchIds ?? []) await this.branches.mustExist(branchId);
  }

  private async setBranches(tx: Tx, staffId: string, branchIds: readonly string[]): Promise<void> {
    await tx.query('DELETE FROM staff_branches WHERE staff_id = $1', [staffId]);
    for (const branchId of branchIds) {
      await tx.query('INSERT INTO staff_branches (staff_id, branch_id) VALUES ($1, $2)', [
        staffId,
        branchId,
      ]);
    }
  }
}
