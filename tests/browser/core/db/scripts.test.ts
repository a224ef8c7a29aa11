// A refresh that finds the scripts as the device already holds them writes nothing, so the
// views watching them are not handed the same list again (each one a full re-render of Scripts
// at load, issue 15); a changed, new or withdrawn script still reaches them.
import { expect } from '@open-wc/testing';
import { replaceScripts, watchScripts } from '../../../../src/client/core/db/scripts.js';
import { waitFor } from '../../../support/browser/by-role.js';
import { published, storeStarterScripts } from '../../../support/browser/published.js';
import type { Script } from '../../../../src/shared/scripts.js';

describe('replaceScripts', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('wakes the watchers only when a script changed', async () => {
    const all = await storeStarterScripts();
    const seen: Script[][] = [];
    stop = watchScripts((list) => seen.push(list));
    await waitFor(() => expect(seen).to.have.length(1), 'the first read');

    // The same scripts again (fresh objects, as a fetch gives them), then one new version.
    await replaceScripts(all.map((s) => published(s.id)));
    const [first, ...rest] = all;
    await replaceScripts([published(first!.id, { version: 2 }), ...rest]);
    await waitFor(
      () => expect(seen.at(-1)!.find((s) => s.id === first!.id)?.version).to.equal(2),
      'the new version',
    );
    expect(seen).to.have.length(2);

    // A withdrawn script leaves the list.
    await replaceScripts(rest.map((s) => published(s.id)));
    await waitFor(() => expect(seen).to.have.length(3), 'the withdrawal');
    expect(seen.at(-1)!.map((s) => s.id)).to.not.include(first!.id);
    expect(seen.at(-1)).to.have.length(rest.length);
  });
});
