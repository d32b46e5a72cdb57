// Every benchmark in one run (`npm run bench`, under 10 minutes on 2 cores): prints a table of
// figures against the targets of the performance issue and writes bench/results/latest.json.
// Each benchmark also runs alone (see bench/README.md). PostgreSQL figures need DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBattleBench } from './battle.js';
import type { BenchStore } from './fixtures.js';
import { runFleetBench } from './fleets.js';
import { runHttpBench } from './http.js';
import { ensureBuilt } from './server-process.js';
import { runTickBench } from './tick.js';
import { runWebBench } from './web.js';
import { runWsBench } from './ws.js';
import { runRestartBench } from './restart.js';

interface Row {
  benchmark: string;
  figure: string;
  target: string;
  met: boolean | null;
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const stores: BenchStore[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
const rows: Row[] = [];
const raw: Record<string, unknown> = {
  cpus: cpus().length,
  node: process.version,
  at: new Date().toISOString(),
};
const row = (benchmark: string, figure: string, target: string, met: boolean | null) =>
  rows.push({ benchmark, figure, target, met });

ensureBuilt();

if (wanted('battle')) {
  const results = await runBattleBench();
  raw.battle = results;
  for (const r of results) {
    const big = r.name.startsWith('big');
    row(
      `battle ${r.name} (${r.mode})`,
      `median ${r.medianMs.toFixed(2)} ms, peak +${r.peakExtraRssMiB.toFixed(1)} MiB RSS`,
      big ? '<= 120 ms, <= 64 MB' : '-',
      big ? r.medianMs <= 120 && r.peakExtraRssMiB <= 64 : null,
    );
  }
}

if (wanted('tick')) {
  const results = [];
  for (const store of stores) {
    const r = await runTickBench(store);
    results.push(r);
    row(
      `tick idle, ${r.players} planets + ${r.fleetsInFlight} fleets (${store})`,
      `p50 ${r.idleTickMedianMs} ms, p99 ${r.idleTickP99Ms} ms`,
      '< 1 ms',
      r.idleTickP99Ms < 1,
    );
    row(
      `tick with ${r.dueTickCompletions} completions + commit (${store})`,
      `p50 ${r.dueTickMedianMs} ms (sim ${r.dueTickSimMedianMs} + commit ${r.dueTickCommitMedianMs}; main thread busy ${r.dueTickMainThreadMedianMs}), p99 ${r.dueTickP99Ms} ms`,
      '< 20 ms',
      r.dueTickMedianMs < 20,
    );
    row(
      `startup autoload ${r.players} players (${store})`,
      `${r.startupMs} ms`,
      store === 'postgres' ? '< 5 s' : '-',
      store === 'postgres' ? r.startupMs < 5000 : null,
    );
    row(
      `heap per planet (${store})`,
      `${r.heapPerPlanetBytes} B`,
      '<= 2 KB',
      r.heapPerPlanetBytes <= 2048,
    );
  }
  raw.tick = results;
}

if (wanted('fleets')) {
  const results = [];
  for (const store of stores) {
    const r = await runFleetBench(store);
    results.push(r);
    row(
      `tick with ${r.dueTickArrivals} fleet arrivals + commit (${store})`,
      `p50 ${r.dueTickMedianMs} ms`,
      '-',
      null,
    );
    row(
      `fleet dispatch (${store})`,
      `${r.dispatchPerSecond}/s, ${r.heapPerFleetBytes} B heap per fleet`,
      '-',
      null,
    );
  }
  raw.fleets = results;
}

if (wanted('http')) {
  const results = await runHttpBench(stores);
  raw.http = results;
  const bare = results.find((r) => r.store === 'none');
  for (const r of results) {
    if (r.store === 'none') {
      row(r.name, `${r.requestsPerSecond} req/s, p99 ${r.p99Ms} ms`, '-', null);
    } else if (r.name.startsWith('GET')) {
      const half = bare ? r.requestsPerSecond >= bare.requestsPerSecond / 2 : false;
      row(
        `${r.name} (${r.store})`,
        `${r.requestsPerSecond} req/s, p99 ${r.p99Ms} ms`,
        '>= 12 000 req/s and >= 1/2 bare',
        r.requestsPerSecond >= 12_000 && half,
      );
    } else {
      const ok = r.non2xx === 0 && r.errors === 0;
      row(
        `${r.name} (${r.store})`,
        `${r.requestsPerSecond} cmd/s, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}`,
        r.store === 'postgres' ? '>= 3 000/s, p99 < 25 ms' : 'report',
        r.store === 'postgres' ? ok && r.requestsPerSecond >= 3000 && r.p99Ms < 25 : null,
      );
    }
  }
}

if (wanted('ws')) {
  const r = await runWsBench(10_000);
  raw.ws = r;
  row(
    `${r.connected} WebSockets, events every tick`,
    `loop delay p99 ${r.eventLoopDelayP99Ms} ms (max ${r.eventLoopDelayMaxMs})`,
    'p99 < 50 ms',
    r.eventLoopDelayP99Ms < 50,
  );
}

if (wanted('web')) {
  const r = await runWebBench();
  raw.web = r;
  row(
    'web client /play: JS + CSS, gzip',
    `login ${r.loginGzipKiB} KiB, overview ${r.overviewGzipKiB} KiB (every screen ${r.allScreensGzipKiB} KiB)`,
    '<= 120 KB',
    r.overviewGzipKiB * 1024 <= 120_000,
  );
  row(
    `web client first render, headless Chromium, loopback (median of ${r.runs})`,
    `login ${r.loginFirstRenderMs} ms, overview with data ${r.overviewFirstRenderMs} ms`,
    '<= 1 s',
    r.overviewFirstRenderMs <= 1000,
  );
}

if (wanted('restart')) {
  const results = await runRestartBench(stores);
  raw.restart = results;
  for (const r of results)
    row(
      `restart with ${r.players} players (${r.store})`,
      `${r.medianMs} ms to ready (median of ${r.runsMs.length})`,
      r.store === 'embedded' ? '< 2 000 ms' : 'report',
      r.store === 'embedded' ? r.medianMs < 2000 : null,
    );
}

if (wanted('load')) {
  const out = join(tmpdir(), `ogame-load-${process.pid}.json`);
  const players = process.env.BENCH_LOAD_PLAYERS ?? '1000';
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/load/run.ts',
      '--players',
      players,
      '--duration',
      '60',
      '--spawn-rate',
      '100',
      '--json',
      out,
      '--compiled',
    ],
    { stdio: 'inherit' },
  );
  const summary = JSON.parse(readFileSync(out, 'utf8')) as {
    requests_per_second: number;
    p99_ms: number;
    errors: number;
    gameplay_p99_ms?: number;
  };
  raw.load = summary;
  row(
    `load test ${players} players, 60 s`,
    `${summary.requests_per_second} req/s, p99 ${summary.p99_ms} ms (gameplay p99 ${summary.gameplay_p99_ms ?? '?'} ms), errors ${summary.errors}`,
    'p99 < 100 ms, 0 errors',
    result.status === 0 && summary.p99_ms < 100,
  );
}

console.log(`\nos.cpus().length = ${cpus().length}, node ${process.version}`);
console.table(rows.map((r) => ({ ...r, met: r.met === null ? '' : r.met ? 'yes' : 'NO' })));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify({ ...raw, table: rows }, null, 2));
console.log('wrote bench/results/latest.json');
