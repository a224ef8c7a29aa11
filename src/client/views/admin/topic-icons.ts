// Icon names a supervisor can choose for a topic; the kiosk draws each by name, and shows its
// own fallback for a name it does not know.
export const TOPIC_ICONS = [
  { id: 'computer', label: 'Computer' },
  { id: 'printer', label: 'Printer' },
  { id: 'wifi', label: 'Wi-Fi' },
  { id: 'phone', label: 'Phone or tablet' },
  { id: 'book', label: 'Book' },
  { id: 'child', label: 'Child' },
  { id: 'history', label: 'Old building' },
  { id: 'briefcase', label: 'Briefcase' },
  { id: 'form', label: 'Form' },
  { id: 'accessibility', label: 'Accessibility' },
  { id: 'question', label: 'Question mark' },
] as const;

/** The icon choices, keeping a topic's current icon even when it is not one of ours. */
export function iconChoices(current?: string): { id: string; label: string }[] {
  const known: { id: string; label: string }[] = [...TOPIC_ICONS];
  if (current && !known.some((icon) => icon.id === current)) {
    known.unshift({ id: current, label: current });
  }
  return known;
}
