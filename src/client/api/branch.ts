// What a branch offers: its topics (the kiosk's buttons), its staff (the tablet's sign-in) and
// the skills a request can be handed off to.
import { apiFetch } from './http.js';
import type { Skill, StaffName, Topic } from '../../shared/schemas.js';

const branchPath = (branchId: string) => `/api/branches/${encodeURIComponent(branchId)}`;

export async function fetchTopics(branchId: string): Promise<Topic[]> {
  return (await apiFetch<{ topics: Topic[] }>(`${branchPath(branchId)}/topics`)).topics;
}

export async function fetchStaffNames(branchId: string): Promise<StaffName[]> {
  return (await apiFetch<{ staff: StaffName[] }>(`${branchPath(branchId)}/staff`)).staff;
}

export async function fetchSkills(): Promise<Skill[]> {
  return (await apiFetch<{ skills: Skill[] }>('/api/skills')).skills;
}
