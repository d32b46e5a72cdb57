// Writes the OpenAPI document generated from the route schemas, without listening on a port.
// Usage: npm run openapi -- --out openapi.yaml
//        npm run openapi -- --format json --out openapi.json
//        npm run openapi                      (YAML on stdout)
// The format defaults to the extension of --out (.json -> json, otherwise yaml).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.js';
import { createServer } from '../src/server.js';

function options(): { out: string | null; format: 'json' | 'yaml' } {
  const { values } = parseArgs({
    options: { out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' } },
    strict: true,
  });
  const out = values.out ?? null;
  const format = values.format ?? (out?.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  if (format !== 'json' && format !== 'yaml') throw new Error(`--format must be json or yaml, got "${format}"`);
  return { out, format };
}

async function main(): Promise<void> {
  const { out, format } = options();
  // An in-memory store: the document depends on the routes only, never on data.
  const server = await createServer(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }), { logger: false, seed: 1 });
  try {
    await server.app.ready();
    const text =
      format === 'yaml'
        ? (server.app.swagger({ yaml: true }) as unknown as string)
        : `${JSON.stringify(server.app.swagger(), null, 2)}\n`;
    if (out === null) {
      process.stdout.write(text);
      return;
    }
    writeFileSync(out, text);
    const paths = Object.keys(server.app.swagger().paths ?? {}).length;
    console.error(`Wrote ${out} (${format}, ${paths} paths).`);
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
