// Proves the browser test set-up itself: TypeScript with legacy decorators compiles, Lit
// renders in Chromium, and the accessibility check runs.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;

@customElement('rove-smoke-greeting')
class RoveSmokeGreeting extends LitElement {
  static override styles = css`
    button {
      min-height: 48px;
    }
  `;

  /** Who to greet. */
  @property() name = 'there';

  override render() {
    return html`<p>Hello, ${this.name}</p>
      <button type="button">Ask me</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-smoke-greeting': RoveSmokeGreeting;
  }
}

describe('browser test set-up', () => {
  it('renders a Lit element with a decorated property', async () => {
    const el = await fixture<RoveSmokeGreeting>(
      html`<rove-smoke-greeting name="Ada"></rove-smoke-greeting>`,
    );
    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('Hello, Ada');
    el.name = 'Grace';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('Hello, Grace');
  });

  it('checks accessibility with axe', async () => {
    const el = await fixture<RoveSmokeGreeting>(html`<rove-smoke-greeting></rove-smoke-greeting>`);
    await expect(el).to.be.accessible();
  });
});
