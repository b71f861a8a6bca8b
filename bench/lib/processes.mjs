// Child processes of a bench run (the app server and the floor server): start, wait until they
// answer, sample their memory, stop them with SIGTERM and wait for them to exit.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { URL } from 'node:url';
import { HttpClient } from './load.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// VmRSS (now) and VmHWM (the kernel's peak resident set) of a process, in MB.
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

// CPU time (user + system) of a process in ms, from /proc/<pid>/stat.
export function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

// CPU time of a PostgreSQL cluster: the postmaster, its live children (backends, parallel and
// background workers) and, through the postmaster's cutime/cstime, the children it has reaped
// (a parallel worker that exited between two readings still counts).
export function clusterCpuMs(postmasterPid) {
  if (!postmasterPid) return NaN;
  let total;
  try {
    const f = readFileSync(`/proc/${postmasterPid}/stat`, 'utf8').split(') ')[1].split(' ');
    total = ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === postmasterPid) total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // gone
    }
  }
  return total;
}

// Samples a process's RSS every 200 ms between start() and stop(): the peak during a scenario.
export function rssSampler(pid) {
  let peak = 0;
  let timer;
  return {
    start() {
      peak = memoryOf(pid).rssMb || 0;
      timer = setInterval(() => {
        const { rssMb } = memoryOf(pid);
        if (rssMb > peak) peak = rssMb;
      }, 200);
    },
    stop() {
      clearInterval(timer);
      const { rssMb } = memoryOf(pid);
      return Math.round(Math.max(peak, rssMb || 0));
    },
  };
}

export async function startProcess({ name, args, env, logFile, readyUrl, timeoutMs = 120_000 }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const client = new HttpClient(readyUrl);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`${name} exited during start-up (${JSON.stringify(exited)}); see ${logFile}`);
      try {
        const res = await client.request({ path: new URL(readyUrl).pathname, timeoutMs: 2000 });
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
      await sleep(200);
    }
  } catch (error) {
    if (!exited) child.kill('SIGKILL');
    throw error;
  } finally {
    client.close();
  }
  return {
    pid: child.pid,
    child,
    // SIGTERM, then wait for the process to drain and exit (SIGKILL after 40 s).
    async stop() {
      if (exited || child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), 40_000);
      });
      const outcome = await Promise.race([done, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        await done;
      }
    },
  };
}
