// Data for the kiosk and tablet component tests: requests, topics and people as the server
// would send them, set straight on properties or into Dexie (no server in component tests).
import type {
  HelpRequest,
  Presence,
  Skill,
  StaffName,
  Topic,
} from '../../../src/shared/schemas.js';
import { helpRequestMaker } from '../help-request.js';
import type { PendingView } from '../../../src/client/core/db/pending.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare global {
  function describe(title: string, body: () => void): void;
  function it(title: string, body: () => Promise<void> | void): void;
  function beforeEach(body: () => Promise<void> | void): void;
  function afterEach(body: () => Promise<void> | void): void;
}

export const topics: Topic[] = [
  {
    id: 'tech',
    branchId: 'main',
    label: 'Computers and printing',
    skill: 'tech',
    icon: 'tech',
    position: 0,
    hidden: false,
  },
  {
    id: 'history',
    branchId: 'main',
    label: 'Local history',
    skill: 'history',
    icon: 'history',
    position: 1,
    hidden: false,
  },
];

export const skills: Skill[] = [
  { id: 'tech', label: 'Technology' },
  { id: 'history', label: 'Local history' },
  { id: 'general', label: 'General help' },
];

export const sam: StaffName = { id: 'staff-sam', displayName: 'Sam', skills: ['tech'] };
export const lee: StaffName = { id: 'staff-lee', displayName: 'Lee', skills: ['history'] };

/** The enrolled tablet a staff session is on. */
export const tablet = { id: 'tablet-1', kind: 'tablet', branchId: 'main', label: 'Tablet' };

/** A waiting request of branch `main`, with fields overridden; each one a minute older. */
export const helpRequest = helpRequestMaker((n) => new Date(Date.now() - n * 60_000).toISOString());

export const view = (request: HelpRequest, pending: PendingView['pending'] = []): PendingView => ({
  request,
  pending,
});

/** Text a person would see, shadow roots included. */
export function shownText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement)
      parts.push(node.value);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Someone on the floor, available and idle unless `more` says otherwise. */
export function onFloor(staff: StaffName, more: Partial<Presence> = {}): Presence {
  return {
    staffId: staff.id,
    displayName: staff.displayName,
    state: 'available',
    zone: null,
    since: new Date(Date.now() - 3_600_000).toISOString(),
    busy: false,
    silent: false,
    signedIn: true,
    skills: staff.skills,
    languages: [],
    ...more,
  };
}
