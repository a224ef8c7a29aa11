// Where to find the service desk, in the words the kiosk tells a patron it cannot help itself:
// the place a supervisor wrote for the branch, or nothing when none was written. The place is in
// the library's own words (not translated), so each language says it as "desk: place".
import { msg, str } from '../../core/locale/msg.js';

/** "The service desk is on the ground floor, left of the main doors." or "" when unknown. */
export function deskPlaceSentence(place: string | undefined): string {
  const words = place?.trim().replace(/[\s.!]+$/, '');
  return words ? msg(str`The service desk is ${words}.`) : '';
}
