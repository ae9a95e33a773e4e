import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

/**
 * Which key pair: the identity provider's (user tokens), the gateway's (forwarded context),
 * the audit service's (checkpoints of the audit chain, kept outside its database), the
 * statistics service's (its requests for the departments' key sets) or the changes service's
 * (its deliveries of reported changes to the departments).
 */
export type KeyOwner = 'issuer' | 'gateway' | 'audit' | 'statistics' | 'changes';
const KEY_OWNERS: readonly KeyOwner[] = ['issuer', 'gateway', 'audit', 'statistics', 'changes'];
const PSEUDONYM_SECRET_FILE = 'pseudonym.secret';

const fileOf = (dir: string, owner: KeyOwner, part: 'private' | 'public') => path.join(dir, `${owner}.${part}.jwk.json`);

/**
 * Makes the dev key pairs once and keeps them: the default start signs tokens with the
 * issuer's key and forwards context signed with the gateway's. Written through a rename
 * so concurrent starts never read half a key.
 */
export async function ensureKeyPairs(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const owner of KEY_OWNERS) {
    if (existsSync(fileOf(dir, owner, 'public'))) continue;
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    for (const [part, key] of [
      ['private', privateKey],
      ['public', publicKey],
    ] as const) {
      const staging = `${fileOf(dir, owner, part)}.${process.pid}`;
      writeFileSync(staging, JSON.stringify({ ...(await exportJWK(key)), alg: SIGNING_ALGORITHM }), { mode: 0o600 });
      renameSync(staging, fileOf(dir, owner, part));
    }
  }
  const secretFile = path.join(dir, PSEUDONYM_SECRET_FILE);
  if (!existsSync(secretFile)) {
    const staging = `${secretFile}.${process.pid}`;
    writeFileSync(staging, randomBytes(32).toString('base64'), { mode: 0o600 });
    renameSync(staging, secretFile);
  }
}

/**
 * The departments' shared secret for pseudonymous statistics keys (`pseudonym.secret` in
 * `dir`). The statistics service never holds it, so the keys it combines cannot be turned
 * back into citizen IDs there.
 */
export function loadPseudonymSecret(dir: string): Buffer {
  const file = path.join(dir, PSEUDONYM_SECRET_FILE);
  if (!existsSync(file)) throw new Error(`no pseudonym secret at ${file} (start the stack once, or set the keys directory)`);
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (secret.length < 32) throw new Error(`the pseudonym secret at ${file} is shorter than 32 bytes`);
  return secret;
}

/** A key from its JWK file in `dir`; fails naming the file when it is missing. */
export async function loadKey(dir: string, owner: KeyOwner, part: 'private' | 'public'): Promise<KeyLike> {
  const file = fileOf(dir, owner, part);
  if (!existsSync(file)) throw new Error(`no ${owner} ${part} key at ${file} (start the stack once, or set the keys directory)`);
  return (await importJWK(JSON.parse(readFileSync(file, 'utf8')) as JWK, SIGNING_ALGORITHM)) as KeyLike;
}
