// What a branch offers: its name and service desk, its topics (the kiosk's buttons), its staff (the tablet's sign-in) and
// the skills a request can be handed off to.
import { apiFetch } from '../http.js';
import type { Branch, Skill, StaffName, Topic } from '../../../shared/schemas.js';

const branchPath = (branchId: string) => `/api/branches/${encodeURIComponent(branchId)}`;

/** The branch's name and where its service desk is (`serviceDesk` absent when not written). */
export function fetchBranch(branchId: string): Promise<Branch> {
  return apiFetch<Branch>(branchPath(branchId));
}

/** The branch's topics; with `lang`, each label in that language where it has one. */
export async function fetchTopics(branchId: string, lang?: string): Promise<Topic[]> {
  const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  return (await apiFetch<{ topics: Topic[] }>(`${branchPath(branchId)}/topics${query}`)).topics;
}

export async function fetchStaffNames(branchId: string): Promise<StaffName[]> {
  return (await apiFetch<{ staff: StaffName[] }>(`${branchPath(branchId)}/staff`)).staff;
}

export async function fetchSkills(): Promise<Skill[]> {
  return (await apiFetch<{ skills: Skill[] }>('/api/skills')).skills;
}
