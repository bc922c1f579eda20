#!/usr/bin/env node
// Makes Azurite 3.37 durable: an answer is sent only once what it acknowledges is on disk. Preloaded into
// Azurite's own process by launch.js:
//
//   node --require ./durable.js node_modules/azurite/dist/src/azurite.js <azurite args...>
//
// Why: Azurite keeps blob, block and extent metadata and every table entity in LokiJS databases held in memory
// and written to disk by a 5 s autosave timer (or on a clean close). Whatever changed after the last autosave is
// lost when Azurite dies without closing (kill -9, a crash, power loss), although its answer already said "201".
// Four patches, installed before Azurite loads its modules (nothing under node_modules is edited):
//   1. http.ServerResponse#end waits, while any LokiJS database is dirty or an extent file was appended to, until
//      the extents are fsynced and the databases saved. Saves are LokiJS's throttled saves: the answers that end
//      while one save is running share the next one (a group commit), so the cost is one save per burst. An answer
//      ended twice (a table $batch answer is) waits as a whole: its second end is replayed after the first.
//   2. LokiJS's file adapter writes temp + rename but never fsyncs: after power loss the rename may be on disk
//      before the bytes. Here: write temp, fsync it, rename, fsync the folder; an error keeps the old file.
//   3. stdout/stderr errors (EPIPE once the app that reads them is gone) are ignored. Unhandled, the first
//      console.log of Azurite's shutdown ("Azurite Blob service is closing...") threw and killed the process
//      before it saved its databases: that was how a killed app lost its last seconds of acknowledged writes.
//   4. Deleting an extent's record no longer rebuilds the extent collection's index (see below): garbage collection
//      of a busy Azurite took minutes of its only thread, during which no request was answered.
// Azurite stops (and saves) on SIGTERM/SIGINT, on the IPC message "shutdown", and when the IPC channel to
// launch.js closes (launch.js died); once its three services report closed and no save or held answer is left
// (at most 5 s), the process exits.
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");

for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

const modules = path.join(__dirname, "node_modules");
const Loki = require(path.join(modules, "lokijs"));

// Every LokiJS database Azurite creates (configureOptions runs in the constructor).
const databases = new Set();
const configureOptions = Loki.prototype.configureOptions;
Loki.prototype.configureOptions = function (options, initialConfig) {
  const result = configureOptions.call(this, options, initialConfig);
  if (this.persistenceMethod === "fs") databases.add(this);
  return result;
};

// 2. Atomic and durable file saves (asynchronous, so that answers ending meanwhile join the next save).
Loki.LokiFsAdapter.prototype.saveDatabase = function (dbname, dbstring, callback) {
  const temp = `${dbname}~`;
  writeDurably(temp, dbstring)
    .then(() => fs.promises.rename(temp, dbname))
    .then(() => syncPath(path.dirname(dbname), "r"))
    .then(() => callback(null), (err) => callback(err));
};

async function writeDurably(file, text) {
  const handle = await fs.promises.open(file, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncPath(file, flags) {
  const handle = await fs.promises.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Extent files are appended through write streams on a cached fd (FSExtentStore.appendExtent): remember those fds.
const writtenFds = new Set();
const createWriteStream = fs.createWriteStream;
fs.createWriteStream = function (file, options) {
  const stream = createWriteStream.apply(this, arguments);
  if (options && typeof options.fd === "number" && options.autoClose === false) {
    stream.on("finish", () => writtenFds.add(options.fd));
  }
  return stream;
};

const syncing = new Set(); // fsyncs of extents in flight: an answer also waits for those another answer started
function syncExtents() {
  const fds = [...writtenFds];
  writtenFds.clear();
  if (fds.length > 0) {
    const sync = Promise.all(fds.map((fd) => new Promise((resolve, reject) =>
      // EBADF: the extent was closed (rolled over to a new one) meanwhile.
      fs.fsync(fd, (err) => (err && err.code !== "EBADF" ? reject(err) : resolve())))));
    syncing.add(sync);
    sync.then(() => syncing.delete(sync), () => syncing.delete(sync));
  }
  return Promise.all([...syncing]);
}

// A save in flight (throttledSavePending) may hold this answer's change: wait for it too.
const unsaved = (db) => db.autosaveDirty() || db.throttledSavePending;

function pending() {
  if (writtenFds.size > 0 || syncing.size > 0) return true;
  for (const db of databases) if (unsaved(db)) return true;
  return false;
}

// Extents first (the metadata about to be saved points into them), then every database not yet saved.
async function flush() {
  await syncExtents();
  await Promise.all([...databases].filter(unsaved).map((db) => new Promise((resolve, reject) =>
    db.saveDatabase((err) => (err ? reject(err) : resolve())))));
}

// 1. No answer before its change is durable. An answer may be ended twice: a streamed body (a table $batch answer) is
// ended by pipe() and again by Azurite's end middleware. A call made while the first one waits for the save waits
// behind it and is replayed after it, in order (letting it through at once acknowledged the transaction before it
// was saved, and a shutdown a moment later lost it).
const end = http.ServerResponse.prototype.end;
const deferred = new Set(); // answers waiting for a save: the shutdown waits for them (see below)
http.ServerResponse.prototype.end = function (...args) {
  if (this.durableEndQueue) {
    this.durableEndQueue.push(args);
    return this;
  }
  if (!pending()) return end.apply(this, args);
  const queue = (this.durableEndQueue = [args]);
  deferred.add(this);
  flush().then(
    () => {
      deferred.delete(this);
      this.durableEndQueue = undefined;
      for (const call of queue) end.apply(this, call);
    },
    (err) => {
      deferred.delete(this);
      process.stderr.write(`[durable.js] could not save Azurite's data, answer withheld: ${err.message}\n`);
      this.destroy(err); // the client sees a failed request, never an acknowledgement of a lost write
    });
  return this;
};

// 4. Extent garbage collection in linear time. Azurite deletes each unreferenced extent's record with
// findAndRemove({ id }), which LokiJS implements as a batch removal that rebuilds every binary index of the
// collection (a sort of all extents) for each single record: a collection pass over E extents that frees D of
// them costs D sorts of E. Every queue message, blob write and append block is an extent, so with a few tens of
// thousands (one busy test app, a day of local use) a pass held Azurite's only thread at 100 % for minutes and no
// request was answered: the "storage did not answer in time" of the test runs. Found one by one and removed by
// document, a record costs a binary search and an adaptive index update instead.
const LokiExtentMetadata = require(path.join(modules, "azurite", "dist", "src", "common", "persistence", "LokiExtentMetadataStore")).default;
LokiExtentMetadata.prototype.deleteExtent = async function (extentId) {
  const coll = this.db.getCollection(this.EXTENTS_COLLECTION);
  const doc = coll.findOne({ id: extentId });
  if (doc) coll.remove(doc);
};

// Exit as soon as the three services have closed, instead of waiting for idle keep-alive sockets or timers; but
// not while a save is in flight or an answer waits for one: a database's close does not save what a save already
// under way holds, so exiting then lost the changes of requests that were still being answered. The wait is
// bounded (launch.js kills after 10 s anyway): an answer whose save never ends is not sent, so nothing is
// acknowledged that is not on disk.
const DRAIN_MS = 5000;
let closed = 0;
const log = console.log;
console.log = function (...args) {
  log.apply(this, args);
  if (typeof args[0] === "string" && / service successfully closed$/.test(args[0]) && ++closed === 3) {
    const until = Date.now() + DRAIN_MS;
    const exitWhenDrained = () => {
      if ((deferred.size === 0 && !pending()) || Date.now() > until) process.exit(0);
      else if (deferred.size === 0) flush().then(exitWhenDrained, exitWhenDrained);
      else setTimeout(exitWhenDrained, 5);
    };
    setImmediate(exitWhenDrained);
  }
};

// launch.js gone (the IPC channel closes with it): shut down as if asked.
process.on("disconnect", () => process.emit("message", "shutdown"));
