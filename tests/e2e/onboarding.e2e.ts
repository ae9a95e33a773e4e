import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@resident-graph/stack';
import { loadKey, mintUserToken, type Caller } from '@resident-graph/trust';
import { copyRepo } from '../support/copyRepo';
import { startCopyStack, type CopyStack } from '../support/copyStack';
import { changedFiles, hashTree } from '../support/hashTree';
import { graphql } from '../support';
import { readTruth } from '../support/truth';

const ID = 'community-corrections';
const FIELD = 'communityCorrections';
const SECTION = `${FIELD} { onRecord referenceNumber registeredOn status }`;
/** What the scaffold may change: the registry, the department's folders, and the outputs it regenerates. */
const ALLOWED = [
  /^registry\/(src\/departments\.ts|package\.json)$/,
  new RegExp(`^(adapters|subgraphs)/${ID}/`),
  new RegExp(`^schemas/subgraphs/${ID}\\.graphql$`),
  /^schemas\/supergraph\.graphql$/,
  /^docs\/policy\.md$/,
  /^package-lock\.json$/,
];

interface StandInRecord {
  citizenId: string;
  referenceNumber: string;
  registeredOn: string;
  status: string;
}

/** Starting a stack takes minutes on a loaded machine: these steps get more than the suites' 240 s. */
const STEP_TIMEOUT_MS = 600_000;

/** Runs a command in the copy; on failure the error carries its output. */
function run(copy: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: copy, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, LOG_LEVEL: 'warn' } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

describe('onboarding a sixth department', () => {
  const copy = copyRepo(REPO_ROOT);
  const dataDir = path.join(copy.root, '.data', 'pilot');
  let running: ReturnType<typeof startCopyStack> | undefined;
  let stack: CopyStack;

  afterAll(async () => {
    await running?.stop();
    copy.remove();
  });

  const ask = async (caller: Caller, residentId: string, selection = SECTION) => {
    const token = await mintUserToken(caller, await loadKey(stack.keysDir, 'issuer', 'private'), { expiresIn: '10m' });
    return graphql<{ resident: Record<string, unknown> | null }>(
      stack.gatewayUrl,
      `query($id: CitizenId!) { resident(id: $id) { ${selection} } }`,
      { id: residentId },
      {
        authorization: `Bearer ${token}`,
        'x-purpose': 'CASE_REVIEW',
      },
    );
  };
  const holderOfRecord = () => {
    const records = JSON.parse(readFileSync(path.join(dataDir, ID, 'records.json'), 'utf8')) as StandInRecord[];
    const truth = new Map(readTruth(dataDir).map((resident) => [resident.id, resident]));
    const record = records.find((candidate) => truth.has(candidate.citizenId))!;
    return { record, resident: truth.get(record.citizenId)! };
  };

  it(
    'scaffolds it with no change outside the registry, its folders and the generated outputs; it typechecks',
    () => {
      const before = hashTree(copy.root);
      const output = run(copy.root, 'npm', ['run', 'new:department', '--', '--id', ID, '--name', '社区矫正', '--protocol', 'rest']);
      expect(output).toContain('wrote docs/policy.md');
      const changed = changedFiles(before, hashTree(copy.root));
      expect(changed.filter((file) => !ALLOWED.some((allowed) => allowed.test(file)))).toEqual([]);
      expect(changed).toEqual(
        expect.arrayContaining([
          'registry/src/departments.ts',
          `subgraphs/${ID}/src/permissions.ts`,
          `schemas/subgraphs/${ID}.graphql`,
          'schemas/supergraph.graphql',
        ]),
      );
      expect(readFileSync(path.join(copy.root, 'schemas', 'supergraph.graphql'), 'utf8')).toContain(`${FIELD}: CommunityCorrectionsSection`);
      run(copy.root, 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
      run(copy.root, 'npx', ['prettier', '--check', ...changed]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "serves the section to the department's officer, as its stand-in generated it, and denies it to a grid worker",
    async () => {
      running = startCopyStack(copy.root, dataDir);
      stack = await running.ready;
      expect(stack.repoRoot).toBe(copy.root);
      const { record, resident } = holderOfRecord();
      const officer: Caller = { subject: 'officer', role: 'department-officer', department: ID, grids: [], community: resident.grid.communityId };
      const gridWorker: Caller = { subject: 'worker', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };

      const asOfficer = await ask(officer, resident.id);
      expect(asOfficer.errors ?? []).toEqual([]);
      expect(asOfficer.data?.resident?.[FIELD]).toEqual({
        onRecord: true,
        referenceNumber: record.referenceNumber,
        registeredOn: record.registeredOn,
        status: record.status,
      });

      const asGridWorker = await ask(gridWorker, resident.id);
      expect(asGridWorker.data?.resident?.[FIELD] ?? null).toBeNull();
      expect(asGridWorker.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "serves it to the grid worker once the department's policy table opens the rows",
    async () => {
      const permissions = path.join(copy.root, 'subgraphs', ID, 'src', 'permissions.ts');
      const opened = readFileSync(permissions, 'utf8')
        .replace(
          `${FIELD}: access('deny', { 'own-officer': 'jurisdiction' })`,
          `${FIELD}: access('deny', { 'own-officer': 'jurisdiction', 'grid-worker': 'jurisdiction' })`,
        )
        .replace('onRecord: ownOfficer,', "onRecord: access('deny', { 'own-officer': 'allow', 'grid-worker': 'allow' }),");
      writeFileSync(permissions, opened);
      expect(opened).toContain("'grid-worker': 'allow'");
      expect(opened).toContain("'grid-worker': 'jurisdiction'");

      await stack.restart(ID);
      const { resident } = holderOfRecord();
      const gridWorker: Caller = { subject: 'worker', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
      const answer = await ask(gridWorker, resident.id, `${FIELD} { onRecord }`);
      expect(answer.errors ?? []).toEqual([]);
      expect(answer.data?.resident?.[FIELD]).toEqual({ onRecord: true });
    },
    STEP_TIMEOUT_MS,
  );
});
