// A patron's follow link (docs/API.md, "Following on a phone"): a token made for the kiosk's
// answer, kept only as its SHA-256, that shows one request as the patron may see it and lets
// them answer a page, cancel and give feedback. Dead an hour after the request ends.
import { labelIn } from '../../shared/languages.js';
import type { FollowView } from '../../shared/schemas.js';
import { hashToken, newToken } from '../auth/secrets.js';
import type { Row, Sql } from './db.js';
import type { StoreCore } from './core.js';
import { placeIn, readLine, type BranchLine } from './line.js';
import { iso, kioskOf, startOfToday, toRequest } from './rows.js';
import { requestEvent } from './events.js';
import { wordsOf } from './words.js';

/** How long after its request ends a follow link still works. */
const FOLLOW_HOURS_AFTER = 1;

/** The request a live token stands for. */
export interface Followed {
  requestId: string;
  branchId: string;
  kioskId: string;
}

export class FollowStore {
  constructor(private readonly store: StoreCore) {}

  /** The patron opened their follow link for the first time: staff learn they may be nearby. */
  async markOpened(id: string): Promise<void> {
    await this.store.write(async (tx) => {
      const [row] = await tx.query(
        `UPDATE requests r SET followed_at = now() WHERE r.id = $1 AND r.followed_at IS NULL
         RETURNING r.*, ${wordsOf('r.id')} AS words`,
        [id],
      );
      if (row) await tx.event(requestEvent(toRequest(row), kioskOf(row)));
    });
  }

  /** A new token for `requestId` (a kiosk request); only its hash is kept. */
  async mint(requestId: string, token = newToken()): Promise<string> {
    await this.store.query('INSERT INTO follow_tokens (token_hash, request_id) VALUES ($1, $2)', [
      hashToken(token),
      requestId,
    ]);
    return token;
  }

  /** The request `token` follows, while the link lives; undefined for a dead or unknown one. */
  async resolve(token: string): Promise<Followed | undefined> {
    const [row] = await this.store.query(
      `SELECT r.id, r.branch_id, r.kiosk_id FROM follow_tokens f
         JOIN requests r ON r.id = f.request_id
        WHERE f.token_hash = $1 AND r.kiosk_id IS NOT NULL
          AND (r.closed_at IS NULL
               OR r.closed_at > now() - make_interval(hours => $2))`,
      [hashToken(token), FOLLOW_HOURS_AFTER],
    );
    if (!row) return undefined;
    return {
      requestId: String(row.id),
      branchId: String(row.branch_id),
      kioskId: String(row.kiosk_id),
    };
  }

  /**
   * What the patron's phone shows of `requestId`: no name, note, staff id or request id.
   * `line` is its branch's line when the caller has just read it (the stream hub, for every
   * follow link of the branch at once).
   */
  async view(requestId: string, sql: Sql = this.store.db, line?: BranchLine): Promise<FollowView> {
    const [row] = await sql.query(
      `SELECT r.*, t.label AS topic_label, t.labels AS topic_labels,
              EXISTS (SELECT 1 FROM feedback f WHERE f.request_id = r.id) AS has_feedback
         FROM requests r LEFT JOIN topics t ON t.branch_id = r.branch_id AND t.id = r.topic_id
        WHERE r.id = $1`,
      [requestId],
    );
    return followView(row!, await this.place(sql, row!, line));
  }

  /** Where a waiting request stands in its branch's line, as its kiosk is told. */
  private async place(sql: Sql, row: Row, known?: BranchLine): Promise<FollowView['place']> {
    if (row.status !== 'waiting') return null;
    const line = known ?? (await readLine(sql, String(row.branch_id), startOfToday()));
    const index = line.waiting.findIndex((waiting) => waiting.id === String(row.id));
    if (index < 0) return null;
    return placeIn(line, index);
  }
}

function followView(row: Row, place: FollowView['place']): FollowView {
  return {
    ticket: String(row.ticket),
    status: row.status as FollowView['status'],
    // In the language the patron asked in, where the supervisor wrote the topic in it.
    topicLabel:
      row.topic_label == null
        ? ''
        : labelIn(
            {
              label: String(row.topic_label),
              labels: (row.topic_labels as Record<string, string> | null) ?? {},
            },
            row.language == null ? undefined : String(row.language),
          ),
    claimedBy: row.claimed_by_name == null ? null : { displayName: String(row.claimed_by_name) },
    pagedAt: row.paged_at == null ? null : iso(row.paged_at),
    patronHereAt: row.patron_here_at == null ? null : iso(row.patron_here_at),
    place,
    version: Number(row.version),
    feedback: Boolean(row.has_feedback),
  };
}
