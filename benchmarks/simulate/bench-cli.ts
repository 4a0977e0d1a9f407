/**
 * npm run bench:cli — the wall time of `node bin/planledger.cjs simulate` on the Lianyun plan
 * (what `npx planledger` runs, without npm's own start-up), median of BENCH_CLI_RUNS (default 7),
 * beside a bare `node -e 0` measured in the same run, and the load average.
 */
import { cliWallRows, measureCliWall } from './cli-wall';

for (const row of cliWallRows(measureCliWall(Number(process.env.BENCH_CLI_RUNS ?? 7)))) console.log(row);
