// The elements' manifest (custom-elements.json, `npm run analyze`) is made from the code's JSDoc;
// these tests make it again and check that everything it lists exists in the code (elements,
// attributes, properties, events, parts, CSS custom properties), and that what the code has is
// listed, so that a manifest that drifts from the elements fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Named {
  name: string;
  kind?: string;
  privacy?: string;
  inheritedFrom?: { name: string; module: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

// Made afresh from the code, as `npm run analyze` makes it (custom-elements-manifest.config.mjs):
// custom-elements.json at the root (an --outdir would also rewrite package.json's field).
const made = spawnSync(
  process.execPath,
  [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'],
  { cwd: root, encoding: 'utf8' },
);
const manifest = JSON.parse(
  made.status === 0 ? readFileSync(join(root, 'custom-elements.json'), 'utf8') : '{"modules":[]}',
) as { modules: Array<{ path: string; declarations?: Declaration[] }> };

const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .map((declaration) => ({ module: module.path, declaration })),
);
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sourceOf = (module: string) => read(module.replace(/^\//, '').replace(/\.js$/, '.ts'));

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
const componentFiles = filesUnder('src/components').filter((path) => path.endsWith('.ts'));

/** The sheets an element adopts (`static styles = [...]`), as css`` source text. */
function sheetsOf(source: string, module: string): { base: string; own: string } {
  const names = /static override styles = \[([^\]]*)\]/.exec(source)![1]!.split(',');
  const texts = names.map((name) => name.trim()).filter(Boolean);
  const own = texts
    .filter((name) => name !== 'baseStyles')
    .map((name) => {
      const from = new RegExp(`import \\{ ${name} \\} from '([^']+)'`).exec(source)![1]!;
      return read(join(dirname(module.replace(/^\//, '')), from).replace(/\.js$/, '.ts'));
    })
    .join('\n');
  return { base: cssOf(read('src/components/base.styles.ts')), own: cssOf(own) };
}

/** The css`` text of a styles module, without its comments. */
const cssOf = (module: string) =>
  module
    .slice(module.indexOf('`'))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** The body of a class, from its declaration to its closing brace. */
function classBody(source: string, name: string): string {
  const start = source.indexOf(`export class ${name} `);
  return source.slice(start, source.indexOf('\n}\n', start));
}

/** The parts written in the element's template: the fixed names of each `part="…"`. */
const partsIn = (source: string) =>
  new Set(
    [...source.matchAll(/\bpart="([^"]*)"/g)].flatMap((m) =>
      m[1]!
        .replace(/\$\{[^}]*\}/g, ' ')
        .split(/\s+/)
        .filter(Boolean),
    ),
  );

/**
 * The public custom properties that reach an element: those its own sheet reads, directly or
 * through their private alias (`--_name`), and those the base sheet reads in rules that apply to
 * something the element renders (`button`, `a`, `[part~='actions']`, `:host`, `*`).
 */
function customPropertiesOf(source: string, sheets: { base: string; own: string }): Set<string> {
  const aliases = new Map(
    [...sheets.base.matchAll(/(--_[a-z-]+):\s*var\((--garde-[a-z-]+)/g)].map((m) => [m[1]!, m[2]!]),
  );
  const tags = new Set([...source.matchAll(/<([a-z][a-z0-9]*)[\s>]/g)].map((m) => m[1]!));
  const parts = partsIn(source);
  const applies = (selector: string) =>
    selector.split(',').some((one) => {
      const words = one.replace(/:host(\([^)]*\))?|::?[a-z-]+(\([^)]*\))?|\*/g, ' ');
      const needTags = [...words.matchAll(/(?:^|\s)([a-z][a-z0-9]*)/g)].map((m) => m[1]!);
      const needParts = [...words.matchAll(/\[part~='([a-z-]+)'\]/g)].map((m) => m[1]!);
      return needTags.every((tag) => tags.has(tag)) && needParts.every((p) => parts.has(p));
    });
  const used = new Set<string>();
  const read = (declarations: string) => {
    for (const m of declarations.matchAll(/var\((--[a-z_-]+)/g)) {
      const name = aliases.get(m[1]!) ?? m[1]!;
      if (name.startsWith('--garde-')) used.add(name);
    }
  };
  // Innermost blocks: `selector { declarations }` (an @media's rules count as its rules).
  for (const m of sheets.base.matchAll(/([^{}]+)\{([^{}]*)\}/g))
    if (applies(m[1]!)) read(m[2]!.replace(/--_[a-z-]+:\s*var\(--garde-[a-z-]+[^;]*;/g, ''));
  read(sheets.own);
  return used;
}

test('custom-elements.json is made by `npm run analyze` and lists every element the code defines', () => {
  assert.equal(made.status, 0, made.stderr);
  const defined = new Map<string, string>();
  for (const path of componentFiles) {
    const source = read(path);
    for (const m of source.matchAll(/customElements\.define\('([a-z-]+)', (\w+)\)/g))
      defined.set(m[1]!, m[2]!);
    for (const m of source.matchAll(/\['(garde-[a-z-]+)', (\w+)\]/g)) defined.set(m[1]!, m[2]!);
  }
  assert.deepEqual(
    elements.map(({ declaration }) => declaration.tagName).sort(),
    [...defined.keys()].sort(),
  );
  for (const { declaration } of elements)
    assert.equal(defined.get(declaration.tagName!), declaration.name, declaration.tagName);
  assert.ok(defined.has('garde-notice') && defined.has('garde-placeholder'));
});

for (const { module, declaration } of elements) {
  const tag = declaration.tagName!;
  const source = sourceOf(module);
  const sheets = sheetsOf(source, module);

  test(`<${tag}>: its parts are those of its template`, () => {
    const listed = new Set((declaration.cssParts ?? []).map((part) => part.name));
    const written = partsIn(source);
    for (const part of written) assert.ok(listed.has(part), `part ${part} is not in the manifest`);
    // A part given by an expression (`part="button ${third}"`) is a string in the source.
    for (const part of listed)
      assert.ok(
        written.has(part) || source.includes(`'${part}'`),
        `part ${part} is not in the template`,
      );
  });

  test(`<${tag}>: its CSS custom properties are those that reach its styles`, () => {
    assert.deepEqual(
      (declaration.cssProperties ?? []).map((property) => property.name).sort(),
      [...customPropertiesOf(source, sheets)].sort(),
    );
  });

  test(`<${tag}>: its attributes are those its styles or code read`, () => {
    const listed = (declaration.attributes ?? []).map((attribute) => attribute.name).sort();
    const read = new Set([
      ...[...sheets.own.matchAll(/:host\(\[([a-z-]+)\]\)/g)].map((m) => m[1]!),
      ...[...source.matchAll(/(?:get|has)Attribute\('([a-z-]+)'\)/g)].map((m) => m[1]!),
    ]);
    assert.deepEqual(listed, [...read].sort());
  });

  test(`<${tag}>: its public properties and methods are declared on its classes`, () => {
    const members = (declaration.members ?? []).filter(
      (member) => !member.privacy && !member.name.startsWith('__'),
    );
    for (const member of members) {
      const owner = member.inheritedFrom ? sourceOf(member.inheritedFrom.module) : source;
      const declared = new RegExp(
        `^  (?:static )?(?:override )?(?:readonly )?(?:async )?(?:get |set )?${member.name}\\b[?!]?\\s*[:=(]`,
        'm',
      );
      assert.ok(declared.test(owner), `${member.name} is not declared`);
    }
    // And the other way: what the class declares in public is listed.
    const listed = new Set(members.map((member) => member.name));
    for (const m of classBody(source, declaration.name).matchAll(
      /^ {2}(?:static )?(?:override )?(?:readonly )?(?:async )?(?:get |set )?([a-zA-Z]\w*)[?!]?\s*[:=(]/gm,
    ))
      if (
        !['constructor', 'render', 'styles', 'connectedCallback', 'disconnectedCallback'].includes(
          m[1]!,
        )
      )
        assert.ok(listed.has(m[1]!), `${m[1]} is not in the manifest`);
  });

  test(`<${tag}>: the events it lists are dispatched by the element`, () => {
    for (const event of declaration.events ?? [])
      assert.match(
        source,
        new RegExp(`this\\.dispatchEvent\\(new (?:Custom)?Event\\('${event.name}'`),
        `${event.name} is not dispatched by <${tag}> (an event on document is not the element's)`,
      );
  });
}
