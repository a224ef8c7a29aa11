// Icon names a supervisor can choose for a topic; <rove-topic-icon> draws each by name, and a
// question mark for a name it does not know.
import { msg } from '../../core/locale/msg.js';

/** The icons' ids. The first match the server's starter topics (src/server/store/seed.ts). */
const TOPIC_ICONS = [
  'tech',
  'book',
  'youth',
  'history',
  'careers',
  'forms',
  'access',
  'general',
  'printer',
  'wifi',
  'phone',
] as const;

type TopicIcon = (typeof TOPIC_ICONS)[number];

/** What an icon shows, in the current language (read when shown, not at import). */
function iconLabel(id: TopicIcon): string {
  switch (id) {
    case 'tech':
      return msg('Computer and phone');
    case 'book':
      return msg('Book');
    case 'youth':
      return msg('Child');
    case 'history':
      return msg('Old building');
    case 'careers':
      return msg('Briefcase');
    case 'forms':
      return msg('Form');
    case 'access':
      return msg('Accessibility');
    case 'general':
      return msg('Question mark');
    case 'printer':
      return msg('Printer');
    case 'wifi':
      return msg('Wi-Fi');
    case 'phone':
      return msg('Phone');
  }
}

/** The icon choices, keeping a topic's current icon even when it is not one of ours. */
export function iconChoices(current?: string): { id: string; label: string }[] {
  const known: { id: string; label: string }[] = TOPIC_ICONS.map((id) => ({
    id,
    label: iconLabel(id),
  }));
  if (current && !known.some((icon) => icon.id === current)) {
    known.unshift({ id: current, label: current });
  }
  return known;
}
