// Three outputs from one source tree:
//  - dist/garde.js: the drop-in, one self-contained minified IIFE (lit and idb-keyval inlined);
//  - dist/esm/: ES modules with .d.ts types for bundler users (lit, idb-keyval, ipaddr.js stay imports);
//    its entries are the full library, the headless core (never imports lit), the shared minimisers
//    and the wire contract (receipt and hit schemas, types and constants).
// Both builds minify the UI's html`` and css`` templates, so the source keeps them readable.
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { parseLiterals } from 'parse-literals';
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
    }
    return null;
  },
});

/**
 * In the drop-in, the preferences dialog and the embeds' placeholder are dist/garde-ui.js, loaded
 * the first time one is needed: on-demand.ts (which bundles them) is swapped for
 * on-demand.script.ts.
 */
const uiOnDemand = () => ({
  name: 'ui-on-demand',
  async resolveId(source, importer) {
    if (!source.endsWith('/on-demand.js')) return null;
    const resolved = await this.resolve(source.replace(/\.js$/, '.script.js'), importer);
    return resolved?.id ?? null;
  },
});

/** What the drop-in and its on-demand part are built with: one IIFE each, Lit inlined, names mangled. */
const iifePlugins = () => [
  // Lit's production build: the "development" condition would pull in dev-mode warnings.
  nodeResolve({ exportConditions: ['production'] }),
  minifyTemplates(),
  requireMinifiedTemplates(),
  ts({ declaration: false, declarationDir: undefined, outDir: 'dist', sourceMap: true }),
  gardeVersion(),
  terser({
    ecma: 2020,
    module: false,
    // unsafe_arrows: a `function` expression that uses neither `this` nor `arguments` becomes an
    // arrow; nothing in the bundle calls one with `new` (test/components/built.test.ts and
    // test/garde.test.ts run the built file). ~10 B gzip.
    compress: { passes: 2, unsafe_arrows: true },
    // Private names, renamed as Lit's and cookieconsent's own builds do:
    //  - `__name` (~50 B gzip): members private to garde's classes (docs/architecture.md);
    //    Lit, idb-keyval and every public or DOM name have no such prefix;
    //  - `_$name` (~100 B gzip): the names Lit's packages share (`_$AH`, `_$litType$`…);
    //    the drop-in inlines one copy of Lit and nothing outside it reads them.
    mangle: { properties: { regex: /^(__[a-zA-Z]|_\$)/ } },
    format: { comments: false },
  }),
];

const dropIn = {
  input: 'src/garde.ts',
  output: { file: 'dist/garde.js', format: 'iife', sourcemap: true },
  plugins: [uiOnDemand(), ...iifePlugins()],
};

const onDemand = {
  input: 'src/components/on-demand-entry.ts',
  output: { file: 'dist/garde-ui.js', format: 'iife', sourcemap: true },
  plugins: iifePlugins(),
};

/** `<garde-notice>` and its wording: dist/garde-notice.js, loaded only on a page that holds one. */
const notice = {
  input: 'src/components/notice/notice-entry.ts',
  output: { file: 'dist/garde-notice.js', format: 'iife', sourcemap: true },
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

export default [dropIn, onDemand, notice, esm, admin];
