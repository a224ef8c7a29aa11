// <rove-admin-skills>: the library's skills (docs/API.md, "Skills"): what routes a patron's
// question to someone who knows. The supervisor adds one by its name, renames one, retires one
// the library no longer uses (whoever has it keeps it; nobody new is given it) or brings it back.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { addSkill, listSkills, updateSkill } from './admin-api.js';
import type { Skill } from '../../../shared/schemas.js';
import { adminListEntryStyles, adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { skillIdFor } from './skill-choices.js';
import { msg, str } from '../../core/locale/msg.js';

/** The longest skill name the server keeps (SKILL_LABEL_MAX in src/shared/schemas.ts). */
const NAME_MAX = 60;

@customElement('rove-admin-skills')
export class RoveAdminSkills extends LitElement {
  static override styles = [
    adminStyles,
    adminListEntryStyles,
    css`
      .name {
        font-weight: 700;
        font-size: 1.15rem;
      }
    `,
  ];

  /** Every skill, retired ones too; undefined while they load. */
  @state() private _skills?: Skill[];
  /** The skill whose rename form is open. */
  @state() private _renaming?: string;
  @state() private _notice = '';
  /** Loading, renaming, retiring: busy while one goes, and why it failed. */
  private readonly _list = adminAction(this);
  /** Adding one: busy while it goes, and why it failed. */
  private readonly _adding = adminAction(this);

  override connectedCallback() {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    return html`
      <h2>${msg('Skills')}</h2>
      <p class="hint">
        ${msg('A skill sends a patron’s question to the staff who can answer it. Each topic on the kiosk goes to one skill, and each person has the skills they can help with. Retire a skill the library no longer uses: the topics and people that have it keep it, but it is not offered for new ones. Bring it back at any time.')}
      </p>
      <section class="panel" aria-labelledby="skills-heading">
        <h3 id="skills-heading">${msg('The library’s skills')}</h3>
        <p role="status">${this._notice}</p>
        ${this._list.error ? html`<p class="error" role="alert">${this._list.error}</p>` : ''}
        ${this._renderList()}
      </section>
      ${this._renderAdd()}
    `;
  }

  private _renderList() {
    const skills = this._skills;
    if (!skills) return html`<p>${msg('Loading skills…')}</p>`;
    if (!skills.length)
      return html`<p>${msg('There are no skills yet. Add the first one below.')}</p>`;
    return html`<ul class="plain" aria-label=${msg('Skills')}>
      ${repeat(
        skills,
        (skill) => skill.id,
        (skill) => html`<li data-skill=${skill.id}>${this._renderSkill(skill)}</li>`,
      )}
    </ul>`;
  }

  private _renderSkill(skill: Skill) {
    const name = skill.label;
    const retired = skill.retired === true;
    return html`<div class="name">
        ${skill.label}
        ${retired ? html`<span class="out-of-use">${msg('(retired: offered to no new topic or person)')}</span>` : ''}
      </div>
      ${
        this._renaming === skill.id
          ? this._renderRename(skill)
          : html`<div class="row">
              <button type="button" class="rename" @click=${() => this._openRename(skill)}>
                ${msg(html`Rename <span class="visually-hidden">${name}</span>`)}
              </button>
              <button
                type="button"
                class="retire"
                ?disabled=${this._list.busy}
                @click=${() => this._setRetired(skill, !retired)}
              >
                ${
                  retired
                    ? msg(html`Bring back <span class="visually-hidden">${name}</span>`)
                    : msg(html`Retire <span class="visually-hidden">${name}</span>`)
                }
              </button>
            </div>`
      }`;
  }

  private _renderRename(skill: Skill) {
    const id = `rename-${skill.id}`;
    return html`<form
      class="panel"
      aria-label=${msg(str`Rename ${skill.label}`)}
      @submit=${(event: SubmitEvent) => this._rename(event, skill)}
      novalidate
    >
      <div class="field">
        <label for=${id}>${msg(str`New name for ${skill.label}`)}</label>
        <input id=${id} name="label" maxlength=${NAME_MAX} .value=${skill.label} />
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this._list.busy}>
          ${msg('Save name')}
        </button>
        <button type="button" @click=${() => this._closeRename(skill)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private _renderAdd() {
    return html`<form class="panel" @submit=${this._add} novalidate>
      <h3>${msg('Add a skill')}</h3>
      ${this._adding.error ? html`<p class="error" role="alert">${this._adding.error}</p>` : ''}
      <div class="field">
        <label for="new-skill-name"
          >${msg('Name')}
          <span class="hint"
            >${msg('For example “Genealogy”, “Legal forms” or “Makerspace”')}</span
          ></label
        >
        <input id="new-skill-name" name="label" maxlength=${NAME_MAX} autocomplete="off" />
      </div>
      <button class="primary" type="submit" ?disabled=${this._adding.busy || !this._skills}>
        ${msg('Add skill')}
      </button>
    </form>`;
  }

  private async _load() {
    await this._list.run(msg('load the skills'), async () => {
      this._skills = await listSkills();
    });
    this._skills ??= [];
  }

  private async _openRename(skill: Skill) {
    this._renaming = skill.id;
    this._list.say('');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#rename-${CSS.escape(skill.id)}`)?.focus();
  }

  private async _closeRename(skill: Skill) {
    this._renaming = undefined;
    await this._focusIn(skill.id, '.rename');
  }

  private async _rename(event: SubmitEvent, skill: Skill) {
    event.preventDefault();
    const label = String(
      new FormData(event.currentTarget as HTMLFormElement).get('label') ?? '',
    ).trim();
    if (!label) {
      this._list.say(msg(str`Please give ${skill.label} a name.`));
      return;
    }
    const before = skill.label;
    await this._list.run(msg(str`rename “${before}”`), async () => {
      const saved = await updateSkill(skill.id, { label });
      this._replace(saved);
      this._renaming = undefined;
      const after = saved.label;
      this._notice = msg(str`${before} is now called ${after}.`);
      await this._focusIn(skill.id, '.rename');
    });
  }

  private async _setRetired(skill: Skill, retired: boolean) {
    const name = skill.label;
    const doing = retired ? msg(str`retire “${name}”`) : msg(str`bring back “${name}”`);
    await this._list.run(doing, async () => {
      const saved = await updateSkill(skill.id, { retired });
      this._replace(saved);
      const now = saved.label;
      this._notice = retired
        ? msg(str`${now} is retired. Topics and people that have it keep it.`)
        : msg(str`${now} is back: it can be given to topics and people again.`);
      await this._focusIn(skill.id, '.retire');
    });
  }

  private async _add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const label = String(new FormData(form).get('label') ?? '').trim();
    const skills = this._skills ?? [];
    if (!label) {
      this._adding.say(msg('Please give the new skill a name.'));
      return;
    }
    const twin = skills.find((s) => s.label.toLocaleLowerCase() === label.toLocaleLowerCase());
    if (twin) {
      this._adding.say(
        twin.retired
          ? msg(str`There is a retired skill called ${twin.label}. Bring it back instead.`)
          : msg(str`There is already a skill called ${twin.label}.`),
      );
      return;
    }
    await this._adding.run(msg(str`add “${label}”`), async () => {
      const skill = await addSkill(skillIdFor(label, skills), label);
      this._skills = [...(this._skills ?? []), skill];
      const added = skill.label;
      this._notice = msg(str`${added} is added. Give it to topics and people on their screens.`);
      form.reset();
    });
  }

  private _replace(saved: Skill) {
    this._skills = this._skills?.map((s) => (s.id === saved.id ? saved : s));
  }

  /** Keeps the keyboard where it was after a row re-renders. */
  private async _focusIn(skillId: string, selector: string) {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`li[data-skill="${CSS.escape(skillId)}"] ${selector}`)
      ?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-skills': RoveAdminSkills;
  }
}
