// How a request ended and how much effort it took, in the words a rover picks them by on the
// resolve form and a supervisor reads them in the service report: one home, so they agree.
// Read when said (functions, not constants), so a language chosen later shows.
import { OUTCOMES, type Outcome } from '../../shared/request-machine.js';
import { msg, str } from '../core/locale/msg.js';

/** Each outcome of `resolve`, as the rover chooses it and the report counts it. */
export function outcomeLabel(outcome: Outcome): string {
  switch (outcome) {
    case 'answered':
      return msg('Answered');
    case 'referred':
      return msg('Referred to someone or somewhere else');
    case 'follow-up':
      return msg('Needs a follow-up');
    case 'no-show':
      return msg('Could not find the patron');
  }
}

/** The outcomes in the protocol's order, with their words. */
export function outcomeChoices(): { id: Outcome; label: string }[] {
  return OUTCOMES.map((id) => ({ id, label: outcomeLabel(id) }));
}

/** The library's six-step effort scale, grade 1 to 6, each described in words. */
function effortLabels(): string[] {
  return [
    msg('a quick pointer'),
    msg('a short answer'),
    msg('some searching together'),
    msg('a longer session'),
    msg('expert help'),
    msg('in-depth research'),
  ];
}

/** The effort grades 1 to 6. */
export const EFFORT_GRADES: readonly number[] = [1, 2, 3, 4, 5, 6];

/** "2: a short answer": a grade with its description, the same on the form and the report. */
export function sayEffort(grade: number): string {
  const label = effortLabels()[grade - 1];
  return label ? msg(str`${grade}: ${label}`) : String(grade);
}
