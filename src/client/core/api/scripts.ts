// The scripts calls of docs/API.md "Scripts": reading (anyone) and a supervisor's editing.
// Views never call these to render a script: they read Dexie, which scripts-sync.ts fills.
import { apiFetch } from '../http.js';
import type { Script, ScriptContent, ScriptVersion } from '../../../shared/scripts.js';

const scriptPath = (id: string) => `/api/scripts/${encodeURIComponent(id)}`;

/** Every published script, at its published version. */
export async function fetchPublishedScripts(signal?: AbortSignal): Promise<Script[]> {
  return (await apiFetch<{ scripts: Script[] }>('/api/scripts', { signal })).scripts;
}

/** Supervisor: every script at its newest saved version, published or not. */
export async function fetchScriptDrafts(): Promise<Script[]> {
  return (await apiFetch<{ scripts: Script[] }>('/api/scripts?drafts=true')).scripts;
}

/** Supervisor: every saved version of one script, newest first. */
export async function fetchScriptVersions(id: string): Promise<ScriptVersion[]> {
  const path = `${scriptPath(id)}/versions`;
  return (await apiFetch<{ versions: ScriptVersion[] }>(path)).versions;
}

/** Supervisor: a new draft (version 1, not published). */
export async function createScript(content: ScriptContent & { id?: string }): Promise<Script> {
  return (await apiFetch<{ script: Script }>('/api/scripts', { body: content })).script;
}

/** Supervisor: save a new version; `basedOn` is the `latestVersion` the editor started from. */
export async function saveScript(
  id: string,
  basedOn: number,
  content: ScriptContent,
): Promise<Script> {
  const body = { version: basedOn, ...content };
  return (await apiFetch<{ script: Script }>(scriptPath(id), { method: 'PUT', body })).script;
}

/** Supervisor: make a saved version the one every device shows. */
export async function publishScript(id: string, version?: number): Promise<Script> {
  const body = version === undefined ? {} : { version };
  return (await apiFetch<{ script: Script }>(`${scriptPath(id)}/publish`, { body })).script;
}

/** Supervisor: withdraw a script, so devices stop showing it (publish it again to undo). */
export async function unpublishScript(id: string): Promise<Script> {
  return (await apiFetch<{ script: Script }>(`${scriptPath(id)}/unpublish`, { body: {} })).script;
}

/** Supervisor: save an earlier version's content again as the newest version. */
export async function restoreScriptVersion(
  id: string,
  version: number,
  basedOn?: number,
): Promise<Script> {
  const path = `${scriptPath(id)}/versions/${version}/restore`;
  const body = basedOn === undefined ? {} : { version: basedOn };
  return (await apiFetch<{ script: Script }>(path, { body })).script;
}
