// <rove-admin-scripts>: the supervisor's Scripts section at /admin/scripts: every script with
// whether it is published (devices show it), a form to create or edit one (each Save is a new
// version), Publish to send it to every device, Withdraw (confirmed) to take it off every
// device, and the version history with View and Restore. Linked topics are offered as the
// branches name them (every branch's topics, read when the section opens).
// Fires `admin-session-ended` when the server says the sign-in is gone.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  createScript,
  fetchScriptDrafts,
  fetchScriptVersions,
  publishScript,
  restoreScriptVersion,
  saveScript,
  unpublishScript,
} from '../../core/api/scripts.js';
import { listBranches, listTopics } from './admin-api.js';
import { ApiError } from '../../core/http.js';
import './rove-script-editor.js';
import type { ScriptDraft } from './rove-script-editor.js';
import './rove-script-history.js';
import '../../ui/scripts/rove-script-preview.js';
import './rove-script-withdraw.js';
import { formatScriptText, parseScriptText, parseTags } from '../../ui/scripts/script-text.js';
import { adminStyles } from './admin.styles.js';
import { AsyncAction } from '../../core/async-action.js';
import { leaveIfSignedOut, sayAdminError } from './admin-errors.js';
import { scriptTopicChoices, type TopicChoice } from './script-topic-choices.js';
import type { Script, ScriptContent, ScriptVersion } from '../../../shared/scripts.js';
import { msg, str } from '../../core/locale/msg.js';

interface Editing {
  /** Absent until the first save creates the script. */
  id?: string;
  /** The `latestVersion` this draft started from (sent with Save). */
  basedOn?: number;
  draft: ScriptDraft;
  /** The draft as last saved, to tell whether Publish must save first. */
  saved?: string;
}

const EMPTY: ScriptDraft = { title: '', purpose: '', tagsText: '', topicIds: [], body: '1. ' };

@customElement('rove-admin-scripts')
export class RoveAdminScripts extends LitElement {
  static override styles = adminStyles;

  /** Every script; undefined until the list has first been read. */
  @state() private _scripts?: Script[];
  /** Every branch's topics, undefined until read (or when they could not be). */
  @state() private _topics?: TopicChoice[];
  @state() private _editing?: Editing;
  @state() private _versions: ScriptVersion[] = [];
  @state() private _viewing?: ScriptVersion;
  @state() private _notice = '';
  /**
   * Saving, publishing, withdrawing, restoring: busy while one goes. Its error is the section's
   * one alert, also where the list, the topics and the history say they could not be read.
   */
  private readonly _action = new AsyncAction(this, (error, doing) =>
    leaveIfSignedOut(this, error) ? undefined : sayScriptError(error, doing),
  );

  override connectedCallback() {
    super.connectedCallback();
    void this._loadList();
    void this._loadTopics();
  }

  override render() {
    return html`
      <h2>${msg('Scripts')}</h2>
      <p role="status">${this._notice}</p>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : nothing}
      ${this._editing ? this._renderEditing(this._editing) : this._renderList()}
    `;
  }

  private _renderList() {
    const scripts = this._scripts;
    if (!scripts) return html`<p>${msg('Loading scripts…')}</p>`;
    return html`
      <p>
        <button type="button" class="primary" @click=${this._startNew}>${msg('New script')}</button>
      </p>
      <ul class="plain" aria-label=${msg('All scripts')}>
        ${scripts.map(
          (s) =>
            html`<li class="panel row">
              <span>
                <strong>${s.title}</strong><br />
                <span class="muted">${sayState(s)}</span>
              </span>
              <button
                type="button"
                aria-label=${msg(str`Edit ${s.title}`)}
                @click=${() => this._edit(s)}
              >
                ${msg('Edit')}
              </button>
            </li>`,
        )}
      </ul>
    `;
  }

  private _renderEditing(editing: Editing) {
    const current = this._scripts?.find((s) => s.id === editing.id);
    const title = current?.title ?? editing.draft.title;
    return html`
      <h3>${editing.id ? msg(str`Editing “${title}”`) : msg('New script')}</h3>
      ${current ? html`<p class="muted">${sayState(current)}</p>` : nothing}
      <rove-script-editor
        .draft=${editing.draft}
        .topicChoices=${this._topics}
        @draft-change=${(e: CustomEvent<ScriptDraft>) =>
          (this._editing = { ...editing, draft: e.detail })}
      ></rove-script-editor>
      <div class="row">
        <button type="button" class="primary" ?disabled=${this._action.busy} @click=${this._save}>
          ${msg('Save')}
        </button>
        <button type="button" ?disabled=${this._action.busy} @click=${this._publish}>
          ${msg('Publish')}
        </button>
        <button type="button" @click=${this._close}>${msg('Back to all scripts')}</button>
      </div>
      ${
        current?.publishedVersion !== undefined
          ? html`<rove-script-withdraw
              .heading=${current.title}
              ?busy=${this._action.busy}
              @withdraw-script=${this._withdraw}
            ></rove-script-withdraw>`
          : nothing
      }
      ${
        editing.id
          ? html`<section aria-labelledby="history-heading">
              <h3 id="history-heading">${msg('Version history')}</h3>
              <rove-script-history
                .versions=${this._versions}
                .latest=${editing.basedOn ?? 0}
                ?busy=${this._action.busy}
                @view-version=${(e: CustomEvent<{ version: number }>) =>
                  (this._viewing = this._versions.find((v) => v.version === e.detail.version))}
                @restore-version=${(e: CustomEvent<{ version: number }>) =>
                  void this._restore(e.detail.version)}
              ></rove-script-history>
              ${this._viewing ? this._renderViewing(this._viewing) : nothing}
            </section>`
          : nothing
      }
    `;
  }

  private _renderViewing(v: ScriptVersion) {
    const version = v.version;
    return html`<section class="panel" aria-label=${msg(str`Version ${version}`)}>
      <p><strong>${msg(str`Version ${version}`)}</strong></p>
      <rove-script-preview
        .heading=${v.title}
        .purpose=${v.purpose}
        .steps=${v.steps}
        .levels=${v.levels}
      ></rove-script-preview>
      <button type="button" @click=${() => (this._viewing = undefined)}>
        ${msg('Close version')}
      </button>
    </section>`;
  }

  /** The list, the topics and the history load beside the actions (none waits for another). */
  private async _loadList() {
    try {
      this._scripts = await fetchScriptDrafts();
    } catch (error) {
      this._action.fail(error, msg('load the scripts'));
      this._scripts ??= [];
    }
  }

  private async _loadTopics() {
    try {
      const branches = await listBranches();
      const topics = await Promise.all(branches.map((b) => listTopics(b.id)));
      this._topics = scriptTopicChoices(topics);
    } catch (error) {
      this._action.fail(error, msg('load the topics'));
    }
  }

  private _startNew = () => {
    this._reset();
    this._editing = { draft: { ...EMPTY } };
  };

  private _edit(script: Script) {
    this._reset();
    const draft = draftOf(script);
    this._editing = { id: script.id, basedOn: script.latestVersion, draft, saved: key(draft) };
    void this._loadVersions(script.id);
  }

  private _close = () => {
    this._reset();
    this._editing = undefined;
    void this._loadList();
  };

  private _save = async () => {
    await this._saveDraft();
  };

  /** Saves the draft as a new version; answers the saved script, or undefined on a problem. */
  private async _saveDraft(): Promise<Script | undefined> {
    const editing = this._editing;
    if (!editing) return undefined;
    const content = contentOf(editing.draft);
    if (typeof content === 'string') {
      this._action.say(content);
      return undefined;
    }
    let saved: Script | undefined;
    await this._call(msg('save the script'), async () => {
      const script =
        editing.id && editing.basedOn
          ? await saveScript(editing.id, editing.basedOn, content)
          : await createScript(content);
      this._took(script, editing.draft);
      this._notice = msg(
        str`Saved as version ${script.latestVersion}. Publish it to show it on devices.`,
      );
      saved = script;
    });
    return saved;
  }

  private _publish = async () => {
    const editing = this._editing;
    if (!editing) return;
    const fresh = editing.id && editing.saved === key(editing.draft);
    const saved = fresh ? undefined : await this._saveDraft();
    const id = this._editing?.id;
    if (!id || (!fresh && !saved)) return;
    await this._call(msg('publish the script'), async () => {
      const script = await publishScript(id);
      this._took(script, this._editing!.draft);
      this._notice = msg(
        str`Published version ${script.publishedVersion}. Every device will show it within seconds.`,
      );
    });
  };

  private _withdraw = async () => {
    const id = this._editing?.id;
    if (!id) return;
    await this._call(msg('withdraw the script'), async () => {
      const script = await unpublishScript(id);
      this._took(script, this._editing!.draft);
      this._notice = msg(
        str`Withdrawn: devices stop showing “${script.title}” within seconds. Publish it to bring it back.`,
      );
    });
  };

  private async _restore(version: number) {
    const id = this._editing?.id;
    if (!id) return;
    await this._call(msg(str`restore version ${version}`), async () => {
      const script = await restoreScriptVersion(id, version, this._editing?.basedOn);
      this._took(script, draftOf(script));
      this._viewing = undefined;
      this._notice = msg(
        str`Version ${version} is back as version ${script.latestVersion}. Publish it to show it on devices.`,
      );
    });
  }

  /** After a save, publish or restore: the editor follows the server's newest version. */
  private _took(script: Script, draft: ScriptDraft) {
    this._editing = { id: script.id, basedOn: script.latestVersion, draft, saved: key(draft) };
    const others = (this._scripts ?? []).filter((s) => s.id !== script.id);
    this._scripts = [...others, script].sort((a, b) => a.title.localeCompare(b.title));
    void this._loadVersions(script.id);
  }

  private async _loadVersions(id: string) {
    try {
      this._versions = await fetchScriptVersions(id);
    } catch (error) {
      this._action.fail(error, msg('load the version history'));
    }
  }

  /** One action on the script: what it said last goes, and the run says how it went. */
  private _call(doing: string, work: () => Promise<unknown>): Promise<boolean> {
    this._notice = '';
    return this._action.run(doing, work);
  }

  private _reset() {
    this._action.say('');
    this._notice = '';
    this._versions = [];
    this._viewing = undefined;
  }
}

/** sayAdminError, but a 409 says someone else saved the script and that the text is kept. */
function sayScriptError(error: unknown, doing: string): string {
  return error instanceof ApiError && error.code === 'conflict'
    ? msg(
        str`We couldn't ${doing}: someone saved this script since you opened it. Your text is still here; copy what you need, then go back and open the script again.`,
      )
    : sayAdminError(error, doing);
}

function sayState(s: Script): string {
  if (s.publishedVersion === undefined)
    return msg(str`Not published: draft version ${s.latestVersion}, not on devices`);
  if (s.publishedVersion === s.latestVersion)
    return msg(str`Published: version ${s.publishedVersion} is on devices`);
  return msg(
    str`Published: version ${s.publishedVersion} is on devices; newer draft: version ${s.latestVersion}`,
  );
}

function draftOf(s: ScriptContent): ScriptDraft {
  return {
    title: s.title,
    purpose: s.purpose,
    tagsText: s.tags.join(', '),
    topicIds: [...s.topicIds],
    body: formatScriptText(s.steps, s.levels),
  };
}

function key(draft: ScriptDraft): string {
  return JSON.stringify(contentOf(draft));
}

/** The draft as the API wants it, or one sentence saying what to fix first. */
function contentOf(draft: ScriptDraft): ScriptContent | string {
  const parsed = parseScriptText(draft.body);
  if (!draft.title.trim()) return msg('Please give the script a title.');
  if (!draft.purpose.trim()) return msg('Please say in one line what the script is for.');
  const first = parsed.problems[0];
  if (first) {
    const { line, message } = first;
    return line
      ? msg(str`Please fix the steps first: line ${line}: ${message}`)
      : msg(str`Please fix the steps first: ${message}`);
  }
  const content: ScriptContent = {
    title: draft.title.trim(),
    purpose: draft.purpose.trim(),
    tags: parseTags(draft.tagsText),
    topicIds: draft.topicIds,
    steps: parsed.steps,
  };
  if (parsed.levels) content.levels = parsed.levels;
  return content;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-scripts': RoveAdminScripts;
  }
}
