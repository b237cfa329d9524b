// What one main-thread task of a traced load holds, by kind (issue 18: each of garde's tasks under
// 50 ms at 4x): the browser's own steps named by their trace events (HTML parsing, compilation,
// garbage collection, the cookie read, style sheets, style and layout, paint), and the JavaScript
// that runs in it, from the CPU samples of the same trace, by source module (through the source
// maps of dist/) and by what the script's top level, a timer or a microtask called. The trace must
// hold the categories of TRACE_CATEGORIES.

/** Every category the breakdown reads (more categories slow the load a little: run.mjs uses fewer). */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * The kinds a task's time is split into, innermost event first: a moment inside a `CookieJar`
 * call inside a script counts as the cookie read, not as the script. `re` matches the trace
 * event's name.
 */
const KINDS = [
  {
    kind: 'garbage collection',
    re: /^(MinorGC|MajorGC|V8\.GC_SCAVENGER$|V8\.GC_MC_|V8\.GCFinalizeMC)/,
  },
  { kind: 'compile (lazy functions)', re: /^V8\.(CompileCode|CompileLazy|ParseFunction)$/ },
  {
    kind: 'compile (the script)',
    re: /^(v8\.compile|V8\.CompileStreamedScript|V8\.CompileScript)$/,
  },
  { kind: 'source positions (tracing)', re: /^V8\.CollectSourcePositions$/ },
  { kind: 'document.cookie read', re: /^CookieJar::Cookies$/ },
  { kind: 'document.cookie write', re: /^CookieJar::SetCookie/ },
  { kind: 'style sheet parsing', re: /^Blink\.ParseStyleSheet\.UpdateTime$/ },
  { kind: 'style and layout', re: /^(UpdateLayoutTree|Layout)$/ },
  { kind: 'paint and commit', re: /^(PrePaint|Paint|Commit|Layerize)$/ },
  { kind: 'HTML parsing', re: /^ParseHTML$/ },
];

/** Containers: JavaScript that runs in them is split by the samples, by module. */
const SCRIPT =
  /^(v8\.run|FunctionCall|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|V8\.Execute)$/;

const fileOf = (url) => (url.startsWith('http') ? new URL(url).pathname.split('/').pop() : url);

/** The CPU samples of the page's main thread: [{ ts, dur, stack: [callFrame, …] root first }]. */
export function cpuSamples(traceEvents, pid, tid) {
  const profile = traceEvents.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const chunks = traceEvents.filter(
    (e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id,
  );
  const nodes = new Map();
  const times = [];
  const ids = [];
  let t = profile.args.data.startTime;
  for (const chunk of chunks) {
    const { cpuProfile = {}, timeDeltas = [] } = chunk.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
    (cpuProfile.samples ?? []).forEach((id, index) => {
      t += timeDeltas[index] ?? 0;
      times.push(t);
      ids.push(id);
    });
  }
  const stackOf = (id) => {
    const stack = [];
    for (let node = nodes.get(id); node; node = nodes.get(node.parent))
      stack.unshift(node.callFrame);
    return stack;
  };
  return ids.map((id, index) => ({
    ts: times[index],
    dur: (times[index + 1] ?? times[index]) - times[index],
    stack: stackOf(id),
  }));
}

/**
 * Splits `task` (from pageTasks: its `events`, `ts`, `dur`) into ms per kind. `samples` are the
 * main thread's (cpuSamples); `where(frame)` names a JavaScript frame's source function and module
 * ({ name, module }) or returns null (no source map). Returns { kinds: [[name, ms]…] largest first, modules,
 * callers }: JavaScript by the module of the sampled function (self time), and by the function the
 * task's entry point (the script's top level, a timer's or frame's callback, a microtask) called.
 */
export function breakdown(task, samples, where) {
  const end = task.ts + task.dur;
  // Innermost classified event at a time: the last one (in start order) still open.
  const classified = task.events
    .filter((e) => e.dur && KINDS.some((k) => k.re.test(e.name)))
    .map((e) => ({ ...e, kind: KINDS.find((k) => k.re.test(e.name)).kind }));
  const scripts = task.events.filter((e) => e.dur && SCRIPT.test(e.name));
  const inside = (e, t) => t >= e.ts && t < e.ts + e.dur;
  // The innermost event open at `t`, a script's included (a script run by the HTML parser is the
  // script's time, not the parser's).
  const kindAt = (t) => {
    let found = null;
    for (const e of [...classified, ...scripts])
      if (inside(e, t) && (!found || e.ts > found.ts || (e.ts === found.ts && e.dur < found.dur)))
        found = e;
    return found?.kind ?? null;
  };
  /** The name of the innermost event of any kind at `t`, for time no kind names. */
  const innermost = (t) => {
    let found = null;
    for (const e of task.events)
      if (
        e.dur &&
        inside(e, t) &&
        (!found || e.ts > found.ts || (e.ts === found.ts && e.dur < found.dur))
      )
        found = e;
    if (!found || found.name === 'ThreadControllerImpl::RunTask' || found.name === 'RunTask')
      return 'the task itself';
    return found.name === 'EventDispatch' ? `${found.args?.data?.type} event` : found.name;
  };
  const kinds = new Map();
  const modules = new Map();
  const callers = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us / 1000);
  // Time by samples (each sample stands for the time until the next one).
  let covered = 0;
  for (const sample of samples) {
    if (sample.ts < task.ts || sample.ts >= end) continue;
    const dur = Math.min(sample.dur, end - sample.ts);
    covered += dur;
    const kind = kindAt(sample.ts);
    if (kind) {
      add(kinds, kind, dur);
      continue;
    }
    const top = sample.stack.at(-1);
    const js = sample.stack.filter((frame) => frame.url);
    if (!js.length) {
      // V8's and Blink's own time outside any named step: (program) is the browser's code, named
      // by the innermost trace event around it (a parser step, an event's dispatch); (garbage
      // collector) a collection.
      const name = top?.functionName || '(program)';
      add(
        kinds,
        name === '(garbage collector)'
          ? 'garbage collection'
          : name === '(program)' || name === '(root)'
            ? `browser: ${innermost(sample.ts)}`
            : `native ${name}`,
        dur,
      );
      continue;
    }
    const microtask = scripts.some((e) => e.name === 'RunMicrotasks' && inside(e, sample.ts));
    add(kinds, microtask ? 'JavaScript in microtasks' : 'JavaScript', dur);
    const name = (frame) => {
      const source = where(frame);
      return source
        ? `${source.name} ${source.module}`
        : `${frame.functionName || '(anonymous)'} ${fileOf(frame.url)}`;
    };
    add(
      modules,
      top.url ? (where(top)?.module ?? fileOf(top.url)) : `native ${top.functionName}`,
      dur,
    );
    // The entry (the first JavaScript frame: the script's top level, a callback), then the first
    // named function it called (past the bundle's anonymous wrapper).
    const named = js.slice(1).find((frame) => where(frame)?.name || frame.functionName);
    const called = named ? name(named) : '(its own body)';
    add(callers, `${microtask ? 'microtask: ' : ''}${name(js[0])} -> ${called}`, dur);
  }
  // What the samples do not cover (the thread descheduled, throttling pauses between samples).
  const unsampled = task.dur - covered;
  if (unsampled > 0) add(kinds, 'not sampled', unsampled);
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { kinds: sorted(kinds), modules: sorted(modules), callers: sorted(callers) };
}
