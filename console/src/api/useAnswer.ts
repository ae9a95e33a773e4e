import { useEffect, useState } from 'react';
import type { TypedDocumentString } from '../generated/operations';
import { request, type Answer, type Credentials } from './request';

export interface AnswerState<TResult> {
  loading: boolean;
  answer: Answer<TResult> | null;
  /** Milliseconds from asking to the answer. */
  tookMs: number | null;
}

/**
 * Asks one operation and re-asks when its variables or credentials change; `null` variables
 * ask nothing. Each panel holds its own: one slow department holds back only its panel.
 */
export function useAnswer<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  credentials: Credentials,
): AnswerState<TResult> {
  const [state, setState] = useState<AnswerState<TResult>>({ loading: variables !== null, answer: null, tookMs: null });
  const key = variables === null ? null : JSON.stringify(variables);
  const purposeKey = credentials.purpose ? `${credentials.purpose.code}:${credentials.purpose.reference}` : '';
  useEffect(() => {
    if (key === null) {
      setState({ loading: false, answer: null, tookMs: null });
      return;
    }
    const controller = new AbortController();
    const started = performance.now();
    setState({ loading: true, answer: null, tookMs: null });
    request(document, JSON.parse(key) as TVariables, credentials, controller.signal).then(
      (answer) => setState({ loading: false, answer, tookMs: Math.round(performance.now() - started) }),
      () => undefined,
    );
    return () => controller.abort();
    // The credentials object is rebuilt on every render; its token and purpose are what count.
  }, [document, key, credentials.token, purposeKey]);
  return state;
}
