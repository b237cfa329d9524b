// Three outputs from one source tree:
//  - dist/garde.js: the drop-in, one self-contained minified IIFE (lit and idb-keyval inlined);
//  - dist/esm/: ES modules with .d.ts types for bundler users (lit, idb-keyval, ipaddr.js stay imports);
//    its entries are the full library, the headless core (never imports lit), the shared minimisers
//    and the wire contract (receipt and hit schemas, types and constants).
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
// The collector's admin page (collector/admin/dist/: admin.js + index.html), served at /admin/.
import admin from './collector/admin/rollup.config.mjs';

const ts = (overrides = {}) =>
  typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true, ...overrides });

const dropIn = {
  input: 'src/garde.ts',
  output: { file: 'dist/garde.js', format: 'iife', sourcemap: true },
  plugins: [
    // Lit's production build: the "development" condition would pull in dev-mode warnings.
    nodeResolve({ exportConditions: ['production'] }),
    ts({ declaration: false, declarationDir: undefined, outDir: 'dist', sourceMap: true }),
    terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false } }),
  ],
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
    ts({ outDir: 'dist/esm', declaration: true, declarationDir: 'dist/esm', sourceMap: true }),
  ],
};

export default [dropIn, esm, admin];
