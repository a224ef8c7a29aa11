// The starter greeter scripts, seeded (and published) on a store's first start; supervisors
// edit them after. Written for saying aloud: short steps, short phrases, plain words.
import type { ScriptContent } from '../../shared/scripts.js';

export interface StarterScript extends ScriptContent {
  id: string;
}

const step = (text: string, ...phrases: string[]) => ({ text, phrases });

export const STARTER_SCRIPTS: readonly StarterScript[] = [
  {
    id: 'welcome-at-the-door',
    title: 'Welcome at the door',
    purpose: 'Make every person who walks in feel noticed in the first few seconds.',
    tags: ['welcome', 'greeting', 'door', 'greeter'],
    topicIds: [],
    steps: [
      step('Stand where people can see you, away from the desk, with the tablet at your side.'),
      step(
        'Look up, make eye contact, and smile before they reach you.',
        'Good morning!',
        'Hi there, welcome in.',
      ),
      step(
        'Offer help in a way that is easy to accept or wave off.',
        'Anything I can help you find today?',
        'I am here if you need me.',
      ),
      step(
        'If they say no thanks, let them go gladly and stay in sight.',
        'No problem, enjoy your visit.',
        'I will be right around here.',
      ),
      step(
        'If they have a question, move them to the right help: answer it, walk them there, or take a ticket on the tablet.',
        'Let me show you where that is.',
        'Someone who knows this well will come to you. Here is your number.',
      ),
    ],
  },
  {
    id: 'someone-who-looks-lost',
    title: 'Approaching someone who looks lost',
    purpose: 'Reach the person who is wandering or hesitating before they give up and leave.',
    tags: ['welcome', 'approach', 'lost', 'roving'],
    topicIds: [],
    steps: [
      step(
        'Watch for the signs: reading every shelf end, turning in circles, hovering near the desk.',
      ),
      step(
        'Come up from the side, not from behind, and stop at a friendly distance.',
        'Hi, sorry to interrupt.',
      ),
      step(
        'Offer help as a normal thing, so nobody feels foolish for needing it.',
        'This building can be a bit of a maze. What are you looking for?',
        'Lots of people ask me about this. Can I help?',
      ),
      step(
        'Listen to the whole answer before you start pointing.',
        'Got it. And is that for you, or for someone else?',
      ),
      step(
        'Take them there if you can; if you cannot, point and name a landmark.',
        'Come with me, it is just over here.',
        'Past the big windows, second row on your left.',
      ),
      step(
        'Before you leave them, check it is what they wanted.',
        'Does this look right?',
        'If it is not, I am not far away.',
      ),
    ],
  },
  {
    id: 'arc-of-an-interaction',
    title: 'The arc of one interaction',
    purpose: 'A shape for any conversation with a patron, from hello to goodbye.',
    tags: ['arc', 'interaction', 'questions', 'farewell', 'basics'],
    topicIds: [],
    steps: [
      step(
        'Open warmly and personally. Use their name if you know it.',
        'Hi, I am Sam. What brings you in today?',
      ),
      step(
        'Ask open questions to hear the whole story.',
        'Tell me a bit more about what you are working on.',
        'What have you tried so far?',
      ),
      step(
        'Ask closed questions to pin down the details.',
        'Do you need it today?',
        'Print or ebook?',
        'Is this for school?',
      ),
      step(
        'Say back what you heard, so they can correct you.',
        'So you need a copy of your tax form by Friday, is that right?',
      ),
      step(
        'Give them something to take away today: an item, a printout, a next step, a name.',
        'Here is the book, and I wrote the call number for the next one.',
      ),
      step(
        'Listen for anything left over and settle it.',
        'Is there anything else on your list today?',
        'Did that answer everything?',
      ),
      step(
        'Close warmly, by name if they gave one, and invite them back.',
        'Good luck on Friday, Maria. Come and tell us how it went.',
        'We are here every day. Come back anytime.',
      ),
    ],
  },
  {
    id: 'service-recovery',
    title: 'When something went wrong',
    purpose: 'Repair the moment, and the relationship, when a patron is upset with us.',
    tags: ['recovery', 'complaint', 'upset', 'apology'],
    topicIds: [],
    steps: [
      step(
        'Let them tell the whole thing without interrupting. Nod, keep calm, keep eye contact.',
        'Go on, I am listening.',
      ),
      step(
        'Show you understand how it felt.',
        'That sounds really frustrating.',
        'I would be annoyed too.',
      ),
      step(
        'Apologise plainly, without excuses or blame.',
        'I am sorry that happened.',
        'I am sorry we let you down today.',
      ),
      step('Thank them for telling you and for their patience.', 'Thank you for bearing with us.'),
      step(
        'Fix what you can now, and say clearly what happens next.',
        'Here is what I can do right now.',
        'I will speak to my supervisor today and call you by Thursday.',
      ),
      step(
        'Where it fits, add a small extra kindness.',
        'Let me waive that fee for you.',
        'I have put you first on the hold list.',
      ),
      step('Check how they feel before they go.', 'Have we made this right for you?'),
    ],
  },
  {
    id: 'quiet-word',
    title: 'A quiet word',
    purpose: 'Help a patron who wants privacy, without drawing any attention.',
    tags: ['privacy', 'quiet', 'discreet', 'sensitive'],
    topicIds: [],
    steps: [
      step(
        'Match their voice: if they speak softly, so do you.',
        '(quietly) Of course. How can I help?',
      ),
      step(
        'Offer somewhere more private before they say more.',
        'Shall we step over to a quieter spot?',
        'There is a small room free just here.',
      ),
      step('Do not repeat the details out loud, and keep the tablet screen turned to you.'),
      step(
        'Ask only what you need to help, and let them decide how much to share.',
        'You do not need to tell me more than you want to.',
      ),
      step(
        'If you hand them on, tell the next person it is private.',
        'I will ask my colleague to meet you here, quietly.',
      ),
      step(
        'Leave them with the resource, and with their dignity.',
        'Here you go. Nobody else needs to know.',
        'You can come straight to me next time.',
      ),
    ],
  },
  {
    id: 'handing-off',
    title: 'Handing off to a specialist',
    purpose: 'Move a question to someone who knows more, so the patron never has to repeat it.',
    tags: ['hand-off', 'transfer', 'specialist', 'referral'],
    topicIds: [],
    steps: [
      step(
        'Find out enough to know who should take it.',
        'Let me make sure I get you to the right person.',
      ),
      step(
        'Tell the patron what will happen, who is coming, and roughly when.',
        'Alex is our careers expert. Alex will come to you here in about ten minutes.',
      ),
      step(
        'Hand off on the tablet and write a short note: the need, what you tried, anything private.',
        'Note: wants help with a CV for a warehouse job; has no email yet.',
      ),
      step(
        'Stay with them until the specialist arrives when you can, or tell them where to wait.',
        'Take a seat here. This is where Alex will find you.',
      ),
      step(
        'Introduce them, and sum up out loud (unless it is private) so they need not start again.',
        'Alex, this is Jo. Jo is looking for warehouse jobs and needs a CV.',
      ),
    ],
  },
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
      step(
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
      step(
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
      step(
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
