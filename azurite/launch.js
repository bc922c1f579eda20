#!/usr/bin/env node
// Runs Azurite as a child and makes sure it never outlives whoever started us.
//
//   node launch.js [--parent-pid <pid>] [--stop-on-stdin-close] -- <azurite args...>
//
// Why a wrapper: a .NET host that crashes (or is killed with SIGKILL) cannot stop
// its children, and Azurite would keep holding its ports. This wrapper stops Azurite
// as soon as the parent is gone (it polls the parent pid every 500 ms; with
// --stop-on-stdin-close also at once when our stdin closes, which is how the app asks
// and what happens when it dies), and exits with Azurite's exit code.
//
// Azurite runs with durable.js preloaded (answers only once their change is on disk)
// in a process group of its own, and is always stopped by us (IPC "shutdown": it saves
// its data and exits). A signal sent to the whole process group (Ctrl+C, a service
// manager's SIGTERM) thus does not stop storage under an app that is still shutting
// down: while the parent lives, SIGTERM/SIGINT/SIGHUP only start a grace period of
// GRACE_MS for the parent to exit or ask; without a parent they stop Azurite at once.
// If this wrapper is killed, Azurite sees its IPC channel close and stops as well.
// Pure Node, no dependencies.
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const POLL_MS = 500;
const KILL_AFTER_MS = 10000;
const GRACE_MS = 30000;

// Once the parent reading our output is gone, writes fail with EPIPE: never die of that.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

function log(message) {
  process.stderr.write(`[launch.js] ${message}\n`);
}

function parseArgs(argv) {
  const sep = argv.indexOf("--");
  const own = sep < 0 ? argv : argv.slice(0, sep);
  const azuriteArgs = sep < 0 ? [] : argv.slice(sep + 1);
  let parentPid = 0;
  let stopOnStdinClose = false;
  for (let i = 0; i < own.length; i++) {
    if (own[i] === "--parent-pid" && i + 1 < own.length) {
      parentPid = Number.parseInt(own[++i], 10);
    } else if (own[i] === "--stop-on-stdin-close") {
      stopOnStdinClose = true;
    } else {
      log(`unknown argument '${own[i]}'`);
      log("usage: node launch.js [--parent-pid <pid>] [--stop-on-stdin-close] -- <azurite args...>");
      process.exit(2);
    }
  }
  if (!Number.isInteger(parentPid) || parentPid < 0) {
    log("--parent-pid must be a non-negative integer (0 = do not watch a parent)");
    process.exit(2);
  }
  return { parentPid, stopOnStdinClose, azuriteArgs };
}

// kill(pid, 0) succeeds for a zombie too (a parent that died but was not reaped yet),
// so on Linux also look at the process state in /proc.
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === "EPERM"; // exists, but belongs to someone else
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (macOS) or raced with exit: trust kill(pid, 0)
  }
}

const { parentPid, stopOnStdinClose, azuriteArgs } = parseArgs(process.argv.slice(2));
const entry = path.join(__dirname, "node_modules", "azurite", "dist", "src", "azurite.js");
if (!fs.existsSync(entry)) {
  log(`${entry} not found; run 'npm ci' in ${__dirname}`);
  process.exit(3);
}
if (parentPid > 0 && !isAlive(parentPid)) {
  log(`parent ${parentPid} is already gone; not starting Azurite`);
  process.exit(4);
}

// stdin ignored: Azurite reads nothing. Its output is copied to ours (not inherited: an inherited pipe to a dead
// parent made Azurite's own shutdown messages fail), and an IPC channel carries "shutdown".
const child = spawn(process.execPath, ["--require", path.join(__dirname, "durable.js"), entry, ...azuriteArgs], {
  cwd: __dirname,
  detached: true,
  stdio: ["ignore", "pipe", "pipe", "ipc"],
});
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);
log(`azurite pid ${child.pid}${parentPid > 0 ? `, watching parent ${parentPid}` : ""}`);

let stopping = false;
function stop(reason) {
  if (stopping) return;
  stopping = true;
  log(`stopping Azurite (${reason})`);
  if (child.connected) child.send("shutdown", () => {});
  else child.kill("SIGTERM");
  // Azurite saves its data and exits once its services are closed; don't wait forever.
  setTimeout(() => {
    log("Azurite did not exit in time; sending SIGKILL");
    child.kill("SIGKILL");
  }, KILL_AFTER_MS).unref();
}

if (stopOnStdinClose) {
  process.stdin.on("data", () => {}); // nothing is read from it; only its end matters
  process.stdin.on("end", () => stop("asked (stdin closed)"));
  process.stdin.on("error", () => stop("stdin failed"));
}

const watcher =
  parentPid > 0
    ? setInterval(() => {
        if (!isAlive(parentPid)) stop(`parent ${parentPid} is gone`);
      }, POLL_MS)
    : undefined;

let grace;
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => {
    if (parentPid === 0 || !isAlive(parentPid) || grace) {
      stop(signal);
      return;
    }
    log(`${signal}: Azurite stops when parent ${parentPid} exits or asks (at the latest in ${GRACE_MS / 1000} s)`);
    grace = setTimeout(() => stop(`${signal}, parent still running after ${GRACE_MS / 1000} s`), GRACE_MS);
    grace.unref();
  });
}

child.on("error", (err) => {
  log(`failed to start Azurite: ${err.message}`);
  process.exit(1);
});

child.on("exit", (code, signal) => {
  if (watcher) clearInterval(watcher);
  log(`Azurite exited (${signal ?? `code ${code}`})`);
  // Mirror a shell: death by signal N is exit code 128 + N.
  const signum = signal ? require("os").constants.signals[signal] ?? 0 : 0;
  process.exit(code ?? 128 + signum);
});
