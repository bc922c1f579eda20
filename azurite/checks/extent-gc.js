#!/usr/bin/env node
// Checks durable.js's extent deletion (patch 4): with durable.js loaded, Azurite's extent metadata store removes
// records without rebuilding the collection's index (LokiJS's findAndRemove sorted every extent per deleted one),
// and what it removes is gone while the rest can still be found. Prints one JSON line; exits 1 on a failed check.
//   node checks/extent-gc.js [extents] [deleted]
"use strict";
const path = require("path");
const os = require("os");
require(path.join(__dirname, "..", "durable.js"));
const modules = path.join(__dirname, "..", "node_modules");
const Loki = require(path.join(modules, "lokijs"));
const LokiExtentMetadata = require(path.join(modules, "azurite", "dist", "src", "common", "persistence", "LokiExtentMetadataStore")).default;

(async () => {
  const extents = Number(process.argv[2] || 5000);
  const deleted = Number(process.argv[3] || 1000);
  const store = new LokiExtentMetadata(path.join(os.tmpdir(), `extent-gc-${process.pid}.db`), true);
  await store.init();
  for (let i = 0; i < extents; i++)
    await store.updateExtent({ id: `extent-${(i * 7919) % extents}-${i}`, locationId: "Default", path: "p", size: 1, lastModifiedInMS: i });
  const coll = store.db.getCollection(store.EXTENTS_COLLECTION);
  const ids = coll.find().map((d) => d.id);
  let rebuilds = 0;
  const ensureAllIndexes = Loki.Collection.prototype.ensureAllIndexes;
  Loki.Collection.prototype.ensureAllIndexes = function (...args) {
    rebuilds++;
    return ensureAllIndexes.apply(this, args);
  };
  const started = Date.now();
  for (const id of ids.slice(0, deleted)) await store.deleteExtent(id);
  const ms = Date.now() - started;
  await store.deleteExtent("no-such-extent");
  const goneFound = ids.slice(0, deleted).filter((id) => coll.findOne({ id }) !== null).length;
  const keptMissing = ids.slice(deleted).filter((id) => coll.findOne({ id }) === null).length;
  const result = { extents, deleted, left: coll.count(), rebuilds, goneFound, keptMissing, ms };
  console.log(JSON.stringify(result));
  process.exit(rebuilds === 0 && goneFound === 0 && keptMissing === 0 && result.left === extents - deleted ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
