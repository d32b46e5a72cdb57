// Rewrites the configuration reference in README.md (between the CONFIG-TABLE markers) from
// the one table the server parses: `npm run docs:config`. A test fails when they drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { configTableMarkdown } from '../src/config/docs.js';

const START = '<!-- CONFIG-TABLE:START -->';
const END = '<!-- CONFIG-TABLE:END -->';
const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < 0) throw new Error('README.md has no CONFIG-TABLE markers');
writeFileSync(
  'README.md',
  `${readme.slice(0, from + START.length)}\n\n${configTableMarkdown()}\n${readme.slice(to)}`,
);
console.log('README.md configuration table updated');
