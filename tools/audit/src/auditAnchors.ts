import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign, compactVerify, type KeyLike } from 'jose';
import { z } from 'zod';

/**
 * A checkpoint of the chain head, signed by the audit service and written outside the
 * audit database: whoever can rewrite the table can rebuild a consistent chain, but not
 * the checkpoints the verifier holds it against.
 */
export interface Anchor {
  sequence: number;
  hash: string;
  anchoredAt: string;
}

/** Where the default start (`.data` of the checkout) keeps the checkpoints. */
export const DEFAULT_ANCHOR_FILE = path.resolve(__dirname, '../../../.data/audit-anchors.jsonl');

const ANCHOR_ALGORITHM = 'ES256';
const anchorPayload = z.object({ sequence: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/), anchoredAt: z.iso.datetime() });

/** Appends one signed checkpoint as a line of `file` (a compact JWS). */
export async function writeAnchor(file: string, privateKey: KeyLike, head: { sequence: number; hash: string }, now = new Date()): Promise<Anchor> {
  const anchor: Anchor = { sequence: head.sequence, hash: head.hash, anchoredAt: now.toISOString() };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(anchor))).setProtectedHeader({ alg: ANCHOR_ALGORITHM }).sign(privateKey);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${jws}\n`, { mode: 0o600 });
  return anchor;
}

export class AnchorFileError extends Error {
  readonly code = 'AUDIT_ANCHOR_INVALID';
}

/**
 * Every checkpoint in `file`, each checked against the audit service's public key (loaded
 * only when there is a file); a line that is not a valid signed checkpoint fails the whole
 * read, naming the line. No file: none.
 */
export async function readAnchors(file: string, loadPublicKey: () => Promise<KeyLike>): Promise<Anchor[]> {
  if (!existsSync(file)) return [];
  const publicKey = await loadPublicKey();
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  return Promise.all(
    lines.map(async (line, index) => {
      try {
        const { payload } = await compactVerify(line, publicKey, { algorithms: [ANCHOR_ALGORITHM] });
        return anchorPayload.parse(JSON.parse(new TextDecoder().decode(payload)));
      } catch (error) {
        throw new AnchorFileError(
          `${file} line ${index + 1} is not a checkpoint signed by the audit service: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }),
  );
}
