// V8's code cache for the CLI's CommonJS modules (what Node 22's module.enableCompileCache does;
// Node 20 has no such switch). A planner runs `planledger simulate` again and again: the ~300
// modules it loads are compiled from source each time, and every function again on its first
// call. Here each module's script is compiled with the code V8 produced in an earlier run, and at
// exit, when anything was new, the code of the functions that ran is saved (createCachedData after
// execution includes them, not only the top level).
//
// Keyed by file name and a hash of the source: V8 itself checks only the source's length, so an
// edited file of the same length must not get the old code. One file holds the whole cache.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const FORMAT = `planledger-code-cache-1 ${process.version} ${process.arch}`;

function readCache(file) {
  const entries = new Map();
  let buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch {
    return entries;
  }
  const headerLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8'));
  if (header.format !== FORMAT) return entries;
  let offset = 4 + headerLength;
  for (const [filename, hash, length] of header.entries) {
    entries.set(filename, { hash, data: buffer.subarray(offset, offset + length) });
    offset += length;
  }
  return entries;
}

/** This run's modules, and those of other commands kept from the cache read at start. */
function writeCache(file, scripts, earlier) {
  const entries = [];
  const chunks = [];
  for (const [filename, { hash, script }] of scripts) {
    const data = script.createCachedData();
    entries.push([filename, hash, data.length]);
    chunks.push(data);
  }
  for (const [filename, { hash, data }] of earlier) {
    if (scripts.has(filename)) continue;
    entries.push([filename, hash, data.length]);
    chunks.push(data);
  }
  const header = Buffer.from(JSON.stringify({ format: FORMAT, entries }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Several runs may end at once: none may read a half-written cache.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, Buffer.concat([length, header, ...chunks]));
  fs.renameSync(temp, file);
}

/** From now on, CommonJS modules compile through the cache in `file`. */
function useCodeCache(file) {
  const cached = readCache(file);
  const scripts = new Map();
  let changed = false;

  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    // A vm.Script has no loader for import() (Node 20): such a module compiles as Node does it.
    if (content.includes('import(')) return compile.apply(this, arguments);
    const hash = crypto.createHash('sha1').update(content).digest('base64');
    const entry = cached.get(filename);
    let script;
    try {
      script = new vm.Script(Module.wrap(content.startsWith('#!') ? `//${content}` : content), {
        filename,
        cachedData: entry && entry.hash === hash ? entry.data : undefined,
      });
    } catch {
      // Not a CommonJS script (an ES module Node loads through require): Node's own way.
      return compile.apply(this, arguments);
    }
    if (!entry || entry.hash !== hash || script.cachedDataRejected) changed = true;
    scripts.set(filename, { hash, script });
    const dirname = path.dirname(filename);
    const require = makeRequire(this);
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, dirname);
  };

  process.once('exit', () => {
    if (!changed) return;
    try {
      writeCache(file, scripts, cached);
    } catch {
      // A cache that cannot be written costs the next run its speed, nothing else.
    }
  });
}

/** The `require` a module sees, as Node builds it. */
function makeRequire(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

module.exports = { useCodeCache };
