// How a request ended and how much effort it took, in the words a rover picks them by on the
// resolve form and a supervisor reads them in the service report: one home, so they agree.
import { OUTCOMES, type Outcome } from '../../shared/request-machine.js';

/** Each outcome of `resolve`, as the rover chooses it and the report counts it. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  answered: 'Answered',
  referred: 'Referred to someone or somewhere else',
  'follow-up': 'Needs a follow-up',
  'no-show': 'Could not find the patron',
};

/** The outcomes in the protocol's order, with their words. */
export const OUTCOME_CHOICES: readonly { id: Outcome; label: string }[] = OUTCOMES.map((id) => ({
  id,
  label: OUTCOME_LABELS[id],
}));

/** The library's six-step effort scale: grade n is described by `EFFORT_LABELS[n - 1]`. */
export const EFFORT_LABELS: readonly string[] = [
  'a quick pointer',
  'a short answer',
  'some searching together',
  'a longer session',
  'expert help',
  'in-depth research',
];

/** The effort grades 1 to 6. */
export const EFFORT_GRADES: readonly number[] = EFFORT_LABELS.map((_, i) => i + 1);

/** "2: a short answer": a grade with its description, the same on the form and the report. */
export function sayEffort(grade: number): string {
  const label = EFFORT_LABELS[grade - 1];
  return label ? `${grade}: ${label}` : String(grade);
}
