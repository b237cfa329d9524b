// Three outputs from one source tree:
//  - dist/garde.js: the drop-in, one self-contained minified IIFE (lit and idb-keyval inlined);
//  - dist/esm/: ES modules with .d.ts types for bundler users (lit, idb-keyval, ipaddr.js stay imports);
//    its entries are the full library, the headless core (never imports lit), the shared minimisers
//    and the wire contract (receipt and hit schemas, types and constants).
// Both builds minify the UI's html`` and css`` templates, so the source keeps them readable.
import { readdirSync, readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { parseLiterals } from 'parse-literals';
import { trimLitHtml, checkTrimmedTemplate } from './scripts/trim-lit-html.mjs';
// The collector's admin page (collector/admin/dist/: admin.js + index.html), served at /admin/.
import admin from './collector/admin/rollup.config.mjs';

/**
 * garde's version from package.json in place of __GARDE_VERSION__ (src/core/version.ts). After the
 * TypeScript plugin, which has removed the `declare const` that names it; web-test-runner's esbuild
 * defines the same value.
 */
const gardeVersion = () =>
  replace({
    preventAssignment: true,
    values: {
      __GARDE_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
    },
  });

const ts = (overrides = {}) =>
  typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true, ...overrides });

/** Our own sources only: lit's templates are already compact, and its code is not ours to rewrite. */
const OWN_SOURCES = 'src/**/*.ts';

/**
 * Minifies the templates tagged html (html-minifier-terser) and css (clean-css). The local `css`
 * tag (src/components/css.ts) is what makes the CSS count: minify-literals skips the CSS of any
 * file that mentions Lit's unsafeCSS, even in a comment.
 */
const minifyTemplates = () =>
  minifyTemplateLiterals({
    include: OWN_SOURCES,
    // The tag's own file holds no template, only the word that would make the minifier skip it.
    exclude: 'src/components/css.ts',
    failOnError: true,
    // Attribute quotes off: minify-literals would otherwise add quotes Lit does not need.
    options: { minifyOptions: { removeAttributeQuotes: true } },
  });

/**
 * The private custom properties of the style sheets (`--_accent-text`…, set from the public
 * `--garde-*` ones in base.styles.ts), by the order of their names in the sources: each becomes
 * `--_` and a letter, alike in every file, since the on-demand files' sheets read the ones that
 * garde.js's base sheet sets.
 */
const privateProperties = new Map(
  [
    ...new Set(
      readdirSync('src', { recursive: true })
        .filter((path) => /\.styles\.ts$/.test(path))
        .flatMap((path) => readFileSync(`src/${path}`, 'utf8').match(/--_[\w-]+/g) ?? []),
    ),
  ]
    .sort()
    .map((name, i) => [name, `--_${i.toString(36)}`]),
);

/**
 * What clean-css leaves in the minified css`` text: the private property names, and the space
 * and leading zero in `var(--garde-x, 0.25rem)` fallbacks.
 */
const squeezeCss = () => ({
  name: 'squeeze-css',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
    const squeezed = code.replace(/\bcss\s*`([^`]*)`/g, (_template, text) => {
      // Quoted text (a selector's attribute value, a font name) is left as it is.
      const sheet = text
        .split(/("[^"]*"|'[^']*')/)
        .map((part, i) =>
          i % 2
            ? part
            : part
                .replace(/--_[\w-]+/g, (name) => privateProperties.get(name) ?? name)
                .replace(/, /g, ',')
                .replace(/([^\w.])0\.(\d)/g, '$1.$2'),
        )
        .join('');
      return `css\`${sheet}\``;
    });
    // map null: the text changes only inside a template, left on one line by minifyTemplates(),
    // so every line keeps its mapping.
    return squeezed === code ? null : { code: squeezed, map: null };
  },
});

/**
 * Fails the build when a template still reads like source after minifyTemplates(): minify-literals
 * only warns when it skips a file (unsafeCSS or unsafeHTML mentioned, a clean-css warning) and then
 * ships the text as written. A line break or an indent left in a tagged template is that sign.
 */
const requireMinifiedTemplates = () => ({
  name: 'require-minified-templates',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
    for (const template of parseLiterals(code, { fileName: id })) {
      if (!/^(html|css)$/.test(template.tag ?? '')) continue;
      const text = template.parts.map((part) => part.text).join('${}');
      if (/\n|\s{2}/.test(text))
        this.error(
          `${template.tag}\`\` left unminified in ${id}: ${JSON.stringify(text.slice(0, 60))}`,
        );
      const untrimmable = template.tag === 'html' && checkTrimmedTemplate(text);
      if (untrimmable) this.error(`${id}: ${untrimmable}`);
    }
    return null;
  },
});

/**
 * In the drop-in, the preferences dialog (dist/garde-ui.js) and the embeds' placeholder
 * (dist/garde-embed.js) are loaded the first time one is needed: on-demand.ts (which bundles them)
 * is swapped for on-demand.script.ts; the analytics tracker (dist/garde-analytics.js) is loaded at
 * the first hit to send: tracker.ts is swapped for tracker.script.ts; the tag managers'
 * integrations (dist/garde-integrations.js) at start when the config enables one:
 * integrations/index.ts is swapped for integrations/index.script.ts; the wording of the config's
 * errors (dist/garde-config.js) for an invalid config only: config-report.ts is swapped for
 * config-report.script.ts; the record-keeping (dist/garde-records.js) when a receipt waits:
 * records.ts is swapped for records.script.ts.
 */
const uiOnDemand = () => ({
  name: 'ui-on-demand',
  async resolveId(source, importer) {
    if (!/\/(on-demand|tracker|integrations\/index|config-report|records)\.js$/.test(source))
      return null;
    const resolved = await this.resolve(source.replace(/\.js$/, '.script.js'), importer);
    return resolved?.id ?? null;
  },
});

/**
 * The renamed private names (`__name`, `_$name`), shared by every IIFE build: the on-demand
 * files' classes extend garde.js's GardeElement, so a name renamed in both must be renamed alike, and a
 * new name must not take one garde.js already gave. Rollup builds the outputs in order, drop-ins
 * first.
 */
const nameCache = {};

/**
 * A per-language drop-in (dist/garde.fr.js…) and its on-demand files (dist/garde-ui.fr.js…): the
 * modules that gather the four languages' strings (BY_LANGUAGE) keep the one language's, and the
 * language resolution knows no other (src/core/page-langs.ts): src/core/lang.ts as it then works
 * out, written plainly (every candidate resolves to that language; `shippedLang` names it for a
 * tag of that language only). After the TypeScript plugin, which compiles the files as they are
 * on disk. Fails the build if a gathering module no longer has the shape it rewrites.
 */
const generated = (code) => ({ code, map: { mappings: '' } });
const BY_LANGUAGE = /[\\/]src[\\/]i18n[\\/](languages|complete-strings|notice[\\/]index)\.ts$/;
const oneLanguage = (lang) => ({
  name: 'one-language',
  transform(code, id) {
    if (BY_LANGUAGE.test(id)) {
      const imports = /^import \{ (fr|nl|de|en) \} from '\.\/\1\.js';\n/gm;
      const kept = code
        .replace(imports, (line, each) => (each === lang ? line : ''))
        .replace(/\{ fr, nl, de, en \}/, `{ ${lang} }`);
      if ((code.match(imports) ?? []).length !== 4 || !kept.includes(`{ ${lang} }`))
        this.error(`${id}: expected an import of each language and \`{ fr, nl, de, en }\``);
      return generated(kept);
    }
    if (/[\\/]src[\\/]core[\\/]page-langs\.ts$/.test(id))
      return generated(`export const PAGE_LANGS = ['${lang}'];`);
    if (/[\\/]src[\\/]core[\\/]lang\.ts$/.test(id))
      return generated(`export { LANGS } from '../wire.js';
export const shippedLang = (candidate) =>
  /^${lang}(?:[-_]|$)/i.test(candidate ?? '') ? '${lang}' : undefined;
export const resolveLang = () => '${lang}';`);
    // Each call is its language: the candidates it was given are not even read (terser keeps a
    // read of \`document\` or \`globalThis\`, which might throw). A call whose arguments hold
    // parentheses stays a call of the function above.
    const called = code.replace(/\bresolveLang\([^()]*\)/g, `'${lang}'`);
    return called === code ? null : { code: called, map: null };
  },
});

/**
 * The built-in strings (src/i18n/fr.ts, nl.ts, de.ts, en.ts), each an object with the same keys.
 * `part` says which keys a file gets: the drop-ins only those of `FirstLayerTranslation`
 * (src/i18n/translation.ts: what garde.js renders itself), the on-demand files that render the
 * rest only the others (src/i18n/complete-strings.ts adds them to garde.js's), the records file
 * all. With `compact` (the four-language files), each language is one text, its values joined by
 * `|` in the order of the sorted keys, and the keys are written once (garde.js is ~100 B gzip
 * smaller than with every key written four times, and ~14 B smaller than with each value
 * quoted); one language's keys written once save nothing. The objects are the same at run time.
 * Fails the build if a language's keys differ from en.ts's, or if a text holds a `|`.
 */
const TRANSLATION_KEYS = '\0garde-translation-keys:';
const translationKeys = () =>
  [...readFileSync('src/i18n/en.ts', 'utf8').matchAll(/^ {2}(\w+):/gm)]
    .map(([, key]) => key)
    .sort();
/** The keys of FirstLayerTranslation, from src/i18n/translation.ts. */
const firstLayerKeys = () => {
  const block = /export interface FirstLayerTranslation \{([^]*?)\n\}/.exec(
    readFileSync('src/i18n/translation.ts', 'utf8'),
  );
  if (!block) throw new Error('src/i18n/translation.ts: no FirstLayerTranslation');
  return [...block[1].matchAll(/^ {2}(\w+):/gm)].map(([, key]) => key);
};
const partKeys = (part) => {
  const first = firstLayerKeys();
  return translationKeys().filter((key) =>
    part === 'first' ? first.includes(key) : part === 'rest' ? !first.includes(key) : true,
  );
};
const builtTranslations = ({ part, compact }) => ({
  name: 'built-translations',
  resolveId: (source) => (source.startsWith(TRANSLATION_KEYS) ? source : null),
  load(id) {
    if (!id.startsWith(TRANSLATION_KEYS)) return null;
    return `const KEYS = ${JSON.stringify(partKeys(id.slice(TRANSLATION_KEYS.length)).join(' '))}.split(' ');
export const fromValues = (values) => Object.fromEntries(values.split('|').map((text, i) => [KEYS[i], text]));`;
  },
  transform(code, id) {
    const lang = /[\\/]src[\\/]i18n[\\/](fr|nl|de|en)\.ts$/.exec(id)?.[1];
    if (!lang) return null;
    const declaration = this.parse(code).body.find(
      (node) => node.type === 'ExportNamedDeclaration' && node.declaration,
    )?.declaration.declarations[0];
    const properties = declaration?.init?.properties ?? [];
    const simple = properties.every(
      (p) =>
        p.type === 'Property' &&
        !p.computed &&
        p.key.type === 'Identifier' &&
        typeof p.value.value === 'string' &&
        !p.value.value.includes('|'),
    );
    const keys = properties.map((p) => p.key?.name);
    if (
      declaration?.id.name !== lang ||
      !simple ||
      [...keys].sort().join() !== translationKeys().join()
    )
      this.error(
        `${id}: expected \`export const ${lang} = { key: 'text', … }\` with en.ts's keys, no text with a |`,
      );
    const wanted = partKeys(part);
    const kept = [...properties]
      .filter((p) => wanted.includes(p.key.name))
      .sort((a, b) => (a.key.name < b.key.name ? -1 : 1));
    if (!compact)
      return generated(
        `export const ${lang} = { ${kept.map((p) => `${p.key.name}: ${JSON.stringify(p.value.value)}`).join(', ')} };`,
      );
    return generated(`import { fromValues } from '${TRANSLATION_KEYS}${part ?? ''}';
export const ${lang} = /*#__PURE__*/ fromValues(${JSON.stringify(kept.map((p) => p.value.value).join('|'))});`);
  },
});

/**
 * What the drop-ins and their on-demand part are built with: one IIFE each, Lit inlined, names
 * mangled; `lang` for a per-language drop-in.
 */
const iifePlugins = ({ lang, strings, compileAll } = {}) => [
  // Lit's production build: the "development" condition would pull in dev-mode warnings.
  nodeResolve({ exportConditions: ['production'] }),
  // lit-html without the features garde's templates never use (directives, svg…).
  trimLitHtml(),
  minifyTemplates(),
  requireMinifiedTemplates(),
  squeezeCss(),
  ts({ declaration: false, declarationDir: undefined, outDir: 'dist', sourceMap: true }),
  ...(lang ? [oneLanguage(lang)] : []),
  builtTranslations({ part: strings, compact: !lang }),
  gardeVersion(),
  terser({
    nameCache,
    ecma: 2020,
    module: false,
    // unsafe_arrows: a `function` expression that uses neither `this` nor `arguments` becomes an
    // arrow; nothing in the bundle calls one with `new` (test/components/built.test.ts and
    // test/garde.test.ts run the built file). ~10 B gzip.
    // unsafe: `new Error(x)` as `Error(x)`, `new RegExp` as `RegExp`, a template literal of
    // strings as a concatenation (the bundle puts no symbol or object with its own toString in
    // one); passes: 5 finds a few more. ~25 B gzip.
    // keep_fargs: false drops a function's unused last parameters; nothing in the bundle reads a
    // function's `length`. ~7 B gzip.
    // pure_getters: reading a property has no side effect, so a read whose value goes unused is
    // dropped: in a per-language drop-in, the page's and the config's `lang` that the one language
    // no longer needs, and unused destructured options. No getter in the bundles is read for its
    // effect (the `window.garde` accessor is only read by pages). ~23 B gzip.
    compress: {
      passes: 5,
      unsafe: true,
      unsafe_arrows: true,
      keep_fargs: false,
      pure_getters: true,
    },
    // Private names, renamed as Lit's and cookieconsent's own builds do:
    //  - `__name` (~50 B gzip): members private to garde's classes (docs/architecture.md);
    //    Lit, idb-keyval and every public or DOM name have no such prefix;
    //  - `_$name` (~100 B gzip): the names Lit's packages share (`_$AH`, `_$litType$`…);
    //    the drop-in inlines one copy of Lit and nothing outside it reads them.
    mangle: { properties: { regex: /^(__[a-zA-Z]|_\$)/ } },
    // The drop-ins call most of their functions during start-up, where V8 would compile each
    // lazily, on the main thread, at its first call (most of the time no event names in a trace
    // of the script's task): V8's explicit compile hint has it compile them all with the script,
    // off the main thread while it streams. 18 B gzip; garde's longest start-up task at 4x CPU
    // ~15-30 % shorter (docs/benchmarks.md, "garde's tasks").
    format: { comments: false, ...(compileAll && { preamble: '//# allFunctionsCalledOnLoad' }) },
  }),
];

const dropIn = {
  input: 'src/garde.ts',
  output: { file: 'dist/garde.js', format: 'iife', sourcemap: true },
  plugins: [uiOnDemand(), ...iifePlugins({ strings: 'first', compileAll: true })],
};

/** The on-demand files that hold strings: a per-language drop-in loads their one-language build. */
const WORDED = ['garde-ui', 'garde-embed', 'garde-notice', 'garde-records'];

/**
 * In a per-language drop-in, the names its on-demand files are loaded by (`loadScript('garde-ui.js')`)
 * become their one-language files' (`garde-ui.fr.js`). Fails the build if one is not named.
 */
const onDemandIn = (lang) => {
  const named = new Set();
  return {
    name: 'on-demand-in',
    transform(code) {
      const renamed = code.replace(/(['"])(garde-[a-z]+)\.js\1/g, (literal, quote, name) => {
        if (!WORDED.includes(name)) return literal;
        named.add(name);
        return `${quote}${name}.${lang}.js${quote}`;
      });
      return renamed === code ? null : { code: renamed, map: null };
    },
    generateBundle() {
      for (const name of WORDED)
        if (!named.has(name)) this.error(`no loadScript('${name}.js') found to rename for ${lang}`);
    },
  };
};

/**
 * The same drop-in with one language's strings, for pages in one language: dist/garde.fr.js…,
 * which loads the on-demand files of that language (dist/garde-ui.fr.js…).
 */
const dropInFor = (lang) => ({
  input: 'src/garde.ts',
  output: { file: `dist/garde.${lang}.js`, format: 'iife', sourcemap: true },
  plugins: [
    uiOnDemand(),
    onDemandIn(lang),
    ...iifePlugins({ lang, strings: 'first', compileAll: true }),
  ],
});

/**
 * The modules garde-ui.js and garde-embed.js take from garde.js (src/components/ui-kit.ts) rather
 * than bundling. (An external package keeps the name it was imported by: `lit/html.js`.)
 */
const KIT_MODULES =
  /(^lit\/html\.js|[\\/]node_modules[\\/]lit[\\/]html\.js|[\\/]src[\\/]components[\\/](base(\.styles)?|css)\.ts|[\\/]src[\\/]i18n[\\/]index\.ts)$/;
/**
 * The on-demand files use garde.js's lit-html and GardeElement (and through it the controllers and
 * the languages): those modules stay outside them, as `window.gardeKit`, which garde.js fills
 * before it adds a script (ui-kit.ts). The build fails if one needs a name that the kit lacks.
 */
const requireKitNames = () => ({
  name: 'require-kit-names',
  generateBundle(_options, bundle) {
    const kit = /export const uiKit = \{([^}]*)\}/.exec(
      readFileSync('src/components/ui-kit.ts', 'utf8'),
    );
    const provided = kit ? kit[1].split(',').map((name) => name.trim()) : [];
    for (const chunk of Object.values(bundle))
      for (const [id, names] of Object.entries(chunk.importedBindings ?? {}))
        for (const name of names)
          if (!provided.includes(name))
            this.error(`${name} from ${id} is not in src/components/ui-kit.ts`);
  },
});

/**
 * Every kit module as one external, `gardeKit`: the file's wrapper then takes the kit once
 * (`function(t){…}(gardeKit)`) rather than once per module.
 */
const oneKit = () => ({
  name: 'one-kit',
  async resolveId(source, importer, options) {
    if (!importer) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && KIT_MODULES.test(resolved.id)
      ? { id: 'gardeKit', external: true }
      : resolved;
  },
});

/**
 * A file the drop-in loads on demand: its entry, rendering with the drop-in's kit; with `lang`,
 * that language's strings only (dist/garde-ui.fr.js for dist/garde.fr.js).
 */
const onDemandFile = (input, file, lang) => ({
  input,
  output: { file, format: 'iife', sourcemap: true, globals: { gardeKit: 'gardeKit' } },
  plugins: [oneKit(), requireKitNames(), ...iifePlugins({ lang, strings: 'rest' })],
});
/** `dist/<name>.js`, or with `lang` its one-language build `dist/<name>.<lang>.js`. */
const distFile = (name, lang) => `dist/${name}${lang ? `.${lang}` : ''}.js`;

/** The analytics tracker, loaded at the first hit (src/core/tracker.script.ts): core code, no kit. */
const analytics = {
  input: 'src/core/analytics-entry.ts',
  output: { file: 'dist/garde-analytics.js', format: 'iife', sourcemap: true },
  plugins: iifePlugins(),
};

/**
 * The record-keeping (src/core/records-file.ts) with the snapshot of what was shown and the four
 * languages' strings it holds, loaded when a receipt waits (src/core/records.script.ts): no kit,
 * since it may run before the UI is mounted (a GPC refusal).
 */
const recordsFile = (lang) => ({
  input: 'src/records-entry.ts',
  output: { file: distFile('garde-records', lang), format: 'iife', sourcemap: true },
  plugins: iifePlugins({ lang }),
});

/**
 * Consent Mode and Matomo (src/core/integrations/index.script.ts), loaded at start only when the
 * config enables one: core code, no kit.
 */
const integrations = {
  input: 'src/core/integrations/integrations-entry.ts',
  output: { file: 'dist/garde-integrations.js', format: 'iife', sourcemap: true },
  plugins: iifePlugins(),
};

/** The wording of the config's errors (src/core/config-messages.ts), loaded for an invalid config. */
const configMessages = {
  input: 'src/core/config-messages-entry.ts',
  output: { file: 'dist/garde-config.js', format: 'iife', sourcemap: true },
  plugins: iifePlugins(),
};

const esm = {
  input: {
    index: 'src/index.ts',
    'core/index': 'src/core/index.ts',
    'minimise/index': 'src/minimise/index.ts',
    wire: 'src/wire.ts',
    define: 'src/define.ts',
  },
  output: {
    dir: 'dist/esm',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
  external: (id) => /^(lit|@lit\/|idb-keyval|ipaddr\.js)/.test(id),
  plugins: [
    minifyTemplates(),
    requireMinifiedTemplates(),
    ts({ outDir: 'dist/esm', declaration: true, declarationDir: 'dist/esm', sourceMap: true }),
    gardeVersion(),
  ],
};

const LANGUAGES = ['fr', 'nl', 'de', 'en'];
/**
 * The on-demand files with strings (WORDED), in four languages or in `lang`: the dialog; the
 * embeds' placeholder alone (a page with an embed needs no dialog); the record-keeping;
 * `<garde-notice>` and its wording, loaded only on a page that holds one.
 */
const worded = (lang) => [
  onDemandFile('src/components/on-demand-entry.ts', distFile('garde-ui', lang), lang),
  onDemandFile('src/components/embed-entry.ts', distFile('garde-embed', lang), lang),
  recordsFile(lang),
  onDemandFile('src/components/notice/notice-entry.ts', distFile('garde-notice', lang), lang),
];
// The drop-ins before the on-demand files, which take their renamed names from theirs (nameCache).
const all = [
  dropIn,
  ...LANGUAGES.map(dropInFor),
  ...worded(),
  ...LANGUAGES.flatMap(worded),
  analytics,
  integrations,
  configMessages,
  esm,
  admin,
];

/**
 * `npx rollup -c --configOnly dist/garde.js,dist/garde-ui.js` builds only the outputs named (a
 * file or a folder), in the same order: a size measurement need not wait for the ESM and admin
 * builds. The on-demand files need the drop-in's names (nameCache): name it before them.
 */
export default ({ configOnly }) => {
  if (!configOnly) return all;
  const wanted = String(configOnly).split(',');
  return all.filter((build) => wanted.includes(build.output.file ?? build.output.dir));
};
