// One guide per starter kiosk topic (tech, books, youth, history, careers, forms, access).
import { handOffStep, step, type StarterScript } from './starter.js';

export const TOPIC_GUIDES: readonly StarterScript[] = [
  {
    id: 'technology-and-printing',
    title: 'Technology and printing',
    purpose: 'Help with computers, phones, printing, wifi and accounts, or pass it to tech help.',
    tags: ['technology', 'printing', 'computers', 'wifi', 'topic guide'],
    topicIds: ['tech'],
    steps: [
      step(
        'Ask what they are trying to do, not which button is broken.',
        'What are you hoping to get done?',
      ),
      step(
        'Ask what device they are on and whether it is theirs.',
        'Is that your own phone, or one of ours?',
      ),
      step(
        'For printing: check the file, the printer, and how they will pay.',
        'Is it in your email or on a USB stick?',
        'Prints are collected at the release station by the copier.',
      ),
      step(
        "For wifi and accounts: point to the network card; never type someone else's password for them.",
        'The network name and password are on this card.',
        'You type it in, and I will guide you.',
      ),
      handOffStep(
        'Anything longer than a few minutes: hand off to tech help, or offer a class or a booked session.',
        'We have a one-to-one tech session on Tuesdays. Shall I book you in?',
      ),
    ],
  },
  {
    id: 'finding-a-book',
    title: 'Finding a book',
    purpose: 'Get a patron to the item they want, or to the next best thing.',
    tags: ['books', 'catalogue', 'holds', 'reading', 'topic guide'],
    topicIds: ['books'],
    steps: [
      step(
        'Ask what they know: title, author, a cover, a subject.',
        'What do you remember about it?',
      ),
      step(
        'Look it up together in the catalogue, with the screen where they can see it.',
        'Let us look it up. Here it is.',
      ),
      step(
        'If it is on the shelf, walk them to it and put it in their hands.',
        'Follow me, it should be right here.',
      ),
      step(
        'If it is out, offer a hold, another branch, the ebook, or something similar.',
        'It is out right now. Shall I put a hold on it?',
        'There is an ebook copy you could read tonight.',
      ),
      step(
        'Mention what comes next: when a hold arrives, the renewal, the next book in the series.',
        'You will get a message when it is ready to collect.',
      ),
    ],
  },
  {
    id: 'children-and-teens',
    title: 'Children and teens',
    purpose: 'Welcome young people and their grown-ups, and point to what is made for them.',
    tags: ['children', 'teens', 'families', 'homework', 'topic guide'],
    topicIds: ['youth'],
    steps: [
      step('Speak to the young person directly, at their eye level.', 'Hi! What are you into?'),
      step(
        'Ask about age or school year and what it is for: fun, homework, a project.',
        'Is this for school, or just for you?',
      ),
      step(
        'Point to the right space: picture books, early readers, middle grade, teen.',
        'The teen room is up the stairs on the right.',
      ),
      step(
        'For homework: show them how to search, not only the answer.',
        'Let us find it together, so you know how next time.',
      ),
      step(
        'Mention what is on: story time, clubs, gaming, homework help. Hand off to youth services for more.',
        'There is a coding club on Thursdays after school.',
      ),
    ],
  },
  {
    id: 'local-history',
    title: 'Local history',
    purpose: 'Start a local or family history question and connect it to the right collection.',
    tags: ['local history', 'family history', 'genealogy', 'archives', 'topic guide'],
    topicIds: ['history'],
    steps: [
      step(
        'Ask what they are hoping to find and why it matters to them.',
        'Who or what are you researching?',
        'How did you get interested in this?',
      ),
      step(
        'Ask what they already have: names, dates, places, addresses.',
        'Do you have a rough year, or a street name?',
      ),
      step(
        'Point to the first stops: local papers, maps, directories, the family history databases.',
        'Old newspapers are a great place to start. Let me show you.',
      ),
      step(
        'Explain how special items are handled: some must be requested, some are read-only.',
        'Some of these we bring out for you to read here.',
      ),
      handOffStep(
        'For deeper research, hand off to the local history specialist or book a time with them.',
        'Our local history librarian is in on Wednesdays. Shall I book you a slot?',
      ),
    ],
  },
  {
    id: 'jobs-and-careers',
    title: 'Jobs and careers',
    purpose: 'Support job seekers with searching, applications, CVs and interview practice.',
    tags: ['jobs', 'careers', 'cv', 'resume', 'interview', 'topic guide'],
    topicIds: ['careers'],
    steps: [
      step(
        'Ask where they are in the search: just starting, applying, or preparing for an interview.',
        'Where are you with the job search right now?',
      ),
      step(
        'Ask what kind of work and whether there is a deadline.',
        'What sort of work are you after?',
        'When does the application close?',
      ),
      step(
        'Point to the tools: job sites, CV templates, the career databases, a computer to use.',
        'This template is a good start for a first CV.',
      ),
      step(
        'Keep it encouraging; job hunting is hard.',
        'You have more experience to put on here than you think.',
      ),
      handOffStep(
        'For one-to-one help, hand off to the careers specialist or book a session.',
        'Our careers expert can read your CV with you. Shall I ask them over?',
      ),
    ],
  },
  {
    id: 'forms-and-government',
    title: 'Forms and government services',
    purpose: 'Help patrons find and reach official forms and services, without giving advice.',
    tags: ['forms', 'government', 'benefits', 'tax', 'official', 'topic guide'],
    topicIds: ['forms'],
    steps: [
      step(
        'Offer a quiet spot first: these questions can be personal.',
        'Would you like to sit somewhere a bit more private?',
      ),
      step(
        'Ask which service or form it is, and whether it is online or on paper.',
        'Which office is this for?',
        'Do you have a letter about it with you?',
      ),
      step(
        'Find the official form or page together; print it if they need paper.',
        'This is the official site. Let us find the form.',
      ),
      step(
        'Help with the library part (finding, printing, scanning, using the computer), not the answers.',
        'I cannot tell you what to put, but I can help you fill it in on screen.',
      ),
      step(
        'For legal, money or benefit advice, point to the right agency or the forms specialist.',
        'This office gives free advice on exactly this. Here is their number.',
      ),
    ],
  },
  {
    id: 'accessibility',
    title: 'Accessibility',
    purpose: 'Make the library work for people with disabilities, asking rather than assuming.',
    tags: ['accessibility', 'disability', 'assistive technology', 'topic guide'],
    topicIds: ['access'],
    steps: [
      step(
        'Ask how you can help, and follow their lead.',
        'How can I make this easier for you?',
        'Would you like me to read it out?',
      ),
      step('Speak to the person, not to a companion or interpreter.'),
      step(
        'Know the tools: large print, audiobooks, the magnifier, screen reader PCs, hearing loop.',
        'We have a computer with a screen reader and large keys just here.',
      ),
      step(
        'Know the routes: the lift, the step-free entrance, accessible toilets, seats to rest.',
        'The lift is behind the stairs. I will walk over with you.',
      ),
      step(
        'Offer home delivery or other services they may not know about; hand off for anything more.',
        'If getting here is hard, we can bring books to you.',
      ),
    ],
  },
];
