// Icon names a supervisor can choose for a topic; <rove-topic-icon> draws each by name, and a
// question mark for a name it does not know.
// The first names match the server's starter topics (src/server/store/seed.ts).
export const TOPIC_ICONS = [
  { id: 'tech', label: 'Computer and phone' },
  { id: 'book', label: 'Book' },
  { id: 'youth', label: 'Child' },
  { id: 'history', label: 'Old building' },
  { id: 'careers', label: 'Briefcase' },
  { id: 'forms', label: 'Form' },
  { id: 'access', label: 'Accessibility' },
  { id: 'general', label: 'Question mark' },
  { id: 'printer', label: 'Printer' },
  { id: 'wifi', label: 'Wi-Fi' },
  { id: 'phone', label: 'Phone' },
] as const;

/** The icon choices, keeping a topic's current icon even when it is not one of ours. */
export function iconChoices(current?: string): { id: string; label: string }[] {
  const known: { id: string; label: string }[] = [...TOPIC_ICONS];
  if (current && !known.some((icon) => icon.id === current)) {
    known.unshift({ id: current, label: current });
  }
  return known;
}
