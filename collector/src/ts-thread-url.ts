import type { WorkerOptions } from 'node:worker_threads';

/**
 * What `new Worker()` takes to run the TypeScript module at `module` (a URL, e.g.
 * `new URL('./sqlite-worker.ts', import.meta.url)`) on a thread of its own: the file ts-thread.js,
 * which registers the collector's loaders first, and the options that name the module.
 */
export function tsThread(module: URL, options: WorkerOptions = {}): [URL, WorkerOptions] {
  return [new URL('./ts-thread.js', import.meta.url), { ...options, argv: [module.href] }];
}
