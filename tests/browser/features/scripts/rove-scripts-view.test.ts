import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/scripts/rove-scripts-view.js';
import type { RoveScriptsView } from '../../../../src/client/features/scripts/rove-scripts-view.js';
import { applyScriptEvent } from '../../../../src/client/core/db/scripts-sync.js';
import { replaceScripts } from '../../../../src/client/core/db/scripts.js';
import { replaceTopics } from '../../../../src/client/core/db/replica.js';
import type { Topic } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import {
  getSearchbox,
  published,
  storeStarterScripts,
} from '../../../support/browser/published.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function beforeEach(body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

// There is no Rove server behind the test page, so every view here runs as it would with no
// network: whatever it shows came from this browser's Dexie.
describe('rove-scripts-view', () => {
  const startUrl = location.pathname + location.search;
  beforeEach(async () => {
    await storeStarterScripts();
    // A device that holds no topics yet (a tablet nobody has signed in on).
    await replaceTopics('main', []);
  });
  afterEach(() => history.replaceState(null, '', startUrl));

  async function listView() {
    const el = await fixture<RoveScriptsView>(html`<rove-scripts-view></rove-scripts-view>`);
    await waitFor(() => getByRole(el, 'heading', 'Scripts'), 'the list');
    return el;
  }

  /** The links that open a script (the list's), not the way back to the queue. */
  function scriptLinks(el: HTMLElement) {
    return queryAllByRole(el, 'link').filter((a) =>
      a.getAttribute('href')!.startsWith('/scripts/'),
    );
  }

  /** Waits until the page's main heading (h1) reads `title`. */
  const showsTitle = (el: Element, title: string | null | undefined) =>
    waitFor(() => {
      const h1 = queryAllByRole(el, 'heading').find((h) => h.tagName === 'H1');
      if (h1?.textContent?.trim() !== title) throw new Error(`h1 is "${h1?.textContent}"`);
    }, `the heading ${title}`);

  it('is accessible, as a list and as a checklist', async () => {
    const el = await listView();
    await expect(el).to.be.accessible();
    // An installed app has no browser Back button, so the list offers the way to the queue.
    expect(getByRole(el, 'link', 'Back to the queue').getAttribute('href')).to.equal('/staff');
    const open = await fixture<RoveScriptsView>(
      html`<rove-scripts-view script-id="welcome-at-the-door"></rove-scripts-view>`,
    );
    await waitFor(() => getByRole(open, 'heading', 'Welcome at the door'), 'the script');
    await expect(open).to.be.accessible();
  });

  it('finds the welcome script by searching, opens it and ticks through its steps', async () => {
    const el = await listView();
    typeInto(getSearchbox(el, 'Search scripts'), 'welcome');
    await el.updateComplete;
    const links = scriptLinks(el);
    expect(links[0]?.textContent).to.match(/^\s*Welcome at the door/);
    links[0]!.click();

    await showsTitle(el, 'Welcome at the door');
    expect(location.pathname).to.equal('/scripts/welcome-at-the-door');
    const steps = published('welcome-at-the-door').steps;
    const ordered = queryAllByRole(el, 'list').filter((l) => l.tagName === 'OL');
    expect(ordered).to.have.length(1);
    expect(ordered[0]!.querySelectorAll(':scope > li')).to.have.length(steps.length);
    for (const step of steps) getByRole<HTMLInputElement>(el, 'checkbox', step.text).click();
    await waitFor(() => {
      if (!getByRole(el, 'status').textContent!.includes(`${steps.length} of ${steps.length}`))
        throw new Error('not all ticked yet');
    });
    await expect(el).to.be.accessible();
  });

  it('keeps ticks on the device, so a reload finds them; Reset clears them', async () => {
    const first = await fixture<RoveScriptsView>(
      html`<rove-scripts-view script-id="quiet-word"></rove-scripts-view>`,
    );
    const stepText = published('quiet-word').steps[1]!.text;
    await waitFor(() => getByRole<HTMLInputElement>(first, 'checkbox', stepText)).then((b) =>
      b.click(),
    );
    await waitFor(() => {
      if (!getByRole(first, 'status').textContent!.includes('1 of')) throw new Error('no tick');
    });
    first.remove();

    const again = await fixture<RoveScriptsView>(
      html`<rove-scripts-view script-id="quiet-word"></rove-scripts-view>`,
    );
    const box = await waitFor(() => {
      const b = getByRole<HTMLInputElement>(again, 'checkbox', stepText);
      if (!b.checked) throw new Error('not ticked yet');
      return b;
    }, 'the stored tick');
    getByRole(again, 'button', 'Reset').click();
    await waitFor(() => {
      if (box.checked || getByRole<HTMLInputElement>(again, 'checkbox', stepText).checked)
        throw new Error('still ticked');
    }, 'reset');
  });

  it('moves to the next script and back to the list', async () => {
    const el = await listView();
    typeInto(getSearchbox(el, 'Search scripts'), 'topic guide');
    await el.updateComplete;
    const titles = scriptLinks(el).map((a) => a.querySelector('strong')!.textContent);
    expect(titles).to.have.length(7);
    scriptLinks(el)[0]!.click();
    await showsTitle(el, titles[0]);
    getByRole(el, 'button', 'Next script').click();
    await showsTitle(el, titles[1]);
    getByRole(el, 'button', 'All scripts').click();
    await waitFor(() => getByRole(el, 'heading', 'Scripts'));
    expect(getSearchbox(el, 'Search scripts').value).to.equal('topic guide');
  });

  it('filters by topic', async () => {
    const el = await listView();
    const history = getByRole(el, 'button', 'Local history');
    expect(history.getAttribute('aria-pressed')).to.equal('false');
    history.click();
    await el.updateComplete;
    expect(history.getAttribute('aria-pressed')).to.equal('true');
    const titles = scriptLinks(el).map((a) => a.querySelector('strong')!.textContent);
    expect(titles).to.deep.equal(['Local history']);
    getByRole(el, 'button', 'All topics').click();
    await el.updateComplete;
    expect(scriptLinks(el).length).to.be.greaterThan(12);
  });

  it('names the topic filters as the topics this device holds, added and renamed ones too', async () => {
    const topic = (id: string, label: string, position: number): Topic => ({
      id,
      branchId: 'main',
      label,
      skill: 'general',
      icon: 'help',
      position,
      hidden: false,
    });
    await replaceTopics('main', [
      topic('maker', 'Maker space', 0),
      topic('history', 'Family history and old maps', 1),
    ]);
    await replaceScripts([
      published('local-history', { topicIds: ['history'] }),
      published('warm-goodbye', { topicIds: ['maker', 'tech'] }),
    ]);
    const el = await listView();
    const filters = () => getByRole(el, 'group', 'Filter by topic');
    await waitFor(() => getByRole(filters(), 'button', 'Maker space'), 'the added topic');
    await expect(el).to.be.accessible();
    const names = queryAllByRole(filters(), 'button').map((b) => b.textContent!.trim());
    // Held topics first in the branch's order; then a starter topic the device does not hold.
    expect(names).to.deep.equal([
      'All topics',
      'Maker space',
      'Family history and old maps',
      'Technology',
    ]);
    getByRole(filters(), 'button', 'Maker space').click();
    await el.updateComplete;
    const titles = scriptLinks(el).map((a) => a.querySelector('strong')!.textContent);
    expect(titles).to.deep.equal(['A warm goodbye']);
  });

  it("opens a topic's own script from ?topic= (one tap from a claimed request)", async () => {
    history.replaceState(null, '', '/scripts?topic=careers');
    const el = await fixture<RoveScriptsView>(html`<rove-scripts-view></rove-scripts-view>`);
    await showsTitle(el, 'Jobs and careers');
  });

  it('shows a published change at once and drops a withdrawn script', async () => {
    const el = await fixture<RoveScriptsView>(
      html`<rove-scripts-view script-id="warm-goodbye"></rove-scripts-view>`,
    );
    await showsTitle(el, 'A warm goodbye');
    const edited = published('warm-goodbye', {
      title: 'A fond farewell',
      version: 2,
      latestVersion: 2,
      publishedVersion: 2,
    });
    await applyScriptEvent({ script: edited });
    await waitFor(() => getByRole(el, 'heading', 'A fond farewell'), 'the new title');
    const { publishedVersion: _gone, ...withdrawn } = edited;
    await applyScriptEvent({ script: withdrawn });
    await waitFor(() => getByRole(el, 'heading', 'Script not found'), 'the withdrawal');
    await expect(el).to.be.accessible();
  });

  // Issue 15: nothing on the list moves while it loads (Lighthouse counted 0.12 of layout shift).
  describe('while it loads', () => {
    it('is as wide as the screen from its first frame, not as wide as "Loading"', async () => {
      // The shell's frame: screens are flex items of a column, as in <rove-app>'s main.
      const frame = await fixture<HTMLElement>(
        html`<div style="display: flex; flex-direction: column; width: 400px"></div>`,
      );
      const el = document.createElement('rove-scripts-view') as RoveScriptsView;
      frame.append(el);
      await el.updateComplete;
      expect(getByRole(el, 'status').textContent).to.contain('Loading scripts');
      const widths = [el.getBoundingClientRect().width];
      await waitFor(() => getByRole(el, 'heading', 'Scripts'), 'the list');
      widths.push(el.getBoundingClientRect().width);
      expect(widths).to.deep.equal([400, 400]);
    });

    it('names the topic filters as the device holds them in the first frame of the list', async () => {
      await replaceTopics('main', [
        {
          id: 'history',
          branchId: 'main',
          label: 'Family history and old maps',
          skill: 'general',
          icon: 'help',
          position: 0,
          hidden: false,
        },
      ]);
      const seen = new Set<string>();
      const el = document.createElement('rove-scripts-view') as RoveScriptsView;
      const look = () => {
        for (const b of queryAllByRole(el, 'button')) seen.add(b.textContent!.trim());
      };
      const watcher = new MutationObserver(look);
      document.body.append(el);
      watcher.observe(el.renderRoot, { subtree: true, childList: true, characterData: true });
      try {
        await waitFor(() => getByRole(el, 'button', 'Family history and old maps'));
        look();
        // The starter name never showed first, to be replaced (and the buttons reflowed).
        expect([...seen]).not.to.include('Local history');
      } finally {
        watcher.disconnect();
        el.remove();
      }
    });

    it('on a device with no scripts yet, shows Loading until they come, never "none" first', async () => {
      // Issue 15: a freshly signed-in tablet showed "No scripts have been published yet", then
      // the list and its filters pushed it down (Lighthouse: 0.10 to 0.14 of layout shift).
      await replaceScripts([]);
      const realFetch = window.fetch;
      const scripts = [published('warm-goodbye')];
      window.fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.endsWith('/api/scripts')) return realFetch(input, init);
        await new Promise((resolve) => setTimeout(resolve, 150));
        return new Response(JSON.stringify({ scripts }), {
          headers: { 'content-type': 'application/json' },
        });
      };
      const said = new Set<string>();
      const el = document.createElement('rove-scripts-view') as RoveScriptsView;
      const look = () => {
        for (const status of el.renderRoot.querySelectorAll('[role="status"]'))
          said.add(status.textContent!.trim());
      };
      const watcher = new MutationObserver(look);
      document.body.append(el);
      watcher.observe(el.renderRoot, { subtree: true, childList: true, characterData: true });
      try {
        await waitFor(() => getByRole(el, 'link', /A warm goodbye/), 'the fetched script');
        expect(
          [...said].filter((text) => /published|not reached/.test(text)),
          [...said].join(' / '),
        ).to.deep.equal([]);
        expect([...said]).to.include('Loading scripts…');
      } finally {
        watcher.disconnect();
        el.remove();
        window.fetch = realFetch;
      }
    });

    it('draws a long list a batch per task, the first screenful first', async () => {
      const many = Array.from({ length: 60 }, (_, i) =>
        published('warm-goodbye', {
          id: `many-${i}`,
          title: `Script ${String(i).padStart(2, '0')}`,
        }),
      );
      await replaceScripts(many);
      const el = document.createElement('rove-scripts-view') as RoveScriptsView;
      document.body.append(el);
      const counts: number[] = [];
      const watcher = new MutationObserver(() => {
        const n = scriptLinks(el).length;
        if (n && counts.at(-1) !== n) counts.push(n);
      });
      watcher.observe(el.renderRoot, { subtree: true, childList: true });
      try {
        await waitFor(() => getByRole(el, 'heading', 'Scripts'), 'the list');
        await el.updateComplete;
        // updateComplete waits for the whole list.
        expect(scriptLinks(el)).to.have.length(60);
        expect(counts[0]).to.be.within(8, 20);
        expect(counts.at(-1)).to.equal(60);
        expect(counts.length).to.be.greaterThan(2);
        expect(scriptLinks(el)[0]!.querySelector('strong')!.textContent).to.equal('Script 00');
      } finally {
        watcher.disconnect();
        el.remove();
      }
    });
  });

  it('says plainly when no scripts have reached the device yet', async () => {
    await replaceScripts([]);
    const el = await listView();
    const status = await waitFor(() => getByRole(el, 'status', /not reached this device/));
    expect(status.textContent).to.contain('Connect to the network once');
  });
});
