// CPU accounting for the ingest bench, from /proc (Linux): what each process, and each of the collector's
// threads, used during a measured window, and how idle the machine's cores stayed. A row whose cores have
// no idle left is bound by the machine; a row with idle left is bound by the collector's own latency
// (receipts waiting for a commit). utime + stime, in clock ticks (100 a second on Linux: 10 ms).
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000;

/** utime + stime of a process or a thread, in ticks; null once it is gone. */
function ticks(path) {
  try {
    const stat = readFileSync(path, 'utf8');
    // The command name, in parentheses, may hold spaces: fields count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** All cores together: total and idle (idle + iowait) ticks since boot, from the first line of /proc/stat. */
function machine() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const values = fields.map(Number);
  return { total: values.reduce((a, b) => a + b, 0), idle: values[3] + values[4] };
}

/**
 * PostgreSQL's processes: the backends of `database` (`sequencers`: the pids of the sequencers' own
 * connections, counted apart), and the server's own (WAL writer, checkpointer…).
 */
function postgresProcesses(database, sequencers) {
  const found = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let command;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue;
    }
    if (!command.startsWith('postgres: ')) continue;
    // "postgres: 15/main: garde garde_h3 127.0.0.1(51234) idle" (a backend: user, database, client);
    // "postgres: 15/main: walwriter", "… autovacuum worker garde_h3" (the server's own, shared by every
    // database of the cluster).
    const words = command.split(' ');
    const backend = words.length >= 5 && words[3] === database && /\(\d+\)$/.test(words[4]);
    const own = /: (checkpointer|background writer|walwriter|autovacuum)/.test(command);
    if (backend) found.push({ pid, group: sequencers.has(pid) ? 'pg sequencer' : 'pg backends' });
    else if (own) found.push({ pid, group: 'pg server' });
  }
  return found;
}

/**
 * One reading of everything measured. `servers`: the node processes measured (pid, and threads: a Map of
 * tid → the thread's name, from thread-names.mjs); with several, each group sums their threads of that
 * name. `database`: PostgreSQL's database name, or null.
 */
function read(servers, database, sequencers) {
  const entries = new Map(); // key → { group, ticks }
  for (const server of servers) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${server.pid}/task`);
    } catch {
      // The process is gone; its figures are lost for this window.
    }
    for (const tid of tids) {
      const group =
        String(tid) === String(server.pid)
          ? 'main'
          : (server.threads.get(String(tid)) ?? 'node other');
      const value = ticks(`/proc/${server.pid}/task/${tid}/stat`);
      if (value !== null) entries.set(`${server.pid}/${tid}`, { group, ticks: value });
    }
  }
  if (database) {
    for (const { pid, group } of postgresProcesses(database, sequencers)) {
      const value = ticks(`/proc/${pid}/stat`);
      if (value !== null) entries.set(pid, { group, ticks: value });
    }
  }
  return { entries, machine: machine(), bench: process.cpuUsage(), at: process.hrtime.bigint() };
}

/**
 * Starts a window (`sequencers`: the pids, as strings, of PostgreSQL backends to count as 'pg sequencer');
 * `stop(extra)` ends it and returns µs of CPU by group (`extra`: groups measured
 * otherwise, e.g. wrk's CPU from its shell's `times`), the window's wall time, the machine's idle share and
 * what nobody listed used (the rest of the machine: other work, the kernel's own threads).
 */
export function cpuWindow(servers, database = null, sequencers = new Set()) {
  const start = read(servers, database, sequencers);
  return {
    stop(extra = {}) {
      const end = read(servers, database, sequencers);
      const groups = {};
      const add = (group, us) => (groups[group] = (groups[group] ?? 0) + us);
      for (const [key, { group, ticks: value }] of end.entries) {
        // A process or thread born during the window counts from zero.
        add(group, (value - (start.entries.get(key)?.ticks ?? 0)) * TICK_US);
      }
      for (const [group, us] of Object.entries(extra)) add(group, us);
      const benchUs = end.bench.user - start.bench.user + (end.bench.system - start.bench.system);
      add('bench', benchUs);
      const total = (end.machine.total - start.machine.total) * TICK_US;
      const idle = (end.machine.idle - start.machine.idle) * TICK_US;
      const listed = Object.values(groups).reduce((a, b) => a + b, 0);
      groups.rest = Math.max(0, total - idle - listed);
      return {
        wallUs: Number(end.at - start.at) / 1000,
        machineUs: total,
        idleShare: total > 0 ? idle / total : 0,
        groups,
      };
    },
  };
}
