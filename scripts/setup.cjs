#!/usr/bin/env node
// Makes sure what the test suite needs is running: PostgreSQL on PGHOST:PGPORT and Redis on
// REDIS_URL. Starts a stopped local server, installs a missing one with apt-get (when root).
// Prints what it did; fails with a clear message when it cannot.
const net = require('node:net');
const { execSync } = require('node:child_process');
const fs = require('node:fs');

const pgHost = process.env.PGHOST || '127.0.0.1';
const pgPort = Number(process.env.PGPORT || 5432);
const redisUrl = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');

function answers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await answers(host, port, 250)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function run(cmd) {
  console.log(`setup: $ ${cmd}`);
  execSync(cmd, { stdio: ['ignore', 'inherit', 'inherit'] });
}

const has = (bin) => { try { execSync(`command -v ${bin}`, { stdio: 'ignore' }); return true; } catch { return false; } };
const isRoot = process.getuid && process.getuid() === 0;
let aptUpdated = false;
function aptInstall(pkgs) {
  if (!isRoot || !has('apt-get')) throw new Error(`cannot install ${pkgs}: not root or no apt-get; install it and run again`);
  if (!aptUpdated) { run('apt-get update -qq'); aptUpdated = true; }
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`);
}

async function ensurePostgres() {
  if (await answers(pgHost, pgPort)) return console.log(`setup: PostgreSQL answers on ${pgHost}:${pgPort}`);
  if (!['127.0.0.1', 'localhost'].includes(pgHost)) throw new Error(`PostgreSQL does not answer on PGHOST=${pgHost}:${pgPort}`);
  if (!fs.existsSync('/etc/postgresql') || !has('pg_ctlcluster')) aptInstall('postgresql');
  const versions = fs.readdirSync('/etc/postgresql');
  if (versions.length === 0) throw new Error('no PostgreSQL cluster under /etc/postgresql');
  try { run(`pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`); } catch { /* may already be starting */ }
  if (!(await waitFor(pgHost, pgPort, 30))) throw new Error(`PostgreSQL did not start on ${pgHost}:${pgPort}`);
  // Tests connect as the OS user over TCP without a password, as on the dev machines.
  ensurePgTrust(versions[0]);
}

function ensurePgTrust(version) {
  try {
    execSync(`psql -h ${pgHost} -p ${pgPort} -U postgres -d postgres -c 'select 1'`, { stdio: 'ignore' });
  } catch {
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
    console.log(`setup: allowing trust auth on loopback in ${hba}`);
    fs.writeFileSync(hba, 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' + fs.readFileSync(hba, 'utf8'));
    run(`pg_ctlcluster --skip-systemctl-redirect ${version} main reload`);
  }
}

async function ensureRedis() {
  const host = redisUrl.hostname, port = Number(redisUrl.port || 6379);
  if (await answers(host, port)) return console.log(`setup: Redis answers on ${host}:${port}`);
  if (!['127.0.0.1', 'localhost'].includes(host)) throw new Error(`Redis does not answer on REDIS_URL=${redisUrl}`);
  if (!has('redis-server')) aptInstall('redis-server');
  fs.mkdirSync('/tmp/planledger-redis', { recursive: true });
  run(`redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no --dir /tmp/planledger-redis --logfile /tmp/planledger-redis/redis.log`);
  if (!(await waitFor(host, port, 15))) throw new Error(`Redis did not start on ${host}:${port}`);
}

// The browser tests drive Debian's Chromium (no browser download at npm install) and need CJK fonts.
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const missing = [];
  if (!fs.existsSync(chromium)) missing.push('chromium');
  if (!fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return console.log(`setup: Chromium at ${chromium}, Noto CJK fonts present`);
  aptInstall(missing.join(' '));
}

(async () => {
  try {
    await ensurePostgres();
    await ensureRedis();
    ensureChromium();
  } catch (err) {
    console.error(`setup failed: ${err.message}`);
    process.exit(1);
  }
})();
