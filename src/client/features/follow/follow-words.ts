// Every word the patron's follow page says, in one place. Each goes through msg() (@lit/localize,
// core/locale), so it is said in the language the patron chose at the kiosk; plurals and numbers
// go through core/words and Intl with that language.
import { msg, str } from '../../core/locale/msg.js';
import { plural } from '../../core/words/index.js';
import { formatNumber, getLocale } from '../../core/locale/index.js';

export const followWords = () => ({
  documentTitle: msg('Your request at the library'),
  pageTitle: msg('Your request'),
  yourTicket: msg('Your ticket'),
  topic: (label: string) => msg(str`Topic: ${label}`),
  loading: msg('Looking up your request…'),
  waiting: msg('Waiting for the next free staff member.'),
  youAreNext: msg('You are next.'),
  ahead: (n: number) => {
    const count = formatNumber(n);
    return plural(
      n,
      msg(str`${count} person is ahead of you.`),
      msg(str`${count} people are ahead of you.`),
      getLocale(),
    );
  },
  soon: msg('Someone should be with you in a minute or so.'),
  about: (n: number) => {
    const minutes = formatNumber(n);
    return msg(str`That's about ${minutes} minutes.`);
  },
  browse: msg(
    'You can browse nearby while you wait. Keep this page open: it will tell you when someone is coming.',
  ),
  onTheWay: (who: string) => msg(str`${who} is on the way.`),
  onTheWayDetail: msg('Go back to the kiosk if you can: they will look for you there.'),
  someone: msg('Someone'),
  paged: (who: string) => msg(str`${who} is looking for you at the kiosk.`),
  pagedDetail: msg('Please go to the kiosk, or tell them you are here.'),
  imHere: msg("I'm here"),
  hereSaid: (who: string) => msg(str`Thanks: ${who} knows you are here.`),
  withYou: (who: string) => msg(str`${who} is with you.`),
  done: msg('All done. Thank you for visiting!'),
  cancelled: msg('Your request is cancelled.'),
  cancel: msg('Cancel request'),
  cancelAsk: msg('Cancel your request? You will lose your place in line.'),
  cancelYes: msg('Yes, cancel it'),
  cancelNo: msg('No, keep my place'),
  notices: msg('From the library'),
  howWell: msg('How well did we do?'),
  howMuch: msg('How much did this matter to you today?'),
  /** Under the 1-to-5 row: what its two ends mean ("1: not well"). */
  scaleEnd: (n: number, meaning: string) => {
    const number = formatNumber(n);
    return msg(str`${number}: ${meaning}`);
  },
  wellLow: msg('not well'),
  wellHigh: msg('very well'),
  muchLow: msg('not much'),
  muchHigh: msg('a great deal'),
  skip: msg('Skip this question'),
  thanks: msg('Thank you for telling us.'),
  expiredTitle: msg('This link has expired'),
  expired: msg(
    'This request has ended, or the link is no longer valid. If you still need help, ask at the kiosk or the service desk.',
  ),
  offline: msg('Reconnecting… what you see may be out of date.'),
  notSent: msg('That did not reach the library. Please try again.'),
  tooLate: msg('That is no longer possible: your request has changed.'),
});
