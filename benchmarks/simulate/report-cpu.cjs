// Preloaded into the measured CLI by cli-wall.ts (`node -r`): at exit, its CPU time (user + system,
// all threads) goes to the file named by BENCH_CPU_OUT, so the benchmark can print it beside the wall time.
// A CommonJS file: `node -r` preloads CommonJS only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeFileSync } = require('node:fs');

process.once('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.BENCH_CPU_OUT, String((user + system) / 1000));
});
