// Habits for every shift: the levels of service (shown for a print request), a warm goodbye,
// and roving the floor with a tablet.
import { step, type StarterScript } from './starter.js';

export const FLOOR_SCRIPTS: readonly StarterScript[] = [
  {
    id: 'levels-printing',
    title: 'Levels of service: "Can I print something?"',
    purpose: 'What standard, extended and exceptional service look like for a print request.',
    tags: ['levels', 'printing', 'standard', 'extended', 'exceptional', 'training'],
    topicIds: ['tech', 'careers'],
    steps: [
      step(
        'Standard: answer the question accurately and kindly.',
        'Yes! The printer is by the copier. Prints are ten cents a page.',
      ),
      step(
        'Extended: go with them and make sure the first page comes out.',
        'Let me walk over with you and check it prints.',
      ),
      step(
        'Exceptional: notice the bigger need and point them to it.',
        'Is this for a job application? Our careers expert is in today.',
      ),
    ],
    levels: {
      standard:
        'The patron gets a correct, friendly answer: where the printer is and what it costs.',
      extended:
        'Staff go with them, help them send the file, and stay until the print is in their hand.',
      exceptional:
        'Staff notice what the printing is for and connect them to more: a class, a specialist, a resource they did not know about.',
    },
  },
  {
    id: 'warm-goodbye',
    title: 'A warm goodbye',
    purpose: 'End every interaction so the patron wants to come back.',
    tags: ['farewell', 'goodbye', 'closing', 'basics'],
    topicIds: [],
    steps: [
      step('Check the need is met before you part.', 'Did you get everything you came for?'),
      step(
        'Mention one next step they may not have thought of.',
        'Your hold will keep for a week once it arrives.',
        'There is a new display on gardening by the windows.',
      ),
      step(
        'Say goodbye by name if you know it, and mean it.',
        'Bye, Sam. Lovely to see you.',
        'Take care, see you next time!',
      ),
    ],
  },
  {
    id: 'roving-the-floor',
    title: 'Roving the floor',
    purpose: 'Be visibly available while you walk the building with a tablet.',
    tags: ['roving', 'available', 'floor', 'rover'],
    topicIds: [],
    steps: [
      step(
        'Walk slowly and look up from the tablet between rooms.',
        'Hi there, can I help with anything?',
      ),
      step('Tidy as you go: it gives you a reason to be close and approachable.'),
      step(
        'Check the queue: take requests that match your skills, or the one that has waited longest.',
      ),
      step(
        'When you claim a request, go straight there and greet them by their ticket or name.',
        'Hi, are you A12? I am Sam, I am here to help.',
      ),
    ],
  },
];
