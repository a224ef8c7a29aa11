import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-skills.js';
import type { RoveAdminSkills } from '../../../../src/client/features/admin/rove-admin-skills.js';
import type { Skill } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

describe('rove-admin-skills', () => {
  let server: FakeServer;
  let skills: Skill[];
  afterEach(() => server?.restore());

  /** The skills screen against a server that keeps what it is sent, as docs/API.md says. */
  async function open() {
    skills = [
      { id: 'tech', label: 'Technology', retired: false },
      { id: 'history', label: 'Local history', retired: false },
      { id: 'law', label: 'Law', retired: true },
    ];
    server = new FakeServer()
      .on('GET', '/api/skills', () => ({ body: { skills } }))
      .on('POST', '/api/skills', (body) => {
        const skill = { ...(body as Skill), retired: false };
        skills = [...skills, skill];
        return { status: 201, body: { skill } };
      })
      .install();
    for (const skill of skills) {
      server.on('PATCH', `/api/skills/${skill.id}`, (body) => {
        const saved = { ...skills.find((s) => s.id === skill.id)!, ...(body as object) };
        skills = skills.map((s) => (s.id === saved.id ? saved : s));
        return { body: { skill: saved } };
      });
    }
    const el = await fixture<RoveAdminSkills>(html`<rove-admin-skills></rove-admin-skills>`);
    await waitFor(() => getByRole(el, 'button', 'Rename Technology'), 'the skill list');
    return el;
  }
  const status = (el: RoveAdminSkills) => getByRole(el, 'status').textContent ?? '';

  it('is accessible, lists every skill and says which are retired', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    const list = getByRole(el, 'list', 'Skills');
    expect(queryAllByRole(list, 'listitem')).to.have.length(3);
    expect(list.textContent).to.contain('(retired: offered to no new topic or person)');
    getByRole(el, 'button', 'Retire Technology');
    getByRole(el, 'button', 'Bring back Law');
  });

  it('adds a skill by its name, with an id made from it', async () => {
    const el = await open();
    typeInto(getByRole(el, 'textbox', /^Name/), '  Legal forms ');
    getByRole(el, 'button', 'Add skill').click();
    await waitFor(() => getByRole(el, 'button', 'Rename Legal forms'));
    expect(server.callsTo('POST', '/api/skills').map((c) => c.body)).to.deep.equal([
      { id: 'legal-forms', label: 'Legal forms' },
    ]);
    expect(status(el)).to.contain('Legal forms is added');
    expect(getByRole<HTMLInputElement>(el, 'textbox', /^Name/).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says so, without sending, when the name is empty or taken (retired ones too)', async () => {
    const el = await open();
    getByRole(el, 'button', 'Add skill').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('give the new skill a name'),
    );
    typeInto(getByRole(el, 'textbox', /^Name/), 'local HISTORY');
    getByRole(el, 'button', 'Add skill').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain(
        'There is already a skill called Local history.',
      ),
    );
    typeInto(getByRole(el, 'textbox', /^Name/), 'Law');
    getByRole(el, 'button', 'Add skill').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('Bring it back instead.'),
    );
    expect(server.callsTo('POST', '/api/skills')).to.have.length(0);
  });

  it("says the server's refusal in words", async () => {
    const el = await open();
    server.on(
      'POST',
      '/api/skills',
      apiError(409, 'conflict', 'A skill with id "esl" already exists'),
    );
    typeInto(getByRole(el, 'textbox', /^Name/), 'ESL');
    getByRole(el, 'button', 'Add skill').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain(
        'We couldn\'t add “ESL”: A skill with id "esl" already exists.',
      ),
    );
  });

  it('renames a skill in place and keeps focus on its Rename button', async () => {
    const el = await open();
    getByRole(el, 'button', 'Rename Local history').click();
    const form = await waitFor(() => getByRole(el, 'form', 'Rename Local history'));
    const field = getByRole<HTMLInputElement>(form, 'textbox', 'New name for Local history');
    expect(el.shadowRoot!.activeElement).to.equal(field);
    await expect(el).to.be.accessible();
    typeInto(field, 'Family and local history');
    getByRole(form, 'button', 'Save name').click();
    const button = await waitFor(() => getByRole(el, 'button', 'Rename Family and local history'));
    expect(server.callsTo('PATCH', '/api/skills/history').map((c) => c.body)).to.deep.equal([
      { label: 'Family and local history' },
    ]);
    expect(status(el)).to.contain('Local history is now called Family and local history.');
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(button));
  });

  it('retires a skill and brings one back', async () => {
    const el = await open();
    getByRole(el, 'button', 'Retire Technology').click();
    await waitFor(() => getByRole(el, 'button', 'Bring back Technology'));
    expect(status(el)).to.contain('Technology is retired. Topics and people that have it keep it.');
    getByRole(el, 'button', 'Bring back Law').click();
    await waitFor(() => getByRole(el, 'button', 'Retire Law'));
    expect(status(el)).to.contain('Law is back');
    expect(server.callsTo('PATCH', '/api/skills/tech').map((c) => c.body)).to.deep.equal([
      { retired: true },
    ]);
    expect(server.callsTo('PATCH', '/api/skills/law').map((c) => c.body)).to.deep.equal([
      { retired: false },
    ]);
    await expect(el).to.be.accessible();
  });
});
