// Small wording helpers shared by the admin sections.
import type { Branch, Skill } from '../../../shared/schemas.js';
import { relative } from '../../core/words/time.js';
import { msg } from '../../core/locale/msg.js';

/**
 * "just now", "5 minutes ago", "3 hours ago", or a date for anything older than a day;
 * `missing` (by default "never") when there is no time at all.
 */
export function sayWhen(iso: string | undefined, now = Date.now(), missing?: string): string {
  if (!iso) return missing ?? msg('never');
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return msg('unknown');
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return msg('just now');
  if (minutes < 60) return relative(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative(-hours, 'hour');
  return new Date(then).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export function branchName(branches: Branch[], id: string): string {
  return branches.find((branch) => branch.id === id)?.name ?? id;
}

export function skillLabel(skills: Skill[], id: string): string {
  return skills.find((skill) => skill.id === id)?.label ?? id;
}

/** "Technology, Local history" or "none". */
export function sayList(labels: string[]): string {
  return labels.length ? labels.join(', ') : msg('none');
}
