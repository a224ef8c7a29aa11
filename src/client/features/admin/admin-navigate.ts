// Moving between admin sections goes through the app's router, so the shell, Back and Forward
// all agree on where we are.
import { navigate } from '../../core/router.js';

/** Show `path`; `replace` drops the current entry (the one-time setup link) from history. */
export function goTo(path: string, replace = false): void {
  navigate(path, { replace });
}
