import os from 'node:os';
import path from 'node:path';
import type { Logger } from '@resident-graph/service-kit';
import { REPO_ROOT, restartService, startStack, type Stack } from '@resident-graph/stack';
import {
  createTestDatabase,
  DEPARTMENT_SECTIONS,
  freeStackPorts,
  hostileRequests,
  readStreet,
  readTruth,
  refusalMismatch,
  TruthIndex,
} from '@resident-graph/tests';
import { peakRssBytes, rssBytes } from '../processStats';
import { fixedHeaders, gatewayHeaders } from '../requestHeaders';
import { runLoad, summarize } from '../runLoad';
import { residentWorkload } from '../sampleWorkloads';
import type { GraphQLBody } from '../workloads';
import { judgeAnswer, type AllowedLoss, type Verdict } from './answerJudge';
import type { LoadRunOptions } from './loadOptions';

const MiB = 1024 * 1024;

type Phase = 'before' | 'killed' | 'after';

export interface RunFigures {
  name: string;
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** HTTP failures, transport errors and errors the allowed loss does not explain. */
  errors: number;
  /** Sampled answers that differ from truth.jsonl (beyond the allowed loss). */
  wrongAnswers: number;
  sampledAnswers: number;
  /** Answers with only the killed department's part missing, under its code, per phase of the run. */
  degraded: Record<Phase, number>;
  /** The codes the degraded answers carried, and how often. */
  degradedCodes: Record<string, number>;
  /** Of the answers, how many of each verdict. */
  verdicts: Record<Verdict, number>;
  firstUnexpected?: string;
  /** Hostile requests sent beside the run's normal traffic, and how the gateway answered them. */
  hostile?: { clients: number; requests: number; refusedAsDocumented: number; firstMismatch?: string };
  /** The gateway's resident set (VmRSS, workers included) when the run began and when it ended, MiB. */
  gatewayRssMiB?: { atStart: number; atEnd: number };
  /** The kill and restart, seconds from the start of the run. */
  killedAt?: number;
  restartedAt?: number;
}

export interface LoadReport {
  date: string;
  command: string;
  options: LoadRunOptions;
  /** Cores, and the 1/5/15-minute load averages when the runs began and ended (other work on the machine shows here). */
  machine: { cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  runs: RunFigures[];
  /** Peak resident set (VmHWM) of every process of the stack, MiB, after both runs; a restarted stand-in counts from its restart. */
  peakRssMiB: Record<string, number>;
}

/**
 * `npm run load`: the stack on free loopback ports over a fresh database, then two runs of
 * the full-record query (random residents, as a civil-affairs officer): one with everything
 * up, one with a department's stand-in killed for the middle third and started again.
 * Every answer's errors are examined and every n-th answer compared with truth.jsonl.
 */
export async function runLoadRun(options: LoadRunOptions, command: string, logger: Logger): Promise<LoadReport> {
  const dataDir = path.join(REPO_ROOT, '.data', options.preset);
  const database = await createTestDatabase('rg_load');
  let stack: Stack | undefined;
  try {
    logger.info(`starting the ${options.preset} stack`);
    stack = await startStack({
      dataDir,
      workDir: path.join(REPO_ROOT, '.data', `load-${options.preset}`),
      preset: options.preset,
      databaseUrl: database.url,
      // As the bench: the household-registration stand-in's throttle off, so the run measures our system.
      env: { RATE_LIMIT_PER_SECOND: '1000000', LOG_LEVEL: 'warn' },
      logger,
      ports: await freeStackPorts(),
    });
    const truth = new TruthIndex(readTruth(dataDir), readStreet(dataDir));
    const workload = residentWorkload(dataDir, 2_000);
    const headers = fixedHeaders(await gatewayHeaders(stack, workload.credentials));
    const running = stack;
    const gatewayPid = stack.services.get('gateway')!.child.pid!;
    const gatewayRss = () => Math.round((rssBytes(gatewayPid) / MiB) * 10) / 10;

    const run = async (name: string, loss: AllowedLoss | null, during?: (phase: (next: Phase) => void) => Promise<Partial<RunFigures>>) => {
      let phase: Phase = 'before';
      let answered = 0;
      const verdicts: Record<Verdict, number> = { right: 0, degraded: 0, wrong: 0, unexpected: 0 };
      const degraded: Record<Phase, number> = { before: 0, killed: 0, after: 0 };
      const degradedCodes: Record<string, number> = {};
      let firstUnexpected: string | undefined;
      const onAnswer = (status: number, body: string) => {
        answered++;
        const verdict = judgeAnswer(status, body, answered % options.sampleEvery === 0, truth, loss);
        verdicts[verdict]++;
        if (verdict === 'degraded') {
          degraded[phase]++;
          for (const [, code] of body.matchAll(/"code":"(DEPARTMENT_[A-Z_]+)"/g)) degradedCodes[code!] = (degradedCodes[code!] ?? 0) + 1;
        }
        if (verdict === 'unexpected' || verdict === 'wrong') firstUnexpected ??= `${verdict}: ${status} ${body.slice(0, 400)}`;
      };
      logger.info(`${name}: ${options.connections} clients for ${options.duration} s`);
      const gatewayRssAtStart = gatewayRss();
      const load = runLoad({
        url: running.gatewayUrl,
        headers,
        bodies: workload.bodies,
        check: () => true,
        connections: options.connections,
        durationSeconds: options.duration,
        maxRequests: options.maxRequests,
        // Sampling is the judge's; runLoad's own check is a no-op here.
        sampleEvery: Number.MAX_SAFE_INTEGER,
        onAnswer,
      });
      const extra = (await during?.((next) => (phase = next))) ?? {};
      const result = summarize([await load]);
      const figures: RunFigures = {
        name,
        requests: result.requests,
        durationSeconds: result.durationSeconds,
        requestsPerSecond: result.requestsPerSecond,
        latencyMs: result.latencyMs,
        errors: result.errors.non2xx + result.errors.transport + verdicts.unexpected,
        wrongAnswers: verdicts.wrong,
        sampledAnswers: Math.floor(answered / options.sampleEvery),
        degraded,
        degradedCodes,
        verdicts,
        ...extra,
        gatewayRssMiB: { atStart: gatewayRssAtStart, atEnd: gatewayRss() },
        firstUnexpected,
      };
      return figures;
    };

    if (options.warmup > 0) {
      logger.info(`warming up for ${options.warmup} s`);
      await runLoad({
        url: running.gatewayUrl,
        headers,
        bodies: workload.bodies,
        check: () => true,
        connections: options.connections,
        durationSeconds: options.warmup,
        maxRequests: options.maxRequests,
      });
    }
    const loadAverageAtStart = os.loadavg();
    const normal = await run('all departments up', null);

    // Beside the same normal traffic, one client per kind of hostile request, each answer
    // checked against the refusal documented for it: normal p99 and the gateway's memory
    // should look as in the run before.
    const target = truth.residents.find((resident) => resident.publicSecurity.householdId !== null) ?? truth.residents[0]!;
    const underAttack = await run('all departments up, under hostile traffic', null, async () => {
      const catalogue = hostileRequests({ residentId: target.id, gridId: target.gridId });
      const hostile = { clients: catalogue.length, requests: 0, refusedAsDocumented: 0, firstMismatch: undefined as string | undefined };
      await Promise.all(
        catalogue.map((request) =>
          runLoad({
            url: running.gatewayUrl,
            headers,
            bodies: [request.body as GraphQLBody],
            check: () => true,
            connections: 1,
            durationSeconds: options.duration,
            maxRequests: options.maxRequests,
            sampleEvery: Number.MAX_SAFE_INTEGER,
            onAnswer: (status, body) => {
              hostile.requests++;
              const mismatch = refusalMismatch(request, status, body);
              if (mismatch === null) hostile.refusedAsDocumented++;
              else hostile.firstMismatch ??= mismatch;
            },
          }),
        ),
      );
      return { hostile };
    });

    const department = options.department;
    const standIn = `${department}-stand-in`;
    const port = stack.ports.standIns[department]!;
    const third = (options.duration * 1_000) / 3;
    const killed = await run(
      `${department} stand-in killed for the middle third`,
      { department, section: DEPARTMENT_SECTIONS[department] ?? null },
      async (setPhase) => {
        const start = Date.now();
        await new Promise((resolve) => setTimeout(resolve, third));
        setPhase('killed');
        const killedAt = (Date.now() - start) / 1_000;
        await running.services.get(standIn)!.stop();
        logger.info(`${standIn} killed`);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2 * third - (Date.now() - start))));
        const restartedAt = (Date.now() - start) / 1_000;
        await restartService(running.services, standIn, `http://127.0.0.1:${port}/health`);
        setPhase('after');
        logger.info(`${standIn} started again, answering after ${((Date.now() - start) / 1_000 - restartedAt).toFixed(1)} s`);
        return { killedAt, restartedAt };
      },
    );

    const peakRssMiB: Record<string, number> = {};
    for (const [name, service] of stack.services) if (service.child.pid) peakRssMiB[name] = Math.round((peakRssBytes(service.child.pid) / MiB) * 10) / 10;
    const machine = { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg() };
    return { date: new Date().toISOString(), command, options, machine, runs: [normal, underAttack, killed], peakRssMiB };
  } finally {
    await stack?.stop();
    await database.drop();
  }
}

/** The figures as a few lines of text. */
export function printLoadReport(report: LoadReport): string {
  const lines = [`${report.command}`, ''];
  for (const run of report.runs) {
    lines.push(
      `${run.name}: ${run.requests} requests in ${run.durationSeconds.toFixed(1)} s, ${run.requestsPerSecond.toFixed(1)} req/s, ` +
        `p50 ${run.latencyMs.p50.toFixed(0)} ms, p99 ${run.latencyMs.p99.toFixed(0)} ms, errors ${run.errors}, ` +
        `wrong answers ${run.wrongAnswers} of ${run.sampledAnswers} sampled, degraded (before/killed/after) ` +
        `${run.degraded.before}/${run.degraded.killed}/${run.degraded.after}` +
        (Object.keys(run.degradedCodes).length > 0
          ? ` (${Object.entries(run.degradedCodes)
              .map(([code, count]) => `${code} ${count}`)
              .join(', ')})`
          : '') +
        (run.gatewayRssMiB ? `, gateway RSS ${run.gatewayRssMiB.atStart} → ${run.gatewayRssMiB.atEnd} MiB` : '') +
        (run.hostile
          ? `; beside it ${run.hostile.clients} hostile clients sent ${run.hostile.requests} requests, ${run.hostile.refusedAsDocumented} refused as documented`
          : '') +
        (run.killedAt !== undefined ? `, killed at ${run.killedAt.toFixed(1)} s, restarted at ${run.restartedAt!.toFixed(1)} s` : ''),
    );
    if (run.firstUnexpected) lines.push(`  first unexpected: ${run.firstUnexpected}`);
    if (run.hostile?.firstMismatch) lines.push(`  first hostile answer not as documented: ${run.hostile.firstMismatch}`);
  }
  const load = (averages: number[]) => averages.map((value) => value.toFixed(1)).join('/');
  lines.push(
    '',
    `${report.machine.cpus} cores, load average ${load(report.machine.loadAverageAtStart)} at start, ${load(report.machine.loadAverageAtEnd)} at end`,
    'peak RSS (MiB): ' +
      Object.entries(report.peakRssMiB)
        .map(([name, mib]) => `${name} ${mib}`)
        .join(', '),
  );
  return lines.join('\n');
}
