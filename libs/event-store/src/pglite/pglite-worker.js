'use strict';
// Hosts one PGlite database in a worker thread for PgliteWorkerExecutor (see there for why).
// Plain CommonJS on purpose: it runs in a bare Node worker, outside any transpiler or test VM.
/* eslint-disable @typescript-eslint/no-require-imports -- a bare Node worker: CommonJS require is the module system here */
const { parentPort } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');

let db;

async function handle(op, args) {
  switch (op) {
    case 'open':
      db = await PGlite.create(args.dataDir, args.loadDataDir ? { loadDataDir: new Blob([args.loadDataDir]) } : {});
      return null;
    case 'query':
      return (await db.query(args.text, args.params)).rows;
    case 'exec': {
      const results = await db.exec(args.text);
      return results.length > 0 ? results[results.length - 1].rows : [];
    }
    case 'dump':
      return await (await db.dumpDataDir('none')).arrayBuffer();
    case 'close':
      if (db && !db.closed) await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

const replyError = (id, error) =>
  parentPort.postMessage({
    id,
    error: { message: String(error && error.message), code: error && error.code, detail: error && error.detail, constraint: error && error.constraint },
  });

parentPort.on('message', ({ id, op, args }) => {
  handle(op, args)
    .then((result) => parentPort.postMessage({ id, result }))
    // A failed query, or a result the structured clone cannot carry: that call fails, nothing else.
    .catch((error) => replyError(id, error));
});
