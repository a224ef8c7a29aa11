// The store: one SQL implementation over a `Db` (PGlite or PostgreSQL), split by resource. Each
// part takes the core (core.ts: the database, the event log, `write()`) and the peers it needs.
import type { Db } from './db.js';
import { AccountStore } from './accounts.js';
import { BranchStore } from './branches.js';
import { StoreCore } from './core.js';
import { DeviceStore } from './devices.js';
import { EscalationStore } from './escalation.js';
import { FeedbackStore } from './feedback.js';
import { migrate } from './migrate.js';
import { PresenceStore } from './presence.js';
import { NoticeStore } from './notices.js';
import { FollowStore } from './follow.js';
import { ReportStore } from './report.js';
import { RequestStore } from './requests.js';
import { ScriptStore } from './scripts.js';
import { seed } from './seed.js';
import { StaffStore } from './staff.js';

export type { Tx } from './core.js';

/** The migration that moved patrons' words into `patron_words`. */
const WORDS_MIGRATION = '0008_patron_words';

export class Store extends StoreCore {
  readonly accounts: AccountStore;
  readonly branches: BranchStore;
  readonly requests: RequestStore;
  readonly escalation: EscalationStore;
  readonly feedback: FeedbackStore;
  readonly presence: PresenceStore;
  readonly notices: NoticeStore;
  readonly follow: FollowStore;
  readonly reports: ReportStore;
  readonly devices: DeviceStore;
  readonly staff: StaffStore;
  readonly scripts: ScriptStore;

  constructor(db: Db) {
    super(db);
    this.accounts = new AccountStore(this);
    this.branches = new BranchStore(this);
    this.presence = new PresenceStore(this);
    this.notices = new NoticeStore(this);
    this.follow = new FollowStore(this);
    this.requests = new RequestStore(this, this.branches, this.presence);
    this.escalation = new EscalationStore(this);
    this.feedback = new FeedbackStore(this);
    this.reports = new ReportStore(this);
    this.devices = new DeviceStore(this, this.branches);
    this.staff = new StaffStore(this, this.branches, this.accounts);
    this.scripts = new ScriptStore(this);
  }

  /** Migrates and seeds; safe on every start and from several processes at once. */
  async prepare(): Promise<string[]> {
    const applied = await migrate(this.db);
    // Patrons' words just moved out of these tables: rewrite them once so no old row version
    // keeps a copy in their files.
    if (applied.includes(WORDS_MIGRATION)) {
      for (const table of ['requests', 'events', 'ops']) await this.db.exec(`VACUUM FULL ${table}`);
    }
    await this.write((tx) => seed(tx));
    return applied;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
