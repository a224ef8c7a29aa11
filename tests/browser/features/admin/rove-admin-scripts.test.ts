import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-scripts.js';
import type { RoveAdminScripts } from '../../../../src/client/features/admin/rove-admin-scripts.js';
import type { Script, ScriptVersion } from '../../../../src/shared/scripts.js';
import type { Topic } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, apiError } from '../../../support/browser/fake-server.js';
import { published } from '../../../support/browser/published.js';

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

// The component's own calls are answered at the network boundary with docs/API.md's shapes.
describe('rove-admin-scripts', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const goodbye = published('warm-goodbye', { latestVersion: 2, version: 2 });
  const versionOf = (s: Script, n: number, isPublished: boolean): ScriptVersion => ({
    scriptId: s.id,
    version: n,
    title: n === 1 ? 'Old goodbye' : s.title,
    purpose: s.purpose,
    tags: s.tags,
    topicIds: s.topicIds,
    steps: s.steps,
    savedAt: '2025-01-01T09:00:00.000Z',
    published: isPublished,
  });

  const topic = (branchId: string, id: string, label: string, position: number): Topic => ({
    id,
    branchId,
    label,
    skill: 'general',
    icon: 'question',
    position,
    hidden: false,
  });
  // Each branch's topics as a supervisor left them: Main renamed `tech`; East added one.
  const TOPICS: Record<string, Topic[]> = {
    main: [
      topic('main', 'tech', 'Computers and printing', 0),
      topic('main', 'history', 'Local history', 1),
    ],
    east: [
      topic('east', 'tech', 'Computers and printing', 0),
      topic('east', 'history', 'Local history', 1),
      topic('east', 'tax-help', 'Tax season help', 2),
    ],
  };

  function serve(scripts: Script[] = [goodbye], topics = TOPICS) {
    const fake = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .on('GET', '/api/scripts', { body: { scripts } })
      .on('GET', '/api/scripts/warm-goodbye/versions', {
        body: { versions: [versionOf(goodbye, 2, false), versionOf(goodbye, 1, true)] },
      });
    for (const [branchId, list] of Object.entries(topics))
      fake.on('GET', `/api/branches/${branchId}/topics`, { body: { topics: list } });
    return fake.install();
  }

  async function openGoodbye() {
    const el = await fixture<RoveAdminScripts>(html`<rove-admin-scripts></rove-admin-scripts>`);
    const edit = await waitFor(() => getByRole(el, 'button', 'Edit A warm goodbye'), 'the list');
    edit.click();
    await waitFor(() => getByRole(el, 'button', 'View version 1'), 'the history');
    return el;
  }

  const steps = (el: Element) => getByRole<HTMLTextAreaElement>(el, 'textbox', /^Steps/);

  it('is accessible, listing and editing', async () => {
    server = serve();
    const el = await fixture<RoveAdminScripts>(html`<rove-admin-scripts></rove-admin-scripts>`);
    await waitFor(() => getByRole(el, 'button', 'Edit A warm goodbye'));
    expect(el.shadowRoot!.textContent).to.contain(
      'Published: version 1 is on devices; newer draft: version 2',
    );
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Edit A warm goodbye').click();
    await waitFor(() => getByRole(el, 'button', 'View version 1'));
    await expect(el).to.be.accessible();
  });

  it('offers every branch’s topics by the names the supervisor gave them', async () => {
    // Linked to a renamed topic and to one no branch has any more.
    server = serve([{ ...goodbye, topicIds: ['tech', 'old-topic'] }]);
    const el = await openGoodbye();
    const linked = await waitFor(() => {
      getByRole(el, 'checkbox', 'Tax season help');
      return getByRole(el, 'group', 'Linked topics');
    }, 'the branches’ topics');
    await expect(el).to.be.accessible();
    const boxes = () =>
      queryAllByRole(linked, 'checkbox').map((box) => [
        box.parentElement!.textContent!.replace(/\s+/g, ' ').trim(),
        (box as HTMLInputElement).checked,
      ]);
    expect(boxes()).to.deep.equal([
      ['Computers and printing', true],
      ['Local history', false],
      ['Tax season help', false],
      ['old-topic (no longer a topic at any branch)', true],
    ]);
    expect(queryAllByRole(el, 'checkbox', 'Technology')).to.have.length(0);

    // Unlinking the removed topic keeps it on the form, so the supervisor can change their mind.
    getByRole(linked, 'checkbox', 'old-topic (no longer a topic at any branch)').click();
    getByRole(linked, 'checkbox', 'Tax season help').click();
    await waitFor(() =>
      expect(boxes()).to.deep.equal([
        ['Computers and printing', true],
        ['Local history', false],
        ['Tax season help', true],
        ['old-topic (no longer a topic at any branch)', false],
      ]),
    );
    server.on('PUT', '/api/scripts/warm-goodbye', (body) => ({
      body: { script: { ...goodbye, ...(body as object), version: 3, latestVersion: 3 } },
    }));
    getByRole(el, 'button', 'Save').click();
    await waitFor(() => getByRole(el, 'status', /Saved as version 3/));
    const put = server.callsTo('PUT', '/api/scripts/warm-goodbye')[0]!.body as {
      topicIds: string[];
    };
    expect(put.topicIds).to.deep.equal(['tech', 'tax-help']);
  });

  it('shows linked topics by id when the topics cannot be read', async () => {
    server = serve([{ ...goodbye, topicIds: ['tech'] }], {}).on(
      'GET',
      '/api/branches',
      apiError(503, 'internal', 'The store is not answering'),
    );
    const el = await fixture<RoveAdminScripts>(html`<rove-admin-scripts></rove-admin-scripts>`);
    await waitFor(() => getByRole(el, 'alert', /We couldn't load the topics/));
    (await waitFor(() => getByRole(el, 'button', 'Edit A warm goodbye'))).click();
    const linked = await waitFor(() => getByRole(el, 'group', 'Linked topics'));
    expect(linked.textContent).to.contain('Topic names are not available');
    expect((getByRole(linked, 'checkbox', 'tech') as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('previews the text as it is typed, and reorders steps', async () => {
    server = serve();
    const el = await openGoodbye();
    typeInto(steps(el), '1. Smile.\n   > "Hello!"\n2. Wave goodbye.\n');
    await waitFor(() => getByRole(el, 'heading', 'Preview'));
    const preview = el
      .shadowRoot!.querySelector('rove-script-editor')!
      .shadowRoot!.querySelector('rove-script-preview')!;
    await waitFor(() => {
      const items = [...preview.shadowRoot!.querySelectorAll('ol > li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(items).to.deep.equal(['Smile. “Hello!”', 'Wave goodbye.']);
    }, 'the preview');
    getByRole(el, 'button', 'Move step 2 up').click();
    await waitFor(() => expect(steps(el).value).to.match(/^1\. Wave goodbye\.\n2\. Smile\./));
    typeInto(steps(el), 'Hello there');
    await waitFor(() => getByRole(el, 'listitem', /Line 1: Start a step with a number/));
  });

  it('saves a new version against the version it started from, then publishes', async () => {
    server = serve()
      .on('PUT', '/api/scripts/warm-goodbye', (body) => ({
        body: { script: { ...goodbye, ...(body as object), version: 3, latestVersion: 3 } },
      }))
      .on('POST', '/api/scripts/warm-goodbye/publish', () => ({
        body: { script: { ...goodbye, version: 3, latestVersion: 3, publishedVersion: 3 } },
      }));
    const el = await openGoodbye();
    typeInto(getByRole(el, 'textbox', 'Title'), 'A fond farewell');
    (await waitFor(() => getByRole(el, 'checkbox', 'Local history'))).click();
    getByRole(el, 'button', 'Save').click();
    await waitFor(() => getByRole(el, 'status', /Saved as version 3/));
    const put = server.callsTo('PUT', '/api/scripts/warm-goodbye')[0]!.body as Record<
      string,
      unknown
    >;
    expect(put.version).to.equal(2);
    expect(put.title).to.equal('A fond farewell');
    expect(put.topicIds).to.deep.equal(['history']);
    expect(put.steps).to.deep.equal(goodbye.steps);

    getByRole(el, 'button', 'Publish').click();
    await waitFor(() => getByRole(el, 'status', /Published version 3/));
    expect(server.callsTo('PUT', '/api/scripts/warm-goodbye')).to.have.length(1);
    expect(server.callsTo('POST', '/api/scripts/warm-goodbye/publish')).to.have.length(1);
  });

  it('withdraws a published script only after a confirmation, and can publish it again', async () => {
    const withdrawn = { ...goodbye, publishedVersion: undefined, publishedAt: undefined };
    server = serve()
      .on('POST', '/api/scripts/warm-goodbye/unpublish', { body: { script: withdrawn } })
      .on('POST', '/api/scripts/warm-goodbye/publish', {
        body: { script: { ...goodbye, publishedVersion: 2 } },
      });
    const el = await openGoodbye();
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Withdraw A warm goodbye').click();
    const confirm = await waitFor(() =>
      getByRole(el, 'group', 'Confirm withdrawing A warm goodbye'),
    );
    await expect(el).to.be.accessible();
    expect(confirm.textContent).to.contain('publish it again to bring it back');
    const keep = getByRole(el, 'button', 'Keep it on devices');
    // The safe choice has the focus, so a stray Enter keeps the script on devices.
    await waitFor(() => {
      if ((keep.getRootNode() as ShadowRoot).activeElement !== keep) throw new Error('no focus');
    }, 'focus on Keep');
    keep.click();
    await waitFor(() => getByRole(el, 'button', 'Withdraw A warm goodbye'));
    expect(server.callsTo('POST', '/api/scripts/warm-goodbye/unpublish')).to.have.length(0);

    getByRole(el, 'button', 'Withdraw A warm goodbye').click();
    (await waitFor(() => getByRole(el, 'button', 'Yes, withdraw'))).click();
    await waitFor(() => getByRole(el, 'status', /Withdrawn: devices stop showing/));
    expect(server.callsTo('POST', '/api/scripts/warm-goodbye/unpublish')[0]!.body).to.deep.equal(
      {},
    );
    expect(el.shadowRoot!.textContent).to.contain('Not published: draft version 2');
    expect(queryAllByRole(el, 'button', /^Withdraw/)).to.have.length(0);

    getByRole(el, 'button', 'Publish').click();
    await waitFor(() => getByRole(el, 'status', /Published version 2/));
    await waitFor(() => getByRole(el, 'button', 'Withdraw A warm goodbye'));
  });

  it('says in words when someone else saved first (409)', async () => {
    server = serve().on(
      'PUT',
      '/api/scripts/warm-goodbye',
      apiError(409, 'conflict', 'The script is at version 3'),
    );
    const el = await openGoodbye();
    getByRole(el, 'button', 'Save').click();
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('someone saved this script since you opened it');
    await expect(el).to.be.accessible();
  });

  it('views an old version and restores it', async () => {
    server = serve().on('POST', '/api/scripts/warm-goodbye/versions/1/restore', () => ({
      body: { script: { ...goodbye, title: 'Old goodbye', version: 3, latestVersion: 3 } },
    }));
    const el = await openGoodbye();
    getByRole(el, 'button', 'View version 1').click();
    await waitFor(() => getByRole(el, 'button', 'Close version'));
    expect(queryAllByRole(el, 'heading', 'Old goodbye')).to.have.length(1);
    getByRole(el, 'button', 'Restore version 1').click();
    await waitFor(() => getByRole(el, 'status', /Version 1 is back as version 3/));
    const call = server.callsTo('POST', '/api/scripts/warm-goodbye/versions/1/restore')[0]!;
    expect(call.body).to.deep.equal({ version: 2 });
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Title').value).to.equal('Old goodbye');
  });

  it('creates a new script with a POST, refusing to save it without steps', async () => {
    server = serve().on('POST', '/api/scripts', (body) => ({
      status: 201,
      body: {
        script: {
          ...(body as object),
          id: 'lost-property',
          version: 1,
          latestVersion: 1,
          updatedAt: '2025-01-01T09:00:00.000Z',
        },
      },
    }));
    const el = await fixture<RoveAdminScripts>(html`<rove-admin-scripts></rove-admin-scripts>`);
    (await waitFor(() => getByRole(el, 'button', 'New script'))).click();
    await waitFor(() => getByRole(el, 'heading', 'New script'));
    typeInto(getByRole(el, 'textbox', 'Title'), 'Lost property');
    typeInto(getByRole(el, 'textbox', /^Purpose/), 'When someone has lost something here.');
    getByRole(el, 'button', 'Save').click();
    await waitFor(() => getByRole(el, 'alert', /fix the steps/));
    expect(server.callsTo('POST', '/api/scripts')).to.have.length(0);
    typeInto(steps(el), '1. Ask what it looks like.\n2. Check the lost property box.');
    typeInto(getByRole(el, 'textbox', /^Tags/), 'lost, property');
    getByRole(el, 'button', 'Save').click();
    await waitFor(() => getByRole(el, 'status', /Saved as version 1/));
    const body = server.callsTo('POST', '/api/scripts')[0]!.body as Record<string, unknown>;
    expect(body.tags).to.deep.equal(['lost', 'property']);
    expect(body.steps).to.have.length(2);
  });
});
