// Notices to a branch's waiting patrons (docs/API.md, "Notices"): posted by its staff or the
// admin, shown on its kiosks and follow pages until `until` (a day at most), withdrawn by any
// of them. Each new or withdrawn notice is `event: notice` for the branch's staff and kiosks.
import { randomUUID } from 'node:crypto';
import type { Notice } from '../../shared/schemas.js';
import { notFound } from '../errors.js';
import type { Row, Sql } from './db.js';
import type { StoreCore } from './core.js';
import { iso } from './rows.js';

function toNotice(row: Row): Notice {
  return {
    id: String(row.id),
    branchId: String(row.branch_id),
    text: String(row.text),
    until: iso(row.until),
    by: String(row.by_name),
  };
}

export class NoticeStore {
  constructor(private readonly store: StoreCore) {}

  /** The branch's notices still showing, soonest to end first. */
  async current(branchId: string, sql: Sql = this.store.db): Promise<Notice[]> {
    const rows = await sql.query(
      `SELECT * FROM notices WHERE branch_id = $1 AND withdrawn_at IS NULL AND until > now()
        ORDER BY until, created_at`,
      [branchId],
    );
    return rows.map(toNotice);
  }

  async post(branchId: string, text: string, until: Date, by: string): Promise<Notice> {
    return this.store.write(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO notices (id, branch_id, text, until, by_name) VALUES ($1, $2, $3, $4, $5)
         RETURNING *`,
        [randomUUID(), branchId, text, until, by],
      );
      const notice = toNotice(row!);
      await tx.event({ kind: 'notice', branchId, kiosks: true, payload: { notice } });
      return notice;
    });
  }

  /** The notice `id` (to check who may withdraw it), or undefined. */
  async get(id: string): Promise<Notice | undefined> {
    const [row] = await this.store.query('SELECT * FROM notices WHERE id = $1', [id]);
    return row ? toNotice(row) : undefined;
  }

  /** Withdraws `id`; once only (a second withdrawal changes nothing and tells nobody). */
  async withdraw(id: string): Promise<void> {
    await this.store.write(async (tx) => {
      const [row] = await tx.query(
        `UPDATE notices SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL
         RETURNING *`,
        [id],
      );
      if (!row) {
        const [exists] = await tx.query('SELECT 1 FROM notices WHERE id = $1', [id]);
        if (!exists) throw notFound(`Notice "${id}"`);
        return;
      }
      const notice = toNotice(row);
      await tx.event({
        kind: 'notice',
        branchId: notice.branchId,
        kiosks: true,
        payload: { notice, withdrawn: true },
      });
    });
  }
}
