#!/usr/bin/env node
// Runs Azurite as a child and makes sure it never outlives whoever started us.
//
//   node launch.js [--parent-pid <pid>] -- <azurite args...>
//
// Why a wrapper: a .NET host that crashes (or is killed with SIGKILL) cannot stop
// its children, and Azurite would keep holding its ports. This wrapper polls the
// parent pid every 500 ms and stops Azurite as soon as the parent is gone. It also
// stops Azurite on SIGTERM/SIGINT/SIGHUP and exits with Azurite's exit code.
// Pure Node, no dependencies.
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const POLL_MS = 500;
const KILL_AFTER_MS = 5000;

function log(message) {
  process.stderr.write(`[launch.js] ${message}\n`);
}

function parseArgs(argv) {
  const sep = argv.indexOf("--");
  const own = sep < 0 ? argv : argv.slice(0, sep);
  const azuriteArgs = sep < 0 ? [] : argv.slice(sep + 1);
  let parentPid = 0;
  for (let i = 0; i < own.length; i++) {
    if (own[i] === "--parent-pid" && i + 1 < own.length) {
      parentPid = Number.parseInt(own[++i], 10);
    } else {
      log(`unknown argument '${own[i]}'`);
      log("usage: node launch.js [--parent-pid <pid>] -- <azurite args...>");
      process.exit(2);
    }
  }
  if (!Number.isInteger(parentPid) || parentPid < 0) {
    log("--parent-pid must be a non-negative integer (0 = do not watch a parent)");
    process.exit(2);
  }
  return { parentPid, azuriteArgs };
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

const { parentPid, azuriteArgs } = parseArgs(process.argv.slice(2));
const entry = path.join(__dirname, "node_modules", "azurite", "dist", "src", "azurite.js");
if (!fs.existsSync(entry)) {
  log(`${entry} not found; run 'npm ci' in ${__dirname}`);
  process.exit(3);
}
if (parentPid > 0 && !isAlive(parentPid)) {
  log(`parent ${parentPid} is already gone; not starting Azurite`);
  process.exit(4);
}

// stdin ignored: Azurite reads nothing. Output goes straight to our stdout/stderr.
const child = spawn(process.execPath, [entry, ...azuriteArgs], {
  cwd: __dirname,
  stdio: ["ignore", "inherit", "inherit"],
});
log(`azurite pid ${child.pid}${parentPid > 0 ? `, watching parent ${parentPid}` : ""}`);

let stopping = false;
function stop(reason) {
  if (stopping) return;
  stopping = true;
  log(`stopping Azurite (${reason})`);
  child.kill("SIGTERM");
  // Azurite closes its servers gracefully but waits for open keep-alive sockets; don't wait forever.
  setTimeout(() => {
    log("Azurite did not exit in time; sending SIGKILL");
    child.kill("SIGKILL");
  }, KILL_AFTER_MS).unref();
}

const watcher =
  parentPid > 0
    ? setInterval(() => {
        if (!isAlive(parentPid)) stop(`parent ${parentPid} is gone`);
      }, POLL_MS)
    : undefined;

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => stop(signal));
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
