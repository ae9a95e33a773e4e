import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { z } from 'zod';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { replayKey, type RecordedExchange } from './replayKey';

/**
 * In-memory subgraphs: every subgraph at `/<name>/graphql` on one port, answering each
 * request the gateway sends with the answer the real subgraph gave when it was recorded.
 * They cost next to nothing, so a gateway in front of them shows its own cost.
 */
const settings = loadSettings('replay-subgraphs', { PORT: portSetting(0), RECORDINGS: z.string().min(1) });
const logger = createLogger('replay-subgraphs');
const answers = new Map<string, string>();
for (const exchange of JSON.parse(readFileSync(settings.RECORDINGS, 'utf8')) as RecordedExchange[]) {
  answers.set(replayKey(exchange.subgraph, exchange.body.query, exchange.body.variables), exchange.response);
}

const server = createServer(async (request, response) => {
  const [, subgraph, route] = (request.url ?? '/').split('/');
  if (subgraph === 'health') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let answer: string | undefined;
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
    answer = route === 'graphql' && subgraph ? answers.get(replayKey(subgraph, body.query, body.variables ?? {})) : undefined;
  } catch {
    answer = undefined;
  }
  if (answer === undefined) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no recorded answer","extensions":{"code":"NOT_RECORDED"}}]}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
});
server.keepAliveTimeout = 65_000;
server.listen(settings.PORT, '127.0.0.1', () => logger.info({ port: settings.PORT, answers: answers.size }, 'replay subgraphs ready'));
onShutdown(() => new Promise<void>((resolve) => server.close(() => resolve())));
