// The follow link (`/follow/<token>`) of the kiosk's latest request, from the create answer:
// the kiosk shows it as a QR code beside that request's ticket only. One row in `meta`, named
// with its request, and deleted when the kiosk forgets its patron (db/kiosk.ts), so the next
// patron never sees (or scans) it.
export const FOLLOW_URL = 'kioskFollowUrl';

export interface KeptFollowUrl {
  requestId: string;
  url: string;
}
