import { CONFIG_SPEC, type VarSpec } from './spec.js';

/** The configuration reference as Markdown tables, one per group, straight from CONFIG_SPEC. */
export function configTableMarkdown(): string {
  const groups = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(CONFIG_SPEC) as Array<[string, VarSpec]>) {
    const def = spec.default === '' ? '(see meaning)' : `\`${spec.default}\``;
    const values = spec.values ? ` One of: ${spec.values.join(', ')}.` : '';
    const row = `| \`${name}\` | ${def} | ${spec.doc.replace(/\|/g, '\\|')}${values} |`;
    groups.set(spec.group, [...(groups.get(spec.group) ?? []), row]);
  }
  return [...groups]
    .map(
      ([group, rows]) =>
        `**${group}**\n\n| Variable | Default | Meaning |\n|---|---|---|\n${rows.join('\n')}\n`,
    )
    .join('\n');
}
