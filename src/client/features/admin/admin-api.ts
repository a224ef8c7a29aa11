// The supervisor's calls (docs/API.md): sign-in, devices, staff, branches, skills and topics.
// Each is one small named function so admin views never build URLs or call fetch themselves.
import { apiFetch } from '../../core/http.js';
import type {
  Branch,
  BranchPatchBody,
  Device,
  DeviceKind,
  Session,
  Skill,
  StaffBody,
  StaffMember,
  StaffPatchBody,
  Topic,
  TopicBody,
  TopicPatchBody,
} from '../../../shared/schemas.js';

interface AdminSession {
  token: string;
  role: 'admin';
}

/** `GET /api/session`, as every surface reads it. */
type SessionInfo = Session;

export interface Enrollment {
  code: string;
  /** ISO time after which the code no longer works. */
  expiresAt: string;
}

/** What `PATCH /api/branches/:id` may change; `serviceDesk: null` clears the desk's place. */
export type BranchChanges = BranchPatchBody;

/** What a new staff member, a change to one, a new topic and a change to one are sent as. */
export type NewStaff = StaffBody;
export type StaffChanges = StaffPatchBody;
type NewTopic = TopicBody;
export type TopicChanges = TopicPatchBody;

const branchPath = (branchId: string) => `/api/branches/${encodeURIComponent(branchId)}`;

// ---- sessions -------------------------------------------------------------------------------

export function signInAdmin(username: string, password: string): Promise<AdminSession> {
  return apiFetch<AdminSession>('/api/session/admin', { body: { username, password } });
}

/** First start: trade the one-time setup token for the admin's own password. */
export function completeSetup(setupToken: string, password: string): Promise<AdminSession> {
  return apiFetch<AdminSession>('/api/session/setup', { body: { setupToken, password } });
}

/** Changes the admin password; every other admin sign-in ends (this one stays). */
export function changeAdminPassword(current: string, next: string): Promise<void> {
  return apiFetch<void>('/api/session/admin/password', { body: { current, next } });
}

export function getSession(): Promise<SessionInfo> {
  return apiFetch<SessionInfo>('/api/session');
}

export function signOut(): Promise<void> {
  return apiFetch<void>('/api/session', { method: 'DELETE' });
}

// ---- devices --------------------------------------------------------------------------------

export async function listDevices(): Promise<Device[]> {
  return (await apiFetch<{ devices: Device[] }>('/api/devices')).devices;
}

/** A one-time code for a new device; a kiosk may be given its `zone` on the floor now. */
export function createEnrollment(
  branchId: string,
  kind: DeviceKind,
  label: string,
  zone?: string,
): Promise<Enrollment> {
  const body = zone ? { branchId, kind, label, zone } : { branchId, kind, label };
  return apiFetch<Enrollment>('/api/devices/enrollments', { body });
}

/** Moves a kiosk to another zone of its branch; `null` leaves it with none. */
export async function setDeviceZone(deviceId: string, zone: string | null): Promise<Device> {
  const path = `/api/devices/${encodeURIComponent(deviceId)}`;
  return (await apiFetch<{ device: Device }>(path, { method: 'PATCH', body: { zone } })).device;
}

export async function revokeDevice(deviceId: string): Promise<Device> {
  const path = `/api/devices/${encodeURIComponent(deviceId)}/revoke`;
  return (await apiFetch<{ device: Device }>(path, { body: {} })).device;
}

// ---- branches and skills --------------------------------------------------------------------

export async function listBranches(): Promise<Branch[]> {
  return (await apiFetch<{ branches: Branch[] }>('/api/branches')).branches;
}

export function addBranch(id: string, name: string): Promise<Branch> {
  return apiFetch<Branch>('/api/branches', { body: { id, name } });
}

/** Renames a branch, says where its service desk is, or sets its zones or long-wait alert. */
export function updateBranch(branchId: string, changes: BranchChanges): Promise<Branch> {
  return apiFetch<Branch>(branchPath(branchId), { method: 'PATCH', body: changes });
}

/** Every skill, retired ones too (`retired: true`: kept by whoever has it, given to no one new). */
export async function listSkills(): Promise<Skill[]> {
  return (await apiFetch<{ skills: Skill[] }>('/api/skills')).skills;
}

/** A new skill of the library's own; 409 when the id is taken. */
export async function addSkill(id: string, label: string): Promise<Skill> {
  return (await apiFetch<{ skill: Skill }>('/api/skills', { body: { id, label } })).skill;
}

/** Renames a skill, retires it, or brings it back. */
export async function updateSkill(
  id: string,
  changes: { label?: string; retired?: boolean },
): Promise<Skill> {
  const path = `/api/skills/${encodeURIComponent(id)}`;
  return (await apiFetch<{ skill: Skill }>(path, { method: 'PATCH', body: changes })).skill;
}

// ---- staff ----------------------------------------------------------------------------------

export async function listStaff(): Promise<StaffMember[]> {
  return (await apiFetch<{ staff: StaffMember[] }>('/api/staff')).staff;
}

export async function addStaff(staff: NewStaff): Promise<StaffMember> {
  const made = await apiFetch<Omit<StaffMember, 'active'>>('/api/staff', { body: staff });
  return { ...made, active: true };
}

export async function updateStaff(staffId: string, changes: StaffChanges): Promise<StaffMember> {
  const path = `/api/staff/${encodeURIComponent(staffId)}`;
  return (await apiFetch<{ staff: StaffMember }>(path, { method: 'PATCH', body: changes })).staff;
}

// ---- topics ---------------------------------------------------------------------------------

export async function listTopics(branchId: string): Promise<Topic[]> {
  return (await apiFetch<{ topics: Topic[] }>(`${branchPath(branchId)}/topics`)).topics;
}

export async function addTopic(branchId: string, topic: NewTopic): Promise<Topic> {
  const path = `${branchPath(branchId)}/topics`;
  return (await apiFetch<{ topic: Topic }>(path, { body: topic })).topic;
}

export async function updateTopic(
  branchId: string,
  topicId: string,
  changes: TopicChanges,
): Promise<Topic> {
  const path = `${branchPath(branchId)}/topics/${encodeURIComponent(topicId)}`;
  return (await apiFetch<{ topic: Topic }>(path, { method: 'PATCH', body: changes })).topic;
}

/** `ids` must hold every topic id of the branch, in the new order. */
export async function reorderTopics(branchId: string, ids: string[]): Promise<Topic[]> {
  const path = `${branchPath(branchId)}/topics/order`;
  return (await apiFetch<{ topics: Topic[] }>(path, { method: 'PUT', body: { ids } })).topics;
}
