import { AUDIENCES, type PolicyTable } from './Policy';

/** The policy as the docs show it: one markdown table, a row per field. */
export function renderPolicyTable(title: string, table: PolicyTable): string {
  const header = `| field | ${AUDIENCES.join(' | ')} |\n|---|${AUDIENCES.map(() => '---').join('|')}|`;
  const rows = Object.entries(table).flatMap(([typeName, fields]) =>
    Object.entries(fields).map(([field, access]) => `| \`${typeName}.${field}\` | ${AUDIENCES.map((audience) => access[audience]).join(' | ')} |`),
  );
  return `## ${title}\n\n${header}\n${rows.join('\n')}\n`;
}
