// The tablet buzzes for a new request only once it has been tapped: a tablet restarted into
// its queue has not been, and there Chrome refuses `navigator.vibrate` with an error in the
// console (what cost the tablet its best-practices point in Lighthouse, issue 15).
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import {
  alertLongWait,
  alertNewRequest,
} from '../../../../src/client/features/staff/new-request-alert.js';

const real = Object.getOwnPropertyDescriptor(navigator, 'vibrate');
let buzzes: (number | number[])[];

beforeEach(() => {
  buzzes = [];
  // The device's vibrator, recorded: the browser's own, not ours, stands in here.
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: number | number[]) => {
      buzzes.push(pattern);
      return true;
    },
  });
});

afterEach(() => {
  if (real) Object.defineProperty(navigator, 'vibrate', real);
  else delete (navigator as { vibrate?: unknown }).vibrate;
});

describe('new request alert', () => {
  // One file, one page: this test must run before the page is ever tapped.
  it('does not buzz before the tablet has been tapped', () => {
    expect(navigator.userActivation.hasBeenActive).to.equal(false);
    alertNewRequest();
    alertLongWait();
    expect(buzzes).to.deep.equal([]);
  });

  it('buzzes once the tablet has been tapped', async () => {
    const button = await fixture<HTMLButtonElement>(html`<button>Sign in</button>`);
    const box = button.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    expect(navigator.userActivation.hasBeenActive).to.equal(true);
    alertNewRequest();
    alertLongWait();
    expect(buzzes).to.deep.equal([150, [200, 100, 200, 100, 400]]);
  });
});
