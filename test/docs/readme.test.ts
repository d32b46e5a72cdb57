import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configTableMarkdown } from '../../src/config/docs.js';
import { CONFIG_SPEC } from '../../src/config/spec.js';

const readme = readFileSync('README.md', 'utf8');

test('the README configuration table is the one generated from the config spec', () => {
  const start = readme.indexOf('<!-- CONFIG-TABLE:START -->');
  const end = readme.indexOf('<!-- CONFIG-TABLE:END -->');
  assert.ok(start >= 0 && end > start, 'README has the CONFIG-TABLE markers');
  const table = readme.slice(start, end);
  assert.ok(
    table.includes(configTableMarkdown().trim()),
    'run `npm run docs:config` to refresh the README table',
  );
  for (const name of Object.keys(CONFIG_SPEC)) assert.ok(table.includes(`\`${name}\``), name);
});

test('the README names the two commands: install + start, and the tests', () => {
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /npm test/);
});
