// The kiosk's screens after "Ask me": the topics, the details and the ticket (with its QR
// code). The start screen needs none of them, so they load just after it shows (see
// rove-kiosk-view.ts), as one chunk; the service worker holds it like every chunk, so it loads
// offline too.
import './rove-topic-picker.js';
import './rove-kiosk-details.js';
import './rove-kiosk-ticket.js';
