// Characters that can make a text read as something it is not, found and named: bidirectional
// controls (a right-to-left override turns "exe.txt" into "txt.exe"), zero-width and other invisible
// format characters, and words that mix scripts (a Cyrillic "а" in "аccepter" looks Latin). The
// snapshot view shows each one visibly, so a forged snapshot cannot pass for the genuine banner.
import { html, type TemplateResult } from 'lit';

/** Names of the format characters most used to disguise text; any other shows as its code point. */
const NAMES: Record<string, string> = {
  '\u00ad': 'SOFT HYPHEN',
  '\u061c': 'ARABIC LETTER MARK',
  '\u180e': 'MONGOLIAN VOWEL SEPARATOR',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

/** Invisible characters: every format character (Cf), and controls other than tab and line breaks. */
const HIDDEN = /[\p{Cf}\u180e]|[^\P{Cc}\t\n\r]/u;

/** The scripts a look-alike letter can come from; letters of other scripts count as "other". */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** A word: letters and marks, with the invisible characters that may hide inside it. */
const WORDS = /[\p{L}\p{M}\p{Cf}]+/gu;

/** The scripts of a word's letters, in order of appearance. */
function scriptsOf(word: string): string[] {
  const found = new Set<string>();
  for (const character of word) {
    if (!/\p{L}/u.test(character)) continue;
    found.add(SCRIPTS.find(([, test]) => test.test(character))?.[0] ?? 'other');
  }
  return [...found];
}

/** What a text holds that can disguise it: invisible characters and words mixing scripts. */
export interface Disguises {
  hidden: number;
  mixed: number;
}

/** Counts the disguises of every string in `value` (a snapshot: strings in objects and arrays). */
export function countDisguises(
  value: unknown,
  into: Disguises = { hidden: 0, mixed: 0 },
): Disguises {
  if (typeof value === 'string') {
    for (const character of value) if (HIDDEN.test(character)) into.hidden++;
    for (const word of value.match(WORDS) ?? []) if (scriptsOf(word).length > 1) into.mixed++;
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) countDisguises(item, into);
  }
  return into;
}

const codePoint = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** One invisible character as a visible, named mark; the character itself is not rendered. */
function hiddenMark(character: string): TemplateResult {
  const name = NAMES[character];
  return html`<mark class="disguise">[${codePoint(character)}${name ? ` ${name}` : ''}]</mark>`;
}

// Text between the disguises, with each invisible character inside it replaced by its mark.
function plain(text: string): Array<TemplateResult | string> {
  const parts: Array<TemplateResult | string> = [];
  let run = '';
  for (const character of text) {
    if (!HIDDEN.test(character)) {
      run += character;
      continue;
    }
    if (run) parts.push(run);
    run = '';
    parts.push(hiddenMark(character));
  }
  if (run) parts.push(run);
  return parts;
}

/**
 * `text` as Lit parts: as it is, but every invisible character replaced by a visible mark naming it,
 * and every word mixing scripts marked with the scripts it mixes. Never parsed as HTML.
 */
export function revealDisguises(text: string): Array<TemplateResult | string> {
  const parts: Array<TemplateResult | string> = [];
  let last = 0;
  for (const match of text.matchAll(WORDS)) {
    const scripts = scriptsOf(match[0]);
    if (scripts.length < 2) continue;
    parts.push(...plain(text.slice(last, match.index!)));
    parts.push(
      html`<mark class="disguise">${plain(match[0])}</mark><span class="disguise-note">
          [mixed scripts: ${scripts.join(' + ')}]</span>`,
    );
    last = match.index! + match[0].length;
  }
  parts.push(...plain(text.slice(last)));
  return parts;
}
