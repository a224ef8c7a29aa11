// Branches, skills and topics. Topic changes are events on the branch's staff and kiosk streams.
import {
  ESCALATE_DEFAULT_SECONDS,
  type Branch,
  type Skill,
  type Topic,
} from '../../shared/schemas.js';
import { RoveError, conflict, invalid, notFound, skillRetired } from '../errors.js';
import { toTopic } from './rows.js';
import { addStarterTopics } from './seed.js';
import type { StoreCore, Tx } from './core.js';
import { isInvalidParameter, isUniqueViolation, type Row } from './db.js';
import { slugOf } from '../../shared/slug.js';

interface TopicInput {
  id?: string;
  label: string;
  skill: string;
  icon?: string;
  /** Canonical tags, blank labels left out already. */
  labels?: Record<string, string>;
}

interface TopicPatch {
  label?: string;
  skill?: string;
  icon?: string;
  hidden?: boolean;
  /** Replaces the translations as a whole; canonical tags, blank labels left out already. */
  labels?: Record<string, string>;
}

interface BranchPatch {
  name?: string;
  /** Trimmed already; null clears it. */
  serviceDesk?: string | null;
  /** Trimmed, checked for repeats already. */
  zones?: string[];
  escalateAfterSeconds?: number;
  /** Canonical BCP 47 tags, no repeats, at least one: checked already. */
  languages?: string[];
  /** An IANA name the platform knows, spelt as it spells it; null clears it. */
  timeZone?: string | null;
}

const BRANCH_COLUMNS =
  'id, name, service_desk, zones, escalate_after_seconds, languages, time_zone';

function toSkill(row: Row): Skill {
  return { id: String(row.id), label: String(row.label), retired: Boolean(row.retired) };
}

function toBranch(row: Row): Branch {
  const branch: Branch = {
    id: String(row.id),
    name: String(row.name),
    zones: (row.zones as string[] | null) ?? [],
    escalateAfterSeconds: Number(row.escalate_after_seconds ?? ESCALATE_DEFAULT_SECONDS),
    languages: (row.languages as string[] | null) ?? ['en'],
  };
  if (row.service_desk != null) branch.serviceDesk = String(row.service_desk);
  if (row.time_zone != null) branch.timeZone = String(row.time_zone);
  return branch;
}

export class BranchStore {
  /**
   * Branches this process has seen exist. Nothing deletes a branch, so once seen one exists
   * for good: most calls name their branch, and checking it was one statement of each.
   */
  private readonly known = new Set<string>();

  constructor(private readonly store: StoreCore) {}

  async list(): Promise<Branch[]> {
    const rows = await this.store.query(
      `SELECT ${BRANCH_COLUMNS} FROM branches ORDER BY created_at, id`,
    );
    return rows.map(toBranch);
  }

  async get(id: string): Promise<Branch> {
    const [row] = await this.store.query(`SELECT ${BRANCH_COLUMNS} FROM branches WHERE id = $1`, [
      id,
    ]);
    if (!row) throw notFound(`Branch "${id}"`);
    return toBranch(row);
  }

  /**
   * Renames the branch or sets where its service desk is, its time zone (`null` clears either),
   * zones, alert or languages. The branch's staff and kiosks hear the change as a `branch` event.
   * A time zone the database does not know (its data may be older than the platform's) is 400.
   */
  async patch(id: string, patch: BranchPatch): Promise<Branch> {
    if (patch.timeZone != null) await this.mustKnowZone(patch.timeZone);
    return this.store.write(async (tx) => {
      const desk = patch.serviceDesk;
      const zone = patch.timeZone;
      const [row] = await tx.query(
        `UPDATE branches SET name = COALESCE($2, name),
           service_desk = CASE WHEN $3::boolean THEN $4 ELSE service_desk END,
           zones = COALESCE($5::jsonb, zones),
           escalate_after_seconds = COALESCE($6, escalate_after_seconds),
           languages = COALESCE($7::jsonb, languages),
           time_zone = CASE WHEN $8::boolean THEN $9 ELSE time_zone END
         WHERE id = $1 RETURNING ${BRANCH_COLUMNS}`,
        [
          id,
          patch.name ?? null,
          desk !== undefined,
          desk ?? null,
          patch.zones ? JSON.stringify(patch.zones) : null,
          patch.escalateAfterSeconds ?? null,
          patch.languages ? JSON.stringify(patch.languages) : null,
          zone !== undefined,
          zone ?? null,
        ],
      );
      if (!row) throw notFound(`Branch "${id}"`);
      const branch = toBranch(row);
      await tx.event({ kind: 'branch', branchId: id, kiosks: true, payload: { branch } });
      return branch;
    });
  }

  /** Refuses (400) a time zone the database cannot count in. */
  private async mustKnowZone(zone: string): Promise<void> {
    try {
      await this.store.query('SELECT now() AT TIME ZONE $1::text', [zone]);
    } catch (error) {
      if (!isInvalidParameter(error)) throw error;
      throw invalid(`timeZone: "${zone}" is not a time zone this server knows`);
    }
  }

  async exists(id: string): Promise<boolean> {
    if (this.known.has(id)) return true;
    const found = (await this.store.query('SELECT 1 FROM branches WHERE id = $1', [id])).length > 0;
    if (found) this.known.add(id);
    return found;
  }

  async mustExist(id: string): Promise<void> {
    if (!(await this.exists(id))) throw notFound(`Branch "${id}"`);
  }

  async create(branch: Branch): Promise<Branch> {
    try {
      return await this.store.write(async (tx) => {
        const made = await tx.query(
          'INSERT INTO branches (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
          [branch.id, branch.name],
        );
        if (made.length === 0) throw conflict(`A branch with id "${branch.id}" already exists`);
        await addStarterTopics(tx, branch.id);
        return { id: branch.id, name: branch.name };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`A branch with id "${branch.id}" already exists`);
      throw error;
    }
  }

  /** Every skill, retired ones too (topics, people and past requests still name them). */
  async skills(): Promise<Skill[]> {
    const rows = await this.store.query(
      'SELECT id, label, retired FROM skills ORDER BY position, id',
    );
    return rows.map(toSkill);
  }

  /**
   * A new skill of the library's own, after the others. One INSERT that a second one with the
   * same id cannot also pass, however many arrive at once: the rest are 409.
   */
  async createSkill(id: string, label: string): Promise<Skill> {
    const taken = () => conflict(`A skill with id "${id}" already exists`);
    try {
      const [row] = await this.store.query(
        `INSERT INTO skills (id, label, position)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM skills))
         ON CONFLICT (id) DO NOTHING RETURNING id, label, retired`,
        [id, label],
      );
      if (!row) throw taken();
      return toSkill(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  /** Renames a skill, retires it or brings it back. Who has it keeps it either way. */
  async patchSkill(id: string, patch: { label?: string; retired?: boolean }): Promise<Skill> {
    const [row] = await this.store.query(
      `UPDATE skills SET label = COALESCE($2, label), retired = COALESCE($3, retired)
       WHERE id = $1 RETURNING id, label, retired`,
      [id, patch.label ?? null, patch.retired ?? null],
    );
    if (!row) throw notFound(`Skill "${id}"`);
    return toSkill(row);
  }

  /** Refuses a skill id the store does not know (404, like any unknown id). */
  async mustBeSkills(ids: readonly string[]): Promise<void> {
    await this.mustGiveSkills(ids, ids);
  }

  /**
   * Refuses a skill id the store does not know (404), and a retired skill (409, reason
   * `skill_retired`) unless it is among `held`: what the topic or person has already keeps.
   */
  async mustGiveSkills(ids: readonly string[], held: readonly string[] = []): Promise<void> {
    if (ids.length === 0) return;
    const known = new Map((await this.skills()).map((skill) => [skill.id, skill]));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw notFound(`Skill "${unknown}"`);
    const retired = ids.find((id) => known.get(id)!.retired && !held.includes(id));
    if (retired !== undefined) throw skillRetired(retired);
  }

  async topics(branchId: string, includeHidden: boolean): Promise<Topic[]> {
    const rows = await this.store.query(
      `SELECT * FROM topics WHERE branch_id = $1 ${includeHidden ? '' : 'AND NOT hidden'}
       ORDER BY position, id`,
      [branchId],
    );
    return rows.map(toTopic);
  }

  async topic(branchId: string, topicId: string): Promise<Topic | undefined> {
    const [row] = await this.store.query('SELECT * FROM topics WHERE branch_id = $1 AND id = $2', [
      branchId,
      topicId,
    ]);
    return row ? toTopic(row) : undefined;
  }

  async createTopic(branchId: string, input: TopicInput): Promise<Topic> {
    await this.mustExist(branchId);
    await this.mustGiveSkills([input.skill]);
    return this.store.write(async (tx) => {
      const id = input.id ?? (await this.freeTopicId(tx, branchId, input.label));
      const [last] = await tx.query<{ p: unknown }>(
        'SELECT COALESCE(MAX(position), -1) + 1 AS p FROM topics WHERE branch_id = $1',
        [branchId],
      );
      const [row] = await tx.query(
        `INSERT INTO topics (branch_id, id, label, skill, icon, position, labels)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT DO NOTHING RETURNING *`,
        [
          branchId,
          id,
          input.label,
          input.skill,
          input.icon ?? input.skill,
          Number(last!.p),
          JSON.stringify(input.labels ?? {}),
        ],
      );
      if (!row) throw conflict(`This branch already has a topic with id "${id}"`);
      return this.announce(tx, toTopic(row));
    });
  }

  async patchTopic(branchId: string, topicId: string, patch: TopicPatch): Promise<Topic> {
    if (patch.skill !== undefined) {
      // The topic keeps a skill it has, retired or not; a retired one is given to none anew.
      const held = (await this.topic(branchId, topicId))?.skill;
      await this.mustGiveSkills([patch.skill], held === undefined ? [] : [held]);
    }
    return this.store.write(async (tx) => {
      const [row] = await tx.query(
        `UPDATE topics SET label = COALESCE($3, label), skill = COALESCE($4, skill),
           icon = COALESCE($5, icon), hidden = COALESCE($6, hidden),
           labels = COALESCE($7::jsonb, labels)
         WHERE branch_id = $1 AND id = $2 RETURNING *`,
        [
          branchId,
          topicId,
          patch.label ?? null,
          patch.skill ?? null,
          patch.icon ?? null,
          patch.hidden ?? null,
          patch.labels === undefined ? null : JSON.stringify(patch.labels),
        ],
      );
      if (!row) throw notFound(`Topic "${topicId}" of branch "${branchId}"`);
      return this.announce(tx, toTopic(row));
    });
  }

  /** `ids` must name every topic of the branch exactly once. */
  async reorderTopics(branchId: string, ids: readonly string[]): Promise<Topic[]> {
    await this.mustExist(branchId);
    return this.store.write(async (tx) => {
      const rows = await tx.query('SELECT * FROM topics WHERE branch_id = $1 FOR UPDATE', [
        branchId,
      ]);
      const current = new Map(rows.map((row) => [String(row.id), toTopic(row)]));
      const unknown = ids.find((id) => !current.has(id));
      if (unknown !== undefined) throw notFound(`Topic "${unknown}" of branch "${branchId}"`);
      if (ids.length !== current.size) {
        throw invalid(`ids: name every topic of the branch (${current.size}), each once`);
      }
      const topics: Topic[] = [];
      for (const [position, id] of ids.entries()) {
        const topic = current.get(id)!;
        if (topic.position !== position) {
          await tx.query('UPDATE topics SET position = $3 WHERE branch_id = $1 AND id = $2', [
            branchId,
            id,
            position,
          ]);
          await this.announce(tx, { ...topic, position });
        }
        topics.push({ ...topic, position });
      }
      return topics;
    });
  }

  private async announce(tx: Tx, topic: Topic): Promise<Topic> {
    await tx.event({ kind: 'topic', branchId: topic.branchId, kiosks: true, payload: { topic } });
    return topic;
  }

  private async freeTopicId(tx: Tx, branchId: string, label: string): Promise<string> {
    const base = slugOf(label, 40) || 'topic';
    const taken = new Set(
      (await tx.query('SELECT id FROM topics WHERE branch_id = $1', [branchId])).map((row) =>
        String(row.id),
      ),
    );
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!taken.has(id)) return id;
      if (n > 1000) throw new RoveError('conflict', 'Could not find a free topic id');
    }
  }
}
