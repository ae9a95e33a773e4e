import { parseArgs } from 'node:util';
import { ROLES, callerSchema } from './Caller';
import { ensureKeyPairs, loadKey } from './keys';
import { loadTrustSettings } from './trustSettings';
import { mintUserToken } from './userTokens';

const USAGE = 'usage: npm run --silent token -- --role ROLE [--grids G,G] [--community C] [--department D] [--subject S] [--expires 8h]';

/** `npm run --silent token -- …` prints one signed dev token and nothing else. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      grids: { type: 'string', default: '' },
      community: { type: 'string' },
      department: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  const caller = callerSchema.safeParse({
    subject: values.subject ?? `dev-${values.role ?? 'nobody'}`,
    role: values.role,
    department: values.department ?? null,
    grids: values.grids
      ? values.grids
          .split(',')
          .map((grid) => grid.trim())
          .filter(Boolean)
      : [],
    community: values.community ?? null,
  });
  if (!caller.success) {
    throw new Error(`${caller.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')} (roles: ${ROLES.join(', ')})\n${USAGE}`);
  }
  const { TRUST_KEYS_DIR } = loadTrustSettings('token');
  await ensureKeyPairs(TRUST_KEYS_DIR);
  process.stdout.write(`${await mintUserToken(caller.data, await loadKey(TRUST_KEYS_DIR, 'issuer', 'private'), { expiresIn: values.expires })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
