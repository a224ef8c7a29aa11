// Issue 13: every word the app shows goes through msg() (README, "Languages"), the staff and
// admin screens' too, so a library can translate them without touching code. lit-localize only
// sees the words already in msg(); this reads the client's source with the TypeScript parser and
// lists the words that are not: text and named attributes (aria-label, title, placeholder, ...)
// written straight into an html`` or svg`` template, and plain strings handed to what puts words
// on screen (an action's name for its error, `say`, a label, a heading or a message).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const CLIENT = join(ROOT, 'src/client');

/** Attributes a screen reader or a pointer reads out. */
const SPOKEN_ATTRIBUTES =
  /\s(?:aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|summary|heading)\s*=\s*"([^"]*)"/g;
/** Calls whose string argument ends up on screen: its index in the arguments. */
const WORDING_CALLS: Record<string, number> = { run: 0, say: 0, fail: 1, sayAdminError: 1 };
/** Properties and variables whose string value ends up on screen. */
const WORDING_NAMES =
  /^_?(label|title|heading|summary|text|message|error|hint|notice|status|doing|name)$/i;

/** Looks like words for people: letters, and a space or a capital (not an id or a CSS value). */
const isWords = (text: string) =>
  /[A-Za-z]{2,}/.test(text) &&
  (/\s/.test(text.trim()) || /^[A-Z][^A-Z]*$/.test(text)) &&
  // Not a path ("/api/branches/...") nor a CSS declaration ("width: 3rem").
  !/^\/|^[a-z-]+:\s/.test(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return undefined;
}

/** Every unwrapped word of `file`, as "line: what". */
function unwrapped(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag.getText(sf);
      if (tag === 'html' || tag === 'svg') {
        const t = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(t)
          ? [t.rawText ?? '']
          : [t.head.rawText ?? '', ...t.templateSpans.map((s) => s.literal.rawText ?? '')];
        const markup = parts.join('\uE000').replace(/<!--[\s\S]*?-->/g, '');
        for (const m of markup.matchAll(SPOKEN_ATTRIBUTES))
          if (/[A-Za-z]{2,}/.test(m[1]!.replaceAll('\uE000', ' '))) at(node, m[0].trim());
        const text = markup.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, '\uE001');
        for (const piece of text.split(/[\uE000\uE001]/)) {
          const words = piece.replace(/&[a-z]+;/g, '').trim();
          if (/[A-Za-z]{2,}/.test(words)) at(node, JSON.stringify(words.slice(0, 70)));
        }
      }
      // A plain string put straight into the markup: `${'Save'}`, `${ok ? 'Yes' : 'No'}`.
      if ((tag === 'html' || tag === 'svg') && ts.isTemplateExpression(node.template))
        for (const span of node.template.templateSpans)
          for (const words of plainWords(span.expression)) at(span.expression, words);
      // msg(html`...`), str`...` and css`` are not words on their own.
      if (tag !== 'html' && tag !== 'svg') return;
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      if (name === 'msg') return;
      const index = WORDING_CALLS[name];
      const arg = index === undefined ? undefined : node.arguments[index];
      const text = arg && literalText(arg);
      if (text !== undefined && isWords(text)) at(arg!, `${name}(${JSON.stringify(text)})`);
    }
    const named =
      (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) &&
      node.initializer &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      WORDING_NAMES.test(node.name.text)
        ? node.initializer
        : ts.isBinaryExpression(node) &&
            node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isPropertyAccessExpression(node.left) &&
            WORDING_NAMES.test(node.left.name.text)
          ? node.right
          : undefined;
    if (named) {
      const text = literalText(named);
      if (text !== undefined && isWords(text)) at(named, JSON.stringify(text.slice(0, 70)));
    }
    if (ts.isReturnStatement(node) && node.expression)
      for (const words of plainWords(node.expression)) at(node.expression, `return ${words}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Words in plain strings that `expression` may come to (through ?:, ?? and ||). */
function plainWords(expression: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(expression)) return plainWords(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...plainWords(expression.whenTrue), ...plainWords(expression.whenFalse)];
  if (
    ts.isBinaryExpression(expression) &&
    (expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      expression.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return [...plainWords(expression.left), ...plainWords(expression.right)];
  const text = literalText(expression);
  return text !== undefined && isWords(text) ? [JSON.stringify(text.slice(0, 70))] : [];
}

/** Files whose words are being moved into msg(): this list only shrinks, to nothing. */
const STILL_TO_DO = new Set<string>([]);

describe('every word of the app goes through msg()', () => {
  const all = sourceFiles(CLIENT);
  const files = all.filter((f) => !STILL_TO_DO.has(relative(ROOT, f)));

  it('reads the whole client', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('finds words written straight into a template (the check itself works)', () => {
    const probe = join(ROOT, 'tests/unit/client/core/locale/fixtures/unwrapped.ts');
    expect(unwrapped(probe).map((f) => f.replace(/^\d+: /, ''))).toEqual([
      'aria-label="Close the dialog"',
      '"Queue"',
      '"Many waiting"',
      'run("load the queue")',
      'sayAdminError("save the topic")',
      '"Please choose a day."',
      '"Last 7 days"',
      'return "Still open"',
    ]);
  });

  it('leaves no word of any screen outside msg()', () => {
    const report = files.flatMap((file) =>
      unwrapped(file).map((f) => `${relative(ROOT, file)}:${f}`),
    );
    expect(report).toEqual([]);
  });
});
