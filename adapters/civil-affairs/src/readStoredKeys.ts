import type { StoredKey } from '@resident-graph/adapter-kit';
import type { PrismaClient } from './generated/prisma/client';

/** Rows a page of the scan reads: enough to keep round trips few, few enough that a district's rows never sit in memory at once. */
const PAGE = 5_000;

/** A bureau table as the scan reads it: its key (column and SQL type, in order), its reference, and the people a row names (ID and name columns). */
interface KeyedTable {
  table: string;
  key: [column: string, type: 'text' | 'int'][];
  reference: string;
  parties: [idColumn: string, nameColumn: string][];
}

/** In the order `recordParties` names the same people: members, certificates, allowances, benefits, then each marriage's husband and wife. */
const TABLES: KeyedTable[] = [
  {
    table: 'jzcy',
    key: [
      ['ajbh', 'text'],
      ['cyxh', 'int'],
    ],
    reference: 'ajbh',
    parties: [['sfzh', 'xm']],
  },
  { table: 'cjrz', key: [['czh', 'text']], reference: 'czh', parties: [['sfzh', 'xm']] },
  { table: 'gljt', key: [['ffbh', 'text']], reference: 'ffbh', parties: [['sfzh', 'xm']] },
  { table: 'yfdx', key: [['yfzh', 'text']], reference: 'yfzh', parties: [['sfzh', 'xm']] },
  {
    table: 'hydj',
    key: [['djzh', 'text']],
    reference: 'djzh',
    parties: [
      ['nfsfzh', 'nfxm'],
      ['nvsfzh', 'nvxm'],
    ],
  },
];

/** One page of a table after the row keyed `after` (the first page without): key values as `k0…`, the people as `id0`/`name0…`. */
function pageStatement({ table, key, reference, parties }: KeyedTable, schema: string, pageSize: number, after: boolean): string {
  const keyColumns = key.map(([column]) => column).join(', ');
  const selected = [
    ...key.map(([column], i) => `${column} AS k${i}`),
    `${reference} AS reference`,
    ...parties.flatMap(([id, name], i) => [`${id} AS id${i}`, `${name} AS name${i}`]),
  ];
  const cursor = after ? `WHERE (${keyColumns}) > (${key.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})` : '';
  return `SELECT ${selected.join(', ')} FROM "${schema}".${table} ${cursor} ORDER BY ${keyColumns} LIMIT ${pageSize}`;
}

/**
 * Every key the bureau's rows are stored under — the ID as stored, the row's reference and
 * the name on it — for the scan that finds IDs failing validation and IDs stored in another
 * form, handed to `onKey` a page of `pageSize` rows at a time, each table in its key's order.
 * Only those columns, and never a district's rows at once: whole rows with their cases and
 * reviews, or every key read in one answer, held the subgraph's heap long after the scan.
 */
export async function readStoredKeys(prisma: PrismaClient, schema: string, onKey: (key: StoredKey) => void, pageSize = PAGE): Promise<void> {
  for (const table of TABLES) {
    let after: unknown[] | null = null;
    do {
      const rows: Record<string, string | number | null>[] = await prisma.$queryRawUnsafe(
        pageStatement(table, schema, pageSize, after !== null),
        ...(after ?? []),
      );
      for (const row of rows) {
        table.parties.forEach((_, i) => {
          const storedId = row[`id${i}`];
          if (typeof storedId === 'string') onKey({ storedId, recordReference: String(row.reference), nameOnRecord: String(row[`name${i}`]) });
        });
      }
      after = rows.length === pageSize ? table.key.map((_, i) => rows.at(-1)![`k${i}`]) : null;
    } while (after !== null);
  }
}
