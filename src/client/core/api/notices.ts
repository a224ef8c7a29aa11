// Notices as HTTP calls (docs/API.md, "Notices"): staff post one to their branch's kiosks and
// follow pages, and withdraw it. The stream's `event: notice` then updates every replica.
import { apiFetch } from '../http.js';
import type { Notice, NoticeBody } from '../../../shared/schemas.js';

export async function postNotice(branchId: string, body: NoticeBody): Promise<Notice> {
  const path = `/api/branches/${encodeURIComponent(branchId)}/notices`;
  return (await apiFetch<{ notice: Notice }>(path, { body })).notice;
}

export async function withdrawNotice(id: string): Promise<void> {
  await apiFetch<unknown>(`/api/notices/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
