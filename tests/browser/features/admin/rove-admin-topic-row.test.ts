import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-topic-row.js';
import type { RoveAdminTopicRow } from '../../../../src/client/features/admin/rove-admin-topic-row.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, SKILLS } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const PRINTING = {
  id: 'printing',
  branchId: 'main',
  label: 'Printing',
  skill: 'tech',
  icon: 'a-custom-icon',
  position: 1,
  hidden: true,
};

describe('rove-admin-topic-row', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = (first = false, last = false) =>
    fixture<RoveAdminTopicRow>(
      html`<rove-admin-topic-row
        .topic=${PRINTING}
        .skills=${SKILLS}
        ?first=${first}
        ?last=${last}
      ></rove-admin-topic-row>`,
    );

  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('says where it goes and that it is hidden, and offers Show', async () => {
    const el = await render();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('hidden from the kiosk');
    expect(text).to.contain('Goes to: Technology');
    getByRole(el, 'button', 'Show Printing');
  });

  it('asks the list to move it, and cannot move past the ends', async () => {
    const el = await render(true, false);
    expect(getByRole<HTMLButtonElement>(el, 'button', 'Move Printing up').disabled).to.equal(true);
    const moved = oneEvent(el, 'topic-move');
    getByRole(el, 'button', 'Move Printing down').click();
    expect((await moved).detail).to.deep.equal({ topicId: 'printing', by: 1 });
  });

  it('keeps an icon it does not know as a choice when editing', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main/topics/printing', (body) => ({
        body: { topic: { ...PRINTING, ...(body as object) } },
      }))
      .install();
    const el = await render();
    getByRole(el, 'button', 'Edit Printing').click();
    const icon = await waitFor(() => getByRole<HTMLSelectElement>(el, 'combobox', 'Icon'));
    expect(icon.value).to.equal('a-custom-icon');
    typeInto(getByRole(el, 'textbox', /^Label/), '');
    getByRole(el, 'button', 'Save topic').click();
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('label'));
    expect(server.calls).to.have.length(0);
    typeInto(getByRole(el, 'textbox', /^Label/), 'Printing and copying');
    const updated = oneEvent(el, 'topic-updated');
    getByRole(el, 'button', 'Save topic').click();
    expect((await updated).detail.label).to.equal('Printing and copying');
    expect(server.calls[0]?.body).to.deep.equal({
      label: 'Printing and copying',
      skill: 'tech',
      icon: 'a-custom-icon',
    });
  });

  it('offers only current skills, and keeps a retired one the topic has', async () => {
    const skills = [
      ...SKILLS,
      { id: 'law', label: 'Law', retired: true },
      { id: 'fax', label: 'Fax machines', retired: true },
    ];
    const el = await fixture<RoveAdminTopicRow>(
      html`<rove-admin-topic-row
        .topic=${{ ...PRINTING, skill: 'law' }}
        .skills=${skills}
      ></rove-admin-topic-row>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Goes to: Law');
    getByRole(el, 'button', 'Edit Printing').click();
    const skill = await waitFor(() =>
      getByRole<HTMLSelectElement>(el, 'combobox', 'Skill that answers it'),
    );
    const options = Array.from(skill.options, (o) => o.textContent!.trim());
    expect(options).to.include('Law (retired, kept)');
    expect(options).not.to.include('Fax machines');
    expect(options).not.to.include('Fax machines (retired, kept)');
    expect(skill.value).to.equal('law');
    await expect(el).to.be.accessible();
  });

  it("writes the label in each of the branch's other languages", async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main/topics/printing', (body) => ({
        body: { topic: { ...PRINTING, labels: {}, ...(body as object) } },
      }))
      .install();
    const el = await fixture<RoveAdminTopicRow>(
      html`<rove-admin-topic-row
        .topic=${{ ...PRINTING, labels: { es: 'Impresión', fr: 'Impression' } }}
        .skills=${SKILLS}
        .languages=${['es', 'ar']}
      ></rove-admin-topic-row>`,
    );
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('In other languages: Español: “Impresión” · العربية: none yet');
    getByRole(el, 'button', 'Edit Printing').click();
    const spanish = await waitFor(() =>
      getByRole<HTMLInputElement>(el, 'textbox', /^Label in Español/),
    );
    expect(spanish.value).to.equal('Impresión');
    expect(spanish.lang).to.equal('es');
    const arabic = getByRole<HTMLInputElement>(el, 'textbox', /^Label in العربية/);
    expect(arabic.value).to.equal('');
    expect(arabic.lang).to.equal('ar');
    await expect(el).to.be.accessible();
    typeInto(arabic, ' الطباعة ');
    typeInto(spanish, '');
    const updated = oneEvent(el, 'topic-updated');
    getByRole(el, 'button', 'Save topic').click();
    await updated;
    // An emptied field goes as empty (none); a language the branch no longer offers stays.
    expect(server.calls[0]?.body).to.deep.equal({
      label: 'Printing',
      skill: 'tech',
      icon: 'a-custom-icon',
      labels: { es: '', fr: 'Impression', ar: 'الطباعة' },
    });
  });
});
