// How long the supervisor's password may be, in characters (code points): one rule for the
// setup link, the password change, ROVE_ADMIN_PASSWORD at start and the screens that ask for
// one. No imports, so the admin screens can use it without bringing TypeBox into a bundle.

/** Twelve characters at least: a short phrase is easy to remember and slow to guess. */
export const ADMIN_PASSWORD_MIN = 12;
/** The longest password a sign-in accepts; a longer one could never be typed in. */
export const ADMIN_PASSWORD_MAX = 256;
