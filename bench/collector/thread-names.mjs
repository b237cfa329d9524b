// Preloaded by bench/collector/run.mjs into each server it measures (`node --import …`): prints one line,
// `garde-bench-thread <tid> <name>`, for each worker thread the process starts, so that the bench can read
// each thread's CPU from /proc/<pid>/task/<tid>/stat by name. Node names every thread "node", and the
// collector's threads (SQLite writer and checkpointer, PostgreSQL sequencer) start inside it; a Worker's
// OS thread exists once `new Worker()` returns, so the thread ids that appear across the constructor are
// that worker's. Bench-only: nothing of it is in the collector.
import { readdirSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
// The module's object itself, whose Worker the collector's `import { Worker }` reads once synced.
import threads from 'node:worker_threads';

const tasks = () => new Set(readdirSync(`/proc/${process.pid}/task`));
const Original = threads.Worker;

/** The module a worker runs: the collector's `tsThread()` names it in `argv`, else the file itself. */
function moduleName(file, options) {
  const named = options && Array.isArray(options.argv) ? options.argv.at(-1) : file;
  return basename(String(named instanceof URL ? named.pathname : named)).replace(
    /\.[cm]?[jt]s$/,
    '',
  );
}

threads.Worker = class extends Original {
  constructor(file, options) {
    const before = tasks();
    super(file, options);
    const name = moduleName(file, options);
    for (const tid of tasks()) {
      if (!before.has(tid)) process.stdout.write(`garde-bench-thread ${tid} ${name}\n`);
    }
  }
};
syncBuiltinESMExports();
