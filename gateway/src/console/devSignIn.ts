import type { IncomingMessage } from 'node:http';
import { sendJson, type Route } from '@resident-graph/service-kit';
import { callerSchema, mintUserToken, ROLES, type KeyLike } from '@resident-graph/trust';
import { z } from 'zod';

/** A development token lives this long: enough for a session at the screen, not for a day. */
export const DEV_TOKEN_LIFETIME = '30m';
const MAX_BODY_BYTES = 4 * 1024;

const requestSchema = z.object({
  subject: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .optional(),
  role: z.enum(ROLES),
  department: z.string().nullable().default(null),
  grids: z
    .array(z.string().regex(/^[\w-]{1,32}$/))
    .max(50)
    .default([]),
  community: z
    .string()
    .regex(/^[\w-]{1,32}$/)
    .nullable()
    .default(null),
});

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of request) {
    raw += (chunk as Buffer).toString('utf8');
    if (raw.length > MAX_BODY_BYTES) throw new Error('request body too large');
  }
  return JSON.parse(raw);
}

/**
 * `POST /console/dev-sign-in` with `{role, grids?, community?, department?, subject?}`: a
 * short-lived user token signed with the dev issuer's key, for the console's development
 * sign-in. Only a gateway started with CONSOLE_DEV_SIGN_IN=1 (the default `npm start`)
 * serves it; anywhere else the route does not exist and sign-in is by pasting a token.
 */
export function devSignInRoute(issuerPrivateKey: KeyLike): Route {
  return async (request, response) => {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST a JSON body' });
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return sendJson(response, 400, { error: 'the body is not a JSON object under 4 KiB' });
    }
    const parsed = requestSchema.safeParse(body);
    const caller = parsed.success ? callerSchema.safeParse({ ...parsed.data, subject: parsed.data.subject ?? `dev-${parsed.data.role}` }) : parsed;
    if (!caller.success) {
      return sendJson(response, 400, { error: caller.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
    }
    const token = await mintUserToken(caller.data, issuerPrivateKey, { expiresIn: DEV_TOKEN_LIFETIME });
    response.setHeader('cache-control', 'no-store');
    sendJson(response, 200, { token, developmentOnly: true });
  };
}

/** `GET /console/config`: what the console may offer (the development sign-in, or only a pasted token). */
export function consoleConfigRoute(devSignIn: boolean): Route {
  return (_request, response) => {
    response.setHeader('cache-control', 'no-store');
    sendJson(response, 200, { devSignIn });
  };
}
