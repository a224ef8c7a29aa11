// Greeter scripts in SQL: every save is a new row in script_versions; `scripts` says which is
// newest (for optimistic concurrency) and which every device shows. Publishing writes the
// `script` event for all branches (branch_id NULL) in the same transaction. No HTTP here.
import { conflict, notFound } from '../errors.js';
import type { Row, Sql } from './db.js';
import { iso } from './rows.js';
import type { StoreCore } from './core.js';
import type { Script, ScriptContent, ScriptVersion } from '../../shared/scripts.js';
import { STARTER_SCRIPTS } from '../seed/scripts.js';

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Only the content fields, in a fixed order, whatever else a body carried. */
export function contentOf(body: ScriptContent): ScriptContent {
  const content: ScriptContent = {
    title: body.title,
    purpose: body.purpose,
    tags: body.tags,
    topicIds: body.topicIds,
    steps: body.steps.map((s) => ({
      text: s.text,
      phrases: s.phrases,
      ...(s.offer ? { offer: s.offer } : {}),
    })),
  };
  if (body.levels) content.levels = { ...body.levels };
  return content;
}

function toScript(row: Row): Script {
  const content = contentOf(json(row.content) as ScriptContent);
  const script: Script = {
    id: String(row.id),
    ...content,
    version: Number(row.version),
    latestVersion: Number(row.latest_version),
    updatedAt: iso(row.saved_at),
  };
  if (row.published_version != null) script.publishedVersion = Number(row.published_version);
  if (row.published_at != null) script.publishedAt = iso(row.published_at);
  return script;
}

// `which`: the column naming the version to join (published or newest).
const SELECT = (which: 'published_version' | 'latest_version') => `
  SELECT s.id, s.latest_version, s.published_version, s.published_at,
         v.version, v.content, v.saved_at
    FROM scripts s
    JOIN script_versions v ON v.script_id = s.id AND v.version = s.${which}`;

async function readScript(sql: Sql, id: string, draft: boolean): Promise<Script | undefined> {
  const rows = await sql.query(
    `${SELECT(draft ? 'latest_version' : 'published_version')} WHERE s.id = $1`,
    [id],
  );
  return rows[0] && toScript(rows[0]);
}

async function insertVersion(
  tx: Sql,
  id: string,
  version: number,
  content: ScriptContent,
  savedBy: string,
) {
  await tx.query(
    `INSERT INTO script_versions (script_id, version, content, saved_by)
     VALUES ($1, $2, $3::jsonb, $4)`,
    [id, version, JSON.stringify(contentOf(content)), savedBy],
  );
}

/** Locks the script's row for this transaction; 404 when missing, 409 when `basedOn` is stale. */
async function lockScript(tx: Sql, id: string, basedOn: number | undefined) {
  const [row] = await tx.query('SELECT latest_version FROM scripts WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw notFound(`Script "${id}"`);
  const latest = Number(row.latest_version);
  if (basedOn !== undefined && basedOn !== latest) {
    throw conflict(
      `The script was saved again since version ${basedOn}: it is now at version ${latest}`,
    );
  }
  return latest;
}

async function saveNewVersion(tx: Sql, id: string, content: ScriptContent, savedBy: string) {
  const [row] = await tx.query(
    `UPDATE scripts SET latest_version = latest_version + 1, updated_at = now()
      WHERE id = $1 RETURNING latest_version`,
    [id],
  );
  await insertVersion(tx, id, Number(row!.latest_version), content, savedBy);
  return (await readScript(tx, id, true))!;
}

export class ScriptStore {
  constructor(private readonly store: StoreCore) {}

  /** Every published script at its published version, by title. */
  async listPublished(): Promise<Script[]> {
    const rows = await this.store.query(
      `${SELECT('published_version')} ORDER BY v.content->>'title', s.id`,
    );
    return rows.map(toScript);
  }

  /**
   * The public scripts stream's first event: every published script and the log's seq, read
   * in one snapshot, so the events after `seq` are exactly the changes the list lacks.
   */
  publishedSnapshot(): Promise<{ seq: number; scripts: Script[] }> {
    return this.store.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const rows = await tx.query(
        `${SELECT('published_version')} ORDER BY v.content->>'title', s.id`,
      );
      return { seq: await this.store.log.lastSeq(tx), scripts: rows.map(toScript) };
    });
  }

  /** Every script at its newest version, published or not (the supervisor's list). */
  async listDrafts(): Promise<Script[]> {
    const rows = await this.store.query(
      `${SELECT('latest_version')} ORDER BY v.content->>'title', s.id`,
    );
    return rows.map(toScript);
  }

  /** One script at its published version, or (`draft`) at its newest. */
  get(id: string, draft = false): Promise<Script | undefined> {
    return readScript(this.store.db, id, draft);
  }

  /** Every saved version of a script, newest first; undefined when there is no such script. */
  async versions(id: string): Promise<ScriptVersion[] | undefined> {
    const rows = await this.store.query(
      `SELECT v.version, v.content, v.saved_at, s.published_version
         FROM scripts s JOIN script_versions v ON v.script_id = s.id
        WHERE s.id = $1 ORDER BY v.version DESC`,
      [id],
    );
    if (rows.length === 0) return undefined;
    return rows.map((row) => ({
      scriptId: id,
      version: Number(row.version),
      ...contentOf(json(row.content) as ScriptContent),
      savedAt: iso(row.saved_at),
      published:
        row.published_version != null && Number(row.published_version) === Number(row.version),
    }));
  }

  /** A new draft at version 1, unpublished; 409 when the id is taken. */
  create(id: string, content: ScriptContent, savedBy: string): Promise<Script> {
    return this.store.write(async (tx) => {
      const made = await tx.query(
        `INSERT INTO scripts (id, latest_version) VALUES ($1, 1)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id],
      );
      if (made.length === 0) throw conflict(`A script with the id "${id}" already exists`);
      await insertVersion(tx, id, 1, content, savedBy);
      return (await readScript(tx, id, true))!;
    });
  }

  /** Saves `content` as the next version when `basedOn` is still the newest (else 409). */
  save(id: string, basedOn: number, content: ScriptContent, savedBy: string): Promise<Script> {
    return this.store.write(async (tx) => {
      await lockScript(tx, id, basedOn);
      return saveNewVersion(tx, id, content, savedBy);
    });
  }

  /** Saves version `n`'s content again as the next version (devices see it once published). */
  restore(id: string, n: number, basedOn: number | undefined, savedBy: string): Promise<Script> {
    return this.store.write(async (tx) => {
      await lockScript(tx, id, basedOn);
      const [old] = await tx.query(
        'SELECT content FROM script_versions WHERE script_id = $1 AND version = $2',
        [id, n],
      );
      if (!old) throw notFound(`Version ${n} of script "${id}"`);
      return saveNewVersion(tx, id, json(old.content) as ScriptContent, savedBy);
    });
  }

  /**
   * Makes `version` (the newest when absent) the one devices show, and logs `event: script`
   * for every branch (branch_id NULL) in the same transaction.
   */
  publish(id: string, version: number | undefined): Promise<Script> {
    return this.store.write(async (tx) => {
      const latest = await lockScript(tx, id, undefined);
      const target = version ?? latest;
      if (target > latest) throw notFound(`Version ${target} of script "${id}"`);
      await tx.query(
        `UPDATE scripts SET published_version = $2, published_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, target],
      );
      const script = (await readScript(tx, id, false))!;
      await tx.event({ kind: 'script', branchId: null, payload: { script } });
      return script;
    });
  }

  /**
   * Withdraws a script: devices stop showing it. Logs `event: script` carrying the content
   * devices last showed (never a draft: anyone may hear it) with no `publishedVersion`, which
   * tells them to drop it. Withdrawing a script that is not published changes nothing and
   * logs nothing. Answers the script at its newest version, as the supervisor's list has it.
   */
  unpublish(id: string): Promise<Script> {
    return this.store.write(async (tx) => {
      await lockScript(tx, id, undefined);
      const shown = await readScript(tx, id, false);
      if (shown) {
        await tx.query(
          `UPDATE scripts SET published_version = NULL, published_at = NULL, updated_at = now()
            WHERE id = $1`,
          [id],
        );
        const { publishedVersion: _was, publishedAt: _at, ...withdrawn } = shown;
        await tx.event({ kind: 'script', branchId: null, payload: { script: withdrawn } });
      }
      return (await readScript(tx, id, true))!;
    });
  }
}

/**
 * Adds each starter script that is not in the store yet, published at version 1. Safe to
 * run on every start: a script a supervisor has edited is never touched.
 */
export async function seedStarterScripts(tx: Sql): Promise<number> {
  let added = 0;
  for (const starter of STARTER_SCRIPTS) {
    const made = await tx.query(
      `INSERT INTO scripts (id, latest_version, published_version, published_at)
       VALUES ($1, 1, 1, now()) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [starter.id],
    );
    if (made.length === 0) continue;
    await insertVersion(tx, starter.id, 1, starter, 'seed');
    added++;
  }
  return added;
}
