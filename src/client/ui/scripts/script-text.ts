// The supervisor's Markdown-like script text, both ways:
//
//   1. Look up and smile.
//      > "Good morning!"
//   2. Offer help.
//      [Send for a specialist]
//   Standard: a correct, friendly answer.
//
// A numbered line starts a step, a `>` line under it is a phrase to say aloud, a
// `[Send for a specialist]` line under it offers that on the tablet (the step's `offer`), any
// other line continues the step above. `Standard:`, `Extended:` and `Exceptional:` lines describe the
// levels of service (all three or none). Pure functions: no DOM, no Dexie.
import type { ScriptLevels, ScriptStep } from '../../../shared/scripts.js';
import { msg, str } from '../../core/locale/msg.js';

interface ScriptTextProblem {
  /** 1-based line number, or 0 for the text as a whole. */
  line: number;
  message: string;
}

interface ParsedScriptText {
  steps: ScriptStep[];
  levels?: ScriptLevels;
  problems: ScriptTextProblem[];
}

/** Limits the server enforces (src/shared/scripts.ts), checked here so the preview says so. */
const SCRIPT_TEXT_LIMITS = { stepText: 300, phrase: 300, phrases: 8, steps: 40, level: 400 };

const STEP = /^(\d+)[.)]\s*(.*)$/;
const PHRASE = /^>\s?(.*)$/;
const LEVEL = /^(standard|extended|exceptional)\s*:\s*(.*)$/i;
/** The line that makes a step offer the hand-off, as the editor writes it. */
const HAND_OFF_LINE = '[Send for a specialist]';
const HAND_OFF = /^\[\s*send\s+for\s+a\s+specialist\s*\]$/i;
// Only double quotes: a trailing apostrophe ("the twins'") belongs to the phrase.
const QUOTES = /^["“”]+|["“”]+$/g;

export function parseScriptText(text: string): ParsedScriptText {
  const steps: ScriptStep[] = [];
  const problems: ScriptTextProblem[] = [];
  const levels: Partial<Record<keyof ScriptLevels, string>> = {};
  let last: 'step' | 'phrase' | 'other' = 'other';

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const at = index + 1;
    const current = steps[steps.length - 1];
    if (!line) return;
    const level = LEVEL.exec(line);
    const step = STEP.exec(line);
    const phrase = PHRASE.exec(line);
    if (HAND_OFF.test(line)) {
      if (!current)
        problems.push({
          line: at,
          message: msg(str`"${HAND_OFF_LINE}" must come under a numbered step.`),
        });
      else current.offer = 'hand-off';
      last = 'other';
    } else if (level) {
      const key = level[1]!.toLowerCase() as keyof ScriptLevels;
      if (!level[2])
        problems.push({ line: at, message: msg(str`Say what ${key} service looks like.`) });
      else levels[key] = level[2];
      last = 'other';
    } else if (step) {
      if (!step[2]) problems.push({ line: at, message: msg('This step has no text yet.') });
      steps.push({ text: step[2] ?? '', phrases: [] });
      last = 'step';
    } else if (phrase) {
      const said = (phrase[1] ?? '').trim().replace(QUOTES, '').trim();
      if (!current) {
        problems.push({
          line: at,
          message: msg('A phrase (">") must come under a numbered step.'),
        });
      } else if (said) {
        current.phrases.push(said);
        last = 'phrase';
      }
    } else if (current && last === 'step') {
      current.text = current.text ? `${current.text} ${line}` : line;
    } else if (current && last === 'phrase') {
      const lastIndex = current.phrases.length - 1;
      current.phrases[lastIndex] = `${current.phrases[lastIndex]} ${line.replace(QUOTES, '')}`;
    } else {
      problems.push({ line: at, message: msg('Start a step with a number, like "1. Say hello".') });
    }
  });

  const { stepText, phrases, phrase, steps: most } = SCRIPT_TEXT_LIMITS;
  steps.forEach((s, i) => {
    const n = i + 1;
    if (s.text.length > stepText)
      problems.push({
        line: 0,
        message: msg(str`Step ${n} is too long; keep it under ${stepText} letters.`),
      });
    if (s.phrases.length > phrases)
      problems.push({ line: 0, message: msg(str`Step ${n} has more than ${phrases} phrases.`) });
    if (s.phrases.some((p) => p.length > phrase))
      problems.push({ line: 0, message: msg(str`A phrase in step ${n} is too long.`) });
  });
  const written = steps.filter((s) => s.text);
  if (written.length === 0)
    problems.push({ line: 0, message: msg('Add at least one numbered step.') });
  if (steps.length > most)
    problems.push({ line: 0, message: msg(str`A script can have at most ${most} steps.`) });

  const given = Object.keys(levels).length;
  if (given > 0 && given < 3)
    problems.push({
      line: 0,
      message: msg('Describe all three levels (Standard, Extended, Exceptional), or none.'),
    });
  const parsed: ParsedScriptText = { steps: written, problems };
  if (given === 3) parsed.levels = levels as ScriptLevels;
  return parsed;
}

/** The editor text for a script's steps and levels; parseScriptText reads it back the same. */
export function formatScriptText(steps: readonly ScriptStep[], levels?: ScriptLevels): string {
  const lines: string[] = [];
  steps.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.text}`);
    for (const phrase of s.phrases) lines.push(`   > "${phrase}"`);
    if (s.offer === 'hand-off') lines.push(`   ${HAND_OFF_LINE}`);
  });
  if (levels) {
    lines.push('');
    lines.push(`Standard: ${levels.standard}`);
    lines.push(`Extended: ${levels.extended}`);
    lines.push(`Exceptional: ${levels.exceptional}`);
  }
  return lines.join('\n') + '\n';
}

/** Moves step `from` by `by` places (-1 up, +1 down); out of range leaves the list as it is. */
export function moveStep<T>(steps: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  const moved = [...steps];
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return moved;
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

/** "welcome, door,  greeter" -> ["welcome", "door", "greeter"], no empties, no repeats. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}
