// Every word the patron's follow page says, in one place, so a translation (issue 13) replaces
// this module and nothing else. Plurals and numbers go through core/words with the locale.
import { plural, type Locale } from '../../core/words/index.js';

export const followWords = (locale: Locale = 'en') => ({
  locale,
  documentTitle: 'Your request at the library',
  pageTitle: 'Your request',
  yourTicket: 'Your ticket',
  topic: (label: string) => `Topic: ${label}`,
  loading: 'Looking up your request…',
  waiting: 'Waiting for the next free staff member.',
  youAreNext: 'You are next.',
  ahead: (n: number) => `${n} ${plural(n, 'person is', 'people are', locale)} ahead of you.`,
  soon: 'Someone should be with you in a minute or so.',
  about: (minutes: number) => `That's about ${minutes} minutes.`,
  browse:
    'You can browse nearby while you wait. Keep this page open: it will tell you when someone is coming.',
  onTheWay: (who: string) => `${who} is on the way.`,
  onTheWayDetail: 'Go back to the kiosk if you can: they will look for you there.',
  someone: 'Someone',
  paged: (who: string) => `${who} is looking for you at the kiosk.`,
  pagedDetail: 'Please go to the kiosk, or tell them you are here.',
  imHere: "I'm here",
  hereSaid: (who: string) => `Thanks: ${who} knows you are here.`,
  withYou: (who: string) => `${who} is with you.`,
  done: 'All done. Thank you for visiting!',
  cancelled: 'Your request is cancelled.',
  cancel: 'Cancel request',
  cancelAsk: 'Cancel your request? You will lose your place in line.',
  cancelYes: 'Yes, cancel it',
  cancelNo: 'No, keep my place',
  notices: 'From the library',
  howWell: 'How well did we do?',
  howMuch: 'How much did this matter to you today?',
  /** Under the 1-to-5 row: what its two ends mean ("1: not well"). */
  scaleEnd: (n: number, meaning: string) => `${n}: ${meaning}`,
  wellLow: 'not well',
  wellHigh: 'very well',
  muchLow: 'not much',
  muchHigh: 'a great deal',
  skip: 'Skip this question',
  thanks: 'Thank you for telling us.',
  expiredTitle: 'This link has expired',
  expired:
    'This request has ended, or the link is no longer valid. If you still need help, ask at the kiosk or the service desk.',
  offline: 'Reconnecting… what you see may be out of date.',
  notSent: 'That did not reach the library. Please try again.',
  tooLate: 'That is no longer possible: your request has changed.',
});

export type FollowWords = ReturnType<typeof followWords>;
