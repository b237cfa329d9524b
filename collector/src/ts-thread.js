// A worker thread that runs one of the collector's TypeScript modules: the loaders first (loaders.js), then
// the module whose URL is the Worker's last `argv` entry (`tsThread()` in ts-thread-url.ts).
import './loaders.js';

await import(process.argv.at(-1));
