// The scripts' controller on a bare host: which stream it keeps open (the branch's for a
// signed-in rover, else the public scripts stream) and that it stops with the host, the ticks of
// whichever script is open (a new version starts fresh), and the offer to send for a specialist,
// which only a signed-in rover gets.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ScriptsController } from '../../../../src/client/features/scripts/scripts-controller.js';
import { setMeta } from '../../../../src/client/core/db/db.js';
import { replaceScripts } from '../../../../src/client/core/db/scripts.js';
import { waitFor } from '../../../support/browser/by-role.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
} from '../../../support/browser/fake-stream.js';
import { sam, tablet, topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';
import { published, storeStarterScripts } from '../../../support/browser/published.js';

class BinderHost extends LitElement {
  scriptId?: string;
  readonly binder = new ScriptsController(this, () => this.scriptId);
}
customElements.define('scripts-controller-host', BinderHost);

const host = () => fixture<BinderHost>(html`<scripts-controller-host></scripts-controller-host>`);

/** A host that remembers whether it has rendered the list from the device's copy yet. */
class ShownHost extends LitElement {
  readonly binder = new ScriptsController(this, () => undefined);
  shownLoaded = false;
  override render() {
    if (this.binder.loaded) this.shownLoaded = true;
    return html`<p>${this.binder.scripts.length}</p>`;
  }
}
customElements.define('scripts-shown-host', ShownHost);

const until = (what: string, check: () => boolean) =>
  waitFor(() => {
    if (!check()) throw new Error(`not yet: ${what}`);
  }, what);

const path = (url: string) => new URL(url, location.href).pathname;

/** Opens script `id` on `el` and waits for the update that follows its ticks. */
async function open(el: BinderHost, id: string | undefined) {
  el.scriptId = id;
  el.requestUpdate();
  await el.updateComplete;
}

describe('ScriptsController', () => {
  offlineWithReplica({ topics, staff: [sam] });
  beforeEach(async () => {
    await storeStarterScripts();
    installFakeStream();
  });
  afterEach(restoreStream);

  it('keeps the branch’s stream open for a signed-in rover, and may offer a specialist', async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    const el = await host();
    const stream = await nthStream(1);
    expect(path(stream.url)).to.equal('/api/branches/main/events');
    await until('the rover', () => el.binder.staff !== undefined);
    expect(el.binder.staff).to.deep.equal({ me: sam, branchId: 'main' });

    await el.binder.offerSpecialist();
    const offer = el.binder.offer;
    expect(offer && 'topics' in offer && offer.topics.map((t) => t.id)).to.deep.equal([
      'tech',
      'history',
    ]);
    el.binder.closeOffer();
    expect(el.binder.offer).to.equal(undefined);

    el.remove();
    expect(stream.closed).to.equal(true);
  });

  it('keeps the public scripts stream open with nobody signed in, and offers nothing', async () => {
    await setMeta('session', { role: 'tablet', device: tablet });
    const el = await host();
    const stream = await nthStream(1);
    expect(path(stream.url)).to.equal('/api/scripts/events');
    await el.binder.offerSpecialist();
    expect(el.binder.offer).to.equal(undefined);
    expect(el.binder.staff).to.equal(undefined);
    el.remove();
    expect(stream.closed).to.equal(true);
  });

  it('asks the server (list and stream) only after the list has shown from the device', async () => {
    // Issue 15: the fetch of the list, the stream's snapshot and the renders they set off came
    // before the first paint of the list the device already holds.
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    const aimed = window.fetch;
    const asked: { path: string; shown: boolean }[] = [];
    window.fetch = (input, init) => {
      const el = document.querySelector<ShownHost>('scripts-shown-host');
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/scripts') || url.includes('/events'))
        asked.push({ path: path(url), shown: el?.shownLoaded ?? false });
      return aimed(input, init);
    };
    try {
      const el = await fixture<ShownHost>(html`<scripts-shown-host></scripts-shown-host>`);
      (await nthStream(1)).accept();
      await until('the list asked for', () => asked.some((a) => a.path === '/api/scripts'));
      expect(el.binder.scripts.length).to.be.greaterThan(1);
      expect(asked.length).to.be.greaterThan(1);
      expect(asked.filter((a) => !a.shown)).to.deep.equal([]);
    } finally {
      window.fetch = aimed;
    }
  });

  it('reads the device’s scripts, and says when the server could not be reached', async () => {
    const el = await host();
    await until('loaded', () => el.binder.loaded);
    expect(el.binder.scripts.length).to.be.greaterThan(1);
    await until('unreachable', () => el.binder.unreachable);
  });

  it('follows the ticks of the open script, and starts afresh on a new version', async () => {
    const el = await host();
    await until('loaded', () => el.binder.loaded);
    await open(el, 'local-history');
    const script = el.binder.script!;
    expect(script.id).to.equal('local-history');
    expect(el.binder.done).to.deep.equal([]);

    el.binder.tick(script, { index: 1, ticked: true });
    el.binder.tick(script, { index: 0, ticked: true });
    expect([...el.binder.done].sort()).to.deep.equal([0, 1]);

    // Another script, then back: the ticks were kept on the device.
    await open(el, undefined);
    expect(el.binder.done).to.deep.equal([]);
    await open(el, 'local-history');
    await until('the ticks read back', () => el.binder.done.length === 2);

    // A supervisor publishes a new version: its steps start unticked.
    await replaceScripts(
      el.binder.scripts.map((s) =>
        s.id === 'local-history' ? published('local-history', { version: 2 }) : s,
      ),
    );
    await until('the new version', () => el.binder.script?.version === 2);
    await el.updateComplete;
    await until('no ticks', () => el.binder.done.length === 0);
  });
});
