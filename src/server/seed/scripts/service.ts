// The general service scripts: greeting, finding the lost, the arc of one interaction,
// putting things right, a quiet word, and handing off to a specialist.
import { handOffStep, step, type StarterScript } from './starter.js';

export const SERVICE_SCRIPTS: readonly StarterScript[] = [
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
      handOffStep(
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
];
