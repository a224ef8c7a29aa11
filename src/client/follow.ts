// The follow page's entry (follow.html, served at /follow/<token>): the patron's phone, so only
// the follow view and what it needs. No service worker, no Dexie, nothing of the staff, admin or
// kiosk screens; tests/unit/bundle-size.test.ts holds it to its budget.
import { followWords } from './features/follow/follow-words.js';
import './features/follow/rove-follow-page.js';

document.title = followWords().documentTitle;
