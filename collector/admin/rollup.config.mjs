// Build of the admin page (imported by the root rollup.config.mjs): collector/admin/src/main.ts
// bundled with lit into one minified ES module, dist/admin.js, next to a copy of index.html.
// The collector serves collector/admin/dist/ at /admin/.
import { readFile } from 'node:fs/promises';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = (path) => new URL(path, import.meta.url).pathname;

/** Emits index.html beside the bundle: the page has no inline code, so it is copied as is. */
const copyIndex = {
  name: 'admin-index-html',
  async generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'index.html',
      source: await readFile(here('./index.html'), 'utf8'),
    });
  },
};

export default {
  input: here('./src/main.ts'),
  output: { dir: here('./dist'), entryFileNames: 'admin.js', format: 'es', sourcemap: true },
  plugins: [
    // garde-source: garde/wire from its TypeScript source, as the typecheck sees it.
    nodeResolve({ exportConditions: ['garde-source', 'production'] }),
    typescript({ tsconfig: here('./tsconfig.json'), outDir: here('./dist'), sourceMap: true }),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
    copyIndex,
  ],
};
