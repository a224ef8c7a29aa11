import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-topics.js';
import type { RoveAdminTopics } from '../../../../src/client/features/admin/rove-admin-topics.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, SKILLS, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

interface TopicData {
  id: string;
  branchId: string;
  label: string;
  skill: string;
  icon: string;
  position: number;
  hidden: boolean;
}
const topic = (id: string, label: string, skill: string, position: number): TopicData => ({
  id,
  branchId: 'main',
  label,
  skill,
  icon: 'tech',
  position,
  hidden: false,
});

describe('rove-admin-topics', () => {
  let server: FakeServer;
  let topics: TopicData[];
  afterEach(() => server?.restore());

  async function open(skills: unknown[] = SKILLS) {
    topics = [
      topic('computers', 'Computers', 'tech', 0),
      topic('books', 'Finding a book', 'books', 1),
      topic('history', 'Local history', 'history', 2),
    ];
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .on('GET', '/api/skills', { body: { skills } })
      .on('GET', '/api/branches/main/topics', () => ({ body: { topics } }))
      .on('GET', '/api/branches/east/topics', { body: { topics: [] } })
      .on('PUT', '/api/branches/main/topics/order', (body) => {
        const { ids } = body as { ids: string[] };
        topics = ids.map((id, position) => ({ ...topics.find((t) => t.id === id)!, position }));
        return { body: { topics } };
      })
      .install();
    const el = await fixture<RoveAdminTopics>(html`<rove-admin-topics></rove-admin-topics>`);
    await waitFor(() => getByRole(el, 'button', 'Edit Computers'), 'the topic list');
    return el;
  }

  const listRegion = (el: RoveAdminTopics) =>
    getByRole(el, 'region', 'What the kiosk offers, in order');

  const labels = (el: RoveAdminTopics) =>
    Array.from(el.shadowRoot!.querySelectorAll('rove-admin-topic-row'), (row) => row.topic.label);

  it('is accessible', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
  });

  it('reorders with Move down / Move up and keeps keyboard focus on the moved topic', async () => {
    const el = await open();
    expect(getByRole<HTMLButtonElement>(el, 'button', 'Move Computers up').disabled).to.equal(true);
    const down = getByRole(el, 'button', 'Move Computers down');
    down.focus();
    down.click();
    await waitFor(() =>
      expect(labels(el)).to.deep.equal(['Finding a book', 'Computers', 'Local history']),
    );
    expect(server.callsTo('PUT', '/api/branches/main/topics/order')[0]?.body).to.deep.equal({
      ids: ['books', 'computers', 'history'],
    });
    const row = el.shadowRoot!.querySelector('rove-admin-topic-row[data-topic="computers"]')!;
    await waitFor(() =>
      expect(row.shadowRoot!.activeElement).to.equal(
        getByRole(row, 'button', 'Move Computers down'),
      ),
    );
    expect(getByRole(listRegion(el), 'status').textContent).to.contain(
      'Computers moved to position 2 of 3',
    );

    getByRole(el, 'button', 'Move Local history up').click();
    await waitFor(() =>
      expect(labels(el)).to.deep.equal(['Finding a book', 'Local history', 'Computers']),
    );
  });

  it('says why a move was refused, with the order as the server has it', async () => {
    const el = await open();
    // Someone else reordered meanwhile: the server refuses this move and keeps its own order.
    topics = [topics[1]!, topics[0]!, topics[2]!].map((t, position) => ({ ...t, position }));
    server.on(
      'PUT',
      '/api/branches/main/topics/order',
      apiError(409, 'conflict', 'The topics changed since you loaded them.'),
    );
    getByRole(el, 'button', 'Move Local history up').click();
    const alert = await waitFor(() => getByRole(listRegion(el), 'alert'), 'the reason');
    expect(alert.textContent).to.contain(
      "We couldn't move “Local history”: The topics changed since you loaded them.",
    );
    await waitFor(() =>
      expect(labels(el)).to.deep.equal(['Finding a book', 'Computers', 'Local history']),
    );
    expect(getByRole(listRegion(el), 'alert')).to.equal(alert);
    await expect(el).to.be.accessible();
  });

  it('renames and remaps a topic to another skill and icon', async () => {
    const el = await open();
    server.on('PATCH', '/api/branches/main/topics/books', (body) => ({
      body: { topic: { ...topics[1], ...(body as object) } },
    }));
    getByRole(el, 'button', 'Edit Finding a book').click();
    const form = await waitFor(() => getByRole(el, 'form', 'Edit Finding a book'));
    expect(
      el.shadowRoot!.querySelector('rove-admin-topic-row[data-topic="books"]')!.shadowRoot!
        .activeElement,
    ).to.equal(getByRole(form, 'textbox', /^Label/));
    typeInto(getByRole(form, 'textbox', /^Label/), 'Books and films');
    getByRole<HTMLSelectElement>(form, 'combobox', 'Skill that answers it').value = 'general';
    getByRole<HTMLSelectElement>(form, 'combobox', 'Icon').value = 'book';
    await expect(el).to.be.accessible();
    getByRole(form, 'button', 'Save topic').click();
    await waitFor(() => getByRole(el, 'button', 'Edit Books and films'));
    expect(server.callsTo('PATCH', '/api/branches/main/topics/books')[0]?.body).to.deep.equal({
      label: 'Books and films',
      skill: 'general',
      icon: 'book',
    });
  });

  it('hides and shows a topic', async () => {
    const el = await open();
    server.on('PATCH', '/api/branches/main/topics/history', (body) => ({
      body: { topic: { ...topics[2], ...(body as object) } },
    }));
    getByRole(el, 'button', 'Hide Local history').click();
    const show = await waitFor(() => getByRole(el, 'button', 'Show Local history'));
    expect(getByRole(listRegion(el), 'status').textContent).to.contain('hidden from the kiosk');
    show.click();
    await waitFor(() => getByRole(el, 'button', 'Hide Local history'));
    expect(
      server.callsTo('PATCH', '/api/branches/main/topics/history').map((c) => c.body),
    ).to.deep.equal([{ hidden: true }, { hidden: false }]);
  });

  it('adds a topic at the end, and says why when the server refuses', async () => {
    const el = await open();
    server.on('POST', '/api/branches/main/topics', (body) => ({
      status: 201,
      body: { topic: { ...topic('printing', 'Printing', 'tech', 3), ...(body as object) } },
    }));
    typeInto(getByRole(el, 'textbox', /^Label What patrons see/), 'Printing');
    getByRole<HTMLSelectElement>(el, 'combobox', 'Skill that answers it').value = 'tech';
    getByRole<HTMLSelectElement>(el, 'combobox', 'Icon').value = 'careers';
    getByRole(el, 'button', 'Add topic').click();
    await waitFor(() => expect(labels(el).at(-1)).to.equal('Printing'));
    expect(server.callsTo('POST', '/api/branches/main/topics')[0]?.body).to.deep.equal({
      label: 'Printing',
      skill: 'tech',
      icon: 'careers',
    });

    server.on('POST', '/api/branches/main/topics', apiError(400, 'invalid', 'skill is not known'));
    typeInto(getByRole(el, 'textbox', /^Label What patrons see/), 'Scanning');
    getByRole(el, 'button', 'Add topic').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain(
        'Please check the form: skill is not known',
      ),
    );
  });

  it('shows the topics of the branch chosen', async () => {
    const el = await open();
    const branch = getByRole<HTMLSelectElement>(el, 'combobox', 'Branch');
    branch.value = 'east';
    branch.dispatchEvent(new Event('change'));
    await waitFor(() => expect(el.shadowRoot!.textContent).to.contain('no topics yet'));
  });

  it('shows a newly added branch with its topics', async () => {
    const el = await open();
    server
      .on('POST', '/api/branches', (body) => ({ status: 201, body }))
      .on('GET', '/api/branches/north/topics', { body: { topics: [] } });
    const form = el.shadowRoot!.querySelector('rove-admin-branch-form')!;
    typeInto(getByRole(form, 'textbox', /^Branch name/), 'North');
    getByRole(form, 'button', 'Add branch').click();
    await waitFor(() =>
      expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Branch').value).to.equal('north'),
    );
    expect(server.callsTo('GET', '/api/branches/north/topics')).to.have.length(1);
  });

  it('edits the zones and long-wait alert of the branch chosen, and keeps what was saved', async () => {
    const el = await open();
    server.on('PATCH', '/api/branches/east', (body) => ({
      body: { ...BRANCHES[1], ...(body as object) },
    }));
    const branch = getByRole<HTMLSelectElement>(el, 'combobox', 'Branch');
    branch.value = 'east';
    branch.dispatchEvent(new Event('change'));
    const zones = await waitFor(() => getByRole(el, 'form', 'Zones at East Branch'));
    getByRole(el, 'form', 'Long waits at East Branch');
    typeInto(getByRole(zones, 'textbox', 'New zone'), 'Teen room');
    getByRole(zones, 'button', 'Add zone').click();
    await waitFor(() => getByRole(zones, 'textbox', 'Zone 1'));
    getByRole(zones, 'button', 'Save zones').click();
    await waitFor(() => expect(getByRole(zones, 'status').textContent).to.contain('Saved.'));
    expect(server.callsTo('PATCH', '/api/branches/east')[0]?.body).to.deep.equal({
      zones: ['Teen room'],
    });

    // Away to another branch and back: the screen shows the zones as saved, not as first read.
    branch.value = 'main';
    branch.dispatchEvent(new Event('change'));
    await waitFor(() => getByRole(el, 'form', 'Zones at Main Library'));
    branch.value = 'east';
    branch.dispatchEvent(new Event('change'));
    const again = await waitFor(() => getByRole(el, 'form', 'Zones at East Branch'));
    expect(getByRole<HTMLInputElement>(again, 'textbox', 'Zone 1').value).to.equal('Teen room');
  });

  it('offers a label field per branch language, and only current skills, when adding', async () => {
    const el = await open([...SKILLS, { id: 'law', label: 'Law', retired: true }]);
    const skills = getByRole<HTMLSelectElement>(el, 'combobox', 'Skill that answers it');
    expect(Array.from(skills.options, (o) => o.value)).to.deep.equal(SKILLS.map((s) => s.id));
    server
      .on('PATCH', '/api/branches/main', (body) => ({
        body: { ...BRANCHES[0], ...(body as object) },
      }))
      .on('POST', '/api/branches/main/topics', (body) => ({
        status: 201,
        body: {
          topic: { ...topic('genealogy', 'Family trees', 'history', 3), ...(body as object) },
        },
      }));
    // The branch offers Spanish too: the add form and each topic's edit grow a field for it.
    const languages = getByRole(el, 'form', 'Languages at Main Library');
    getByRole(languages, 'checkbox', /^Español/).click();
    getByRole(languages, 'button', 'Save languages').click();
    const spanish = await waitFor(() => getByRole(el, 'textbox', /^Label in Español/));
    expect(server.callsTo('PATCH', '/api/branches/main')[0]?.body).to.deep.equal({
      languages: ['en', 'es'],
    });
    typeInto(getByRole(el, 'textbox', /^Label What patrons see/), 'Family trees');
    typeInto(spanish, 'Árboles genealógicos');
    skills.value = 'history';
    getByRole(el, 'button', 'Add topic').click();
    await waitFor(() => expect(labels(el).at(-1)).to.equal('Family trees'));
    expect(server.callsTo('POST', '/api/branches/main/topics')[0]?.body).to.deep.include({
      label: 'Family trees',
      skill: 'history',
      labels: { es: 'Árboles genealógicos' },
    });
    await expect(el).to.be.accessible();
  });
});
