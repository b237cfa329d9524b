// The code blocks of README.md and docs/*.md marked runnable (`<!-- runnable -->` on the line
// before the fence, README.md, "Development") run here, so that a snippet the code no longer
// accepts fails: a config (```json) goes through checkConfig (garde/config) and must have no error,
// as must the config of a page (```html), whose garde elements must exist (html-snippets.node.test.ts
// also loads each page in Chromium);
// TypeScript and JavaScript (```ts, ```js) are type-checked as modules against the package, with
// the repository's compiler options (strict; garde/* resolves to src/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { checkConfig } from '../../src/core/config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MARKER = '<!-- runnable -->';

interface Snippet {
  where: string; // file:line of the fence
  lang: string;
  code: string;
}

/** The runnable blocks of a Markdown file: a fence right after the marker line. */
function snippetsOf(file: string): Snippet[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== MARKER) return;
    const fence = /^```(\w+)/.exec(lines[index + 1] ?? '');
    assert.ok(fence, `${file}:${index + 1}: the marker is not followed by a fenced block`);
    const end = lines.indexOf('```', index + 2);
    assert.ok(end > 0, `${file}:${index + 2}: the block has no end`);
    snippets.push({
      where: `${file}:${index + 2}`,
      lang: fence[1]!,
      code: lines.slice(index + 2, end).join('\n'),
    });
  });
  return snippets;
}

const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const snippets = files.flatMap(snippetsOf);

test('the docs mark snippets as runnable, each in a language this test runs', () => {
  assert.ok(snippets.length >= 10, `only ${snippets.length} runnable snippets`);
  for (const { where, lang } of snippets)
    assert.ok(
      ['json', 'ts', 'js', 'html'].includes(lang),
      `${where}: no way to run a ${lang} block`,
    );
});

// A fragment of a config (`"policy": { … }`, or an object of a few fields) is checked inside a
// minimal config with the docs' two example categories; a whole config replaces both.
const BASE = {
  policy: { url: '/privacy', version: '2026-01' },
  categories: { analytics: {}, marketing: {} },
};

for (const { where, code } of snippets.filter((snippet) => snippet.lang === 'json'))
  test(`${where}: the config passes checkConfig`, () => {
    const fragment = code.trimStart().startsWith('"');
    const input = JSON.parse(fragment ? `{${code}}` : code) as object;
    const { errors } = checkConfig({ ...BASE, ...input });
    assert.deepEqual(errors, []);
  });

/** The elements the code defines (`customElements.define('garde-…'` or a `['garde-…', Class]` pair). */
function definedTags(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return definedTags(path);
    const source = readFileSync(join(root, path), 'utf8');
    return [...source.matchAll(/(?:define\(|\[)'(garde-[a-z-]+)', \w+\]?/g)].map((m) => m[1]!);
  });
}
const tags = new Set(definedTags('src/components'));

// A page's snippet: the config in its `#garde-config` stands alone and passes checkConfig, and
// every garde element it uses is one the code defines.
for (const { where, code } of snippets.filter((snippet) => snippet.lang === 'html'))
  test(`${where}: the page's config passes checkConfig and its elements exist`, () => {
    const config = /<script type="application\/json" id="garde-config">([\s\S]*?)<\/script>/.exec(
      code,
    );
    const used = [...code.matchAll(/<(garde-[a-z-]+)/g)].map((m) => m[1]!);
    assert.ok(config || used.length, 'nothing to check in this block: unmark it');
    if (config) assert.deepEqual(checkConfig(JSON.parse(config[1]!)).errors, []);
    for (const tag of used) assert.ok(tags.has(tag), `<${tag}> is not an element of garde`);
  });

test('the TypeScript and JavaScript snippets type-check against the package', () => {
  const code = snippets.filter((snippet) => ['ts', 'js'].includes(snippet.lang));
  // Inside the repository (in .tmp/, ignored by git), so that the repository's types apply.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'doc-snippets-'));
  try {
    const names = code.map(({ lang, code: text }, index) => {
      const name = join(dir, `snippet-${index}.${lang === 'js' ? 'ts' : lang}`);
      writeFileSync(name, `${text}\nexport {};\n`);
      return name;
    });
    const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    // The package's entry points from src/ (what dist/esm's declarations are made from), so that
    // the test needs no build.
    const paths = {
      garde: ['src/index.ts'],
      'garde/core': ['src/core/index.ts'],
      'garde/config': ['src/core/config.ts'],
      'garde/*': ['src/*.ts', 'src/*/index.ts'],
    };
    const program = ts.createProgram(names, { ...options, baseUrl: root, paths, noEmit: true });
    const problems = names.flatMap((name, index) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((diagnostic) => {
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const [file, fence] = code[index]!.where.split(':');
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
        return `${file}:${Number(fence) + 1 + line}: ${message}`;
      }),
    );
    assert.deepEqual(problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
