import type { PGlite } from '@electric-sql/pglite';
import { ENDS_BATCH, OPENS_BATCH } from './keepBatchesTogether';

const PARSE = 'P'.charCodeAt(0);
const PARSE_COMPLETE_TYPE = '1'.charCodeAt(0);
// The backend's ParseComplete: its type and its length (4, itself).
const PARSE_COMPLETE = Uint8Array.of(PARSE_COMPLETE_TYPE, 0, 0, 0, 4);

/** A Parse message's statement name: the C string after its type and length. */
function statementNameOf(parse: Uint8Array): string {
  const end = parse.indexOf(0, 5);
  return Buffer.from(parse.buffer, parse.byteOffset + 5, Math.max(end - 5, 0)).toString('utf8');
}

/**
 * PGlite is one session behind its socket, so a statement one client prepared under a name is
 * there for every client, and the next one to prepare it under the same name is refused
 * (`prepared statement already exists`). Our services name a statement by its text's digest
 * (service-kit `statementName`): the same name is the same text. So a Parse of a name the
 * session already holds is answered here, as done, and the client goes on to bind it — each
 * statement is parsed and planned once for the whole stack rather than on every call.
 *
 * Only a Parse that opens a batch is answered here: after another message of the extended
 * protocol, an earlier error may have the backend skipping to the Sync, and it must decide.
 * A statement is never given up: no service of the stack closes one (`pg` keeps them for
 * its connection's life), and one closed by hand (Close, `DEALLOCATE`) would be gone for
 * every client while still answered here.
 */
export function shareNamedStatements(db: PGlite): PGlite {
  const prepared = new Set<string>();
  let batchOpen = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          const type = message[0] ?? 0;
          const opensBatch = !batchOpen;
          if (OPENS_BATCH.has(type)) batchOpen = true;
          else if (ENDS_BATCH.has(type)) batchOpen = false;
          if (type !== PARSE) return target.execProtocolRawStream(message, options);
          const name = statementNameOf(message);
          if (name !== '' && opensBatch && prepared.has(name)) {
            options?.onRawData?.(PARSE_COMPLETE);
            return;
          }
          let parsed = false;
          await target.execProtocolRawStream(message, {
            ...options,
            onRawData: (data) => {
              parsed ||= data[0] === PARSE_COMPLETE_TYPE;
              options?.onRawData?.(data);
            },
          });
          if (name !== '' && parsed) prepared.add(name);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
