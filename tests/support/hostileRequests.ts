/** A request a hostile client sends, and what the gateway must answer: the status, the code, the limit named. */
export interface HostileRequest {
  name: string;
  /** The parsed JSON body (a batch is an array). */
  body: unknown;
  status: number;
  code: 'QUERY_TOO_COMPLEX' | 'INVALID_CITIZEN_ID' | 'BAD_USER_INPUT';
  /** The setting named in the message (and in `extensions.limit` where the limit plugins answer). */
  limit?: string;
}

/** One roster page under an alias, `first` written in or a variable. */
export const ROSTER_PAGE = (alias: string, first: number | string) =>
  `${alias}: grid(id: $grid) { residents(first: ${first}) { nodes { id name gender birthDate labour { laidOff } civilAffairs { receivesMinimumLivingAllowance } } } }`;
const LOOKUP = 'query($id: CitizenId!) { resident(id: $id) { id } }';

/**
 * The requests the gateway refuses before any subgraph is asked, aimed at a real resident and
 * grid so that only the limit stops them: the hostile-input suite checks each answer, and the
 * load run sends them beside normal traffic.
 */
export function hostileRequests(target: { residentId: string; gridId: string }): HostileRequest[] {
  const variables = { id: target.residentId, grid: target.gridId };
  const limited = (name: string, limit: string, query: string): HostileRequest => ({
    name,
    body: { query, variables },
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    limit,
  });
  return [
    // 500 would stop at MAX_TOKENS before aliases are counted.
    limited(
      '100 aliases of resident',
      'MAX_ALIASES',
      `query($id: CitizenId!) { ${Array.from({ length: 100 }, (_, i) => `r${i}: resident(id: $id) { id }`).join(' ')} }`,
    ),
    limited(
      'a fragment spread to multiply aliases',
      'MAX_ALIASES',
      `query($id: CitizenId!) { ...F ...F ...F } fragment F on Query { ${Array.from({ length: 6 }, (_, i) => `r${i}: resident(id: $id) { id }`).join(' ')} }`,
    ),
    limited(
      'nesting 14 levels deep',
      'MAX_QUERY_DEPTH',
      `query($id: CitizenId!) { resident(id: $id) { ${'household { members { resident { '.repeat(4)}id${' } } }'.repeat(4)} } }`,
    ),
    limited(
      '14 roster pages of 1,000 in one request',
      'MAX_QUERY_COST',
      `query($grid: ID!) { ${Array.from({ length: 14 }, (_, i) => ROSTER_PAGE(`g${i}`, 1000)).join(' ')} }`,
    ),
    limited('a roster page of 100,000', 'MAX_QUERY_COST', `query($grid: ID!) { ${ROSTER_PAGE('g', 100_000)} }`),
    limited(
      'a directive on every field',
      'MAX_DIRECTIVES',
      `query($id: CitizenId!) { resident(id: $id) { ${Array.from({ length: 60 }, () => 'id @include(if: true)').join(' ')} } }`,
    ),
    limited('a document of 8,000 tokens', 'MAX_TOKENS', `query { ${'__typename '.repeat(8_000)} }`),
    {
      name: 'a page size passed as a variable (counted as one written in the query)',
      body: { query: `query($grid: ID!, $n: Int) { ${ROSTER_PAGE('g', '$n')} }`, variables: { grid: target.gridId, n: 100_000 } },
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      limit: 'MAX_QUERY_COST',
    },
    {
      name: 'a megabyte body',
      body: { query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } },
      status: 413,
      code: 'QUERY_TOO_COMPLEX',
      limit: 'MAX_BODY_BYTES',
    },
    {
      name: 'a batch of 100 operations',
      body: Array.from({ length: 100 }, () => ({ query: LOOKUP, variables: { id: target.residentId } })),
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      limit: 'MAX_BATCH_OPERATIONS',
    },
    {
      name: 'a citizen ID with a wrong check digit',
      body: { query: LOOKUP, variables: { id: `${target.residentId.slice(0, 17)}${target.residentId.endsWith('0') ? '1' : '0'}` } },
      status: 400,
      code: 'INVALID_CITIZEN_ID',
    },
    {
      name: 'a page size of the wrong type',
      body: { query: `query($grid: ID!, $n: Int) { ${ROSTER_PAGE('g', '$n')} }`, variables: { grid: target.gridId, n: 'ten' } },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
  ];
}

/** Whether an answer is the refusal the request must get; the reason when it is not. */
export function refusalMismatch(request: HostileRequest, status: number, body: string): string | null {
  let errors: { message?: string; extensions?: { code?: string } }[] | undefined;
  try {
    ({ errors } = JSON.parse(body) as { errors?: typeof errors });
  } catch {
    return `${request.name}: ${status}, not JSON`;
  }
  const first = errors?.[0];
  if (status !== request.status || first?.extensions?.code !== request.code) return `${request.name}: ${status} ${first?.extensions?.code ?? 'no code'}`;
  if (request.limit && !first.message?.includes(request.limit)) return `${request.name}: the message does not name ${request.limit}`;
  return null;
}
