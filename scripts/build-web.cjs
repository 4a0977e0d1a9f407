#!/usr/bin/env node
// Builds the web app (apps/web, Vite) into apps/web/dist when its sources changed since the last
// build: `npm start` calls it before the service starts, the browser tests before they open a page.
// The stamp (dist/.build-stamp) is a SHA-256 over the sources' paths and contents and the locked
// versions of the packages, so a fresh clone, an edit or an `npm install` all rebuild, and nothing
// else does. No browser and no network are needed. `--force` builds regardless.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const zlib = require('node:zlib');

const root = path.join(__dirname, '..');
const webRoot = path.join(root, 'apps', 'web');
const distDir = path.join(webRoot, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const inputs = ['index.html', 'vite.config.mjs', 'tsconfig.json', 'src'];

function* files(entry) {
  const full = path.join(webRoot, entry);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
  } else {
    yield entry;
  }
}

function sourceHash() {
  const hash = crypto.createHash('sha256');
  for (const entry of inputs) {
    for (const file of files(entry)) {
      hash.update(`${file}\0`);
      hash.update(fs.readFileSync(path.join(webRoot, file)));
    }
  }
  // The packages bundled into the app: a version change rebuilds.
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest('hex');
}

/** Is apps/web/dist current? (index.html present and the stamp equal to the sources' hash) */
function isCurrent(hash = sourceHash()) {
  return fs.existsSync(path.join(distDir, 'index.html')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === hash;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds when stale; returns whether it built. Throws with Vite's output when the build fails.
 * Several processes may start at once (parallel tests): one builds (a lock directory), the others
 * wait for it; the build goes to a fresh folder swapped in by renames, so nobody serves half of one.
 */
function buildWebWhenStale({ force = false, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const hash = sourceHash();
  if (!force && isCurrent(hash)) return false;
  const lock = path.join(webRoot, '.build-lock');
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed build
      sleep(200);
      if (!force && isCurrent(hash)) return false;
    }
  }
  try {
    return build(hash, log);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function build(hash, log) {
  let viteBin;
  try {
    viteBin = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  } catch {
    throw new Error('the web app needs building but vite is not installed: run `npm install` (devDependencies included)');
  }
  log('planledger: building the web app (apps/web) …');
  const started = Date.now();
  const fresh = path.join(webRoot, `.dist-${process.pid}`);
  const result = spawnSync(process.execPath, [viteBin, 'build', '--config', path.join(webRoot, 'vite.config.mjs'), '--outDir', fresh], {
    cwd: webRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw new Error(`building the web app failed (vite build, exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  precompress(path.join(fresh, 'assets'));
  fs.writeFileSync(path.join(fresh, '.build-stamp'), `${hash}\n`);
  const old = path.join(webRoot, `.dist-old-${process.pid}`);
  if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
  fs.renameSync(fresh, distDir);
  fs.rmSync(old, { recursive: true, force: true });
  log(`planledger: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s (apps/web/dist)`);
  return true;
}

/**
 * Brotli and gzip copies of the hashed assets (x.js.br, x.js.gz beside x.js), made once here at
 * the highest levels: the api serves them to browsers that accept them (apps/api/src/http/web-app.ts).
 */
function precompress(assetsDir) {
  if (!fs.existsSync(assetsDir)) return;
  for (const name of fs.readdirSync(assetsDir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const file = path.join(assetsDir, name);
    const body = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  }
}

module.exports = { buildWebWhenStale, isCurrent, distDir };

if (require.main === module) {
  try {
    const built = buildWebWhenStale({ force: process.argv.includes('--force') });
    if (!built) console.log('planledger: the web app is current (apps/web/dist)');
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
