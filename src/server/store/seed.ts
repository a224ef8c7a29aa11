// What a store holds from its first start: the skills, branch `main`, and the starter topics
// every new branch begins with. Seeders run on every start and only add what is missing, so
// another feature (scripts) adds its starter data by adding a seeder here.
import { seedStarterScripts } from './scripts.js';
import type { Tx } from './core.js';

export const STARTER_SKILLS: readonly { id: string; label: string }[] = [
  { id: 'tech', label: 'Technology' },
  { id: 'books', label: 'Finding books' },
  { id: 'youth', label: 'Children and teens' },
  { id: 'history', label: 'Local history' },
  { id: 'careers', label: 'Jobs and careers' },
  { id: 'forms', label: 'Forms and government' },
  { id: 'access', label: 'Accessibility' },
  { id: 'general', label: 'General help' },
];

/** Labels are what a patron reads on the kiosk: short, plain, no library jargon. */
export const STARTER_TOPICS: readonly { id: string; label: string; skill: string; icon: string }[] =
  [
    { id: 'tech', label: 'Computers, phones and printing', skill: 'tech', icon: 'tech' },
    { id: 'books', label: 'Finding a book', skill: 'books', icon: 'book' },
    { id: 'youth', label: 'Kids and teens', skill: 'youth', icon: 'youth' },
    { id: 'history', label: 'Local history and family trees', skill: 'history', icon: 'history' },
    { id: 'careers', label: 'Jobs and careers', skill: 'careers', icon: 'careers' },
    { id: 'forms', label: 'Forms and government services', skill: 'forms', icon: 'forms' },
    { id: 'access', label: 'Accessibility help', skill: 'access', icon: 'access' },
  ];

const MAIN_BRANCH = { id: 'main', name: 'Main Library' } as const;

type Seeder = (tx: Tx) => Promise<void>;

export async function addStarterTopics(tx: Tx, branchId: string): Promise<void> {
  for (const [position, topic] of STARTER_TOPICS.entries()) {
    await tx.query(
      `INSERT INTO topics (branch_id, id, label, skill, icon, position)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [branchId, topic.id, topic.label, topic.skill, topic.icon, position],
    );
  }
}

const seedSkills: Seeder = async (tx) => {
  for (const [position, skill] of STARTER_SKILLS.entries()) {
    await tx.query(
      'INSERT INTO skills (id, label, position) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
      [skill.id, skill.label, position],
    );
  }
};

/** Only on a store that never had a branch: a library that renames or drops main keeps it so. */
const seedMainBranch: Seeder = async (tx) => {
  const [row] = await tx.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM branches');
  if (Number(row!.n) > 0) return;
  await tx.query('INSERT INTO branches (id, name) VALUES ($1, $2)', [
    MAIN_BRANCH.id,
    MAIN_BRANCH.name,
  ]);
  await addStarterTopics(tx, MAIN_BRANCH.id);
};

const SEEDERS: Seeder[] = [
  seedSkills,
  seedMainBranch,
  async (tx) => void (await seedStarterScripts(tx)),
];

export async function seed(tx: Tx): Promise<void> {
  // Two processes starting on one PostgreSQL: the second waits and then finds it done.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [7_301_003]);
  for (const seeder of SEEDERS) await seeder(tx);
}
