// The starter greeter scripts, seeded (and published) on a store's first start; supervisors
// edit them after. Written for saying aloud: short steps, short phrases, plain words.
// The scripts themselves live in seed/scripts/, by kind; this is their order of seeding.
import { FLOOR_SCRIPTS } from './scripts/on-the-floor.js';
import { SERVICE_SCRIPTS } from './scripts/service.js';
import type { StarterScript } from './scripts/starter.js';
import { TOPIC_GUIDES } from './scripts/topic-guides.js';

export type { StarterScript } from './scripts/starter.js';

export const STARTER_SCRIPTS: readonly StarterScript[] = [
  ...SERVICE_SCRIPTS,
  ...TOPIC_GUIDES,
  ...FLOOR_SCRIPTS,
];
