import { setTimeout as sleep } from 'node:timers/promises';
import { decodeUtf8, DepartmentError, exchangeHttp, type DepartmentPolicy, type HttpExchange } from '@resident-graph/adapter-kit';
import { propagationHeaders } from '@resident-graph/service-kit';
import type { z } from 'zod';
import { pageOf, RawError } from './wireFormat';

export interface PublicSecurityClientOptions {
  baseUrl: string;
  execute: DepartmentPolicy;
  pageSize: number;
  rateLimitRetries: number;
}

const unavailable = (message: string, cause?: unknown) => new DepartmentError('DEPARTMENT_UNAVAILABLE', 'public-security', message, { cause });
const badResponse = (message: string, cause?: unknown) => new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'public-security', message, { cause });

/** `Retry-After` is seconds or an HTTP date; a missing or unreadable one means a second. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  if (header !== null && header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = header === null ? Number.NaN : Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

function describeRefusal(body: string): string {
  try {
    const parsed = RawError.safeParse(JSON.parse(body));
    if (parsed.success) return `${parsed.data.CODE} ${parsed.data.MSG}`;
  } catch {
    // not the system's error shape: the status says enough
  }
  return 'no error body';
}

/**
 * Speaks the household-registration system's paged JSON API. Each request goes through
 * the department policy (time-out, retry, circuit breaker); a rate-limited request waits
 * the advertised delay and is sent again within the same attempt, so the wait still
 * counts against the time-out.
 */
export class PublicSecurityClient {
  private calls = 0;

  constructor(private readonly options: PublicSecurityClientOptions) {}

  callsMade(): number {
    return this.calls;
  }

  /** Every record matching `criteria`, following pages only while the system says there are more. */
  async queryAll<T>(path: string, criteria: Record<string, unknown>, record: z.ZodType<T>): Promise<T[]> {
    const records: T[] = [];
    for await (const page of this.pages(path, criteria, record, this.options.pageSize)) records.push(...page);
    return records;
  }

  /**
   * The records matching `criteria`, a page at a time, so a caller that reduces them
   * never holds more than one page; each page's request is one call under the policy.
   */
  async *pages<T>(path: string, criteria: Record<string, unknown>, record: z.ZodType<T>, pageSize: number): AsyncGenerator<T[]> {
    const schema = pageOf(record);
    let seen = 0;
    for (let page = 1; ; page++) {
      const body = { ...criteria, PAGE: page, PAGE_SIZE: pageSize };
      const answer = await this.options.execute(async (signal) => {
        const parsed = schema.safeParse(await this.post(path, body, signal));
        if (!parsed.success) throw badResponse(`${path} answered in an unknown format: ${parsed.error.issues[0]?.message ?? ''}`);
        return parsed.data;
      });
      seen += answer.RECORDS.length;
      yield answer.RECORDS as T[];
      if (seen >= answer.TOTAL) return;
      if (answer.RECORDS.length === 0) throw badResponse(`${path} page ${page} is empty but TOTAL is ${answer.TOTAL}`);
    }
  }

  /** One request answered by one record of `answer`'s shape (no pages), as one call under the policy. */
  async call<T>(path: string, body: unknown, answer: z.ZodType<T>): Promise<T> {
    return this.options.execute(async (signal) => {
      const parsed = answer.safeParse(await this.post(path, body, signal));
      if (!parsed.success) throw badResponse(`${path} answered in an unknown format: ${parsed.error.issues[0]?.message ?? ''}`);
      return parsed.data;
    });
  }

  private async post(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(path, body, signal);
      const bytes = response.body;
      const decoded = decodeUtf8(bytes);
      const text = decoded.ok ? decoded.text : new TextDecoder().decode(bytes);
      if (response.status === 429) {
        if (attempt >= this.options.rateLimitRetries) throw unavailable(`${path} still rate-limited after ${attempt + 1} tries`);
        await sleep(retryAfterMs(response.header('retry-after')), undefined, { signal });
        continue;
      }
      if (response.status >= 500) throw unavailable(`${path} answered ${response.status} (${describeRefusal(text)})`);
      if (response.status !== 200) throw badResponse(`${path} refused the request with ${response.status} (${describeRefusal(text)})`);
      // The system answers UTF-8 (its Content-Type says so); anything else would be read as replacement characters.
      if (!decoded.ok) throw badResponse(`${path} answered with a body that is not UTF-8, as its Content-Type says (after '${decoded.near}')`);
      try {
        return JSON.parse(text);
      } catch (error) {
        throw badResponse(`${path} answered with a body that is not JSON`, error);
      }
    }
  }

  private async send(path: string, body: unknown, signal: AbortSignal): Promise<HttpExchange> {
    this.calls++;
    try {
      return await exchangeHttp(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...propagationHeaders() },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw unavailable(`cannot reach ${this.options.baseUrl}: ${error instanceof Error ? error.message : String(error)}`, error);
    }
  }
}
