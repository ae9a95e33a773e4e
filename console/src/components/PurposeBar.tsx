import { useId } from 'react';
import { PURPOSE_LABELS } from '../labels';
import { PURPOSE_CODES, type Purpose, type PurposeCode } from '../session';

/** Why you are reading personal data: chosen before any record opens, sent with every read, and audited. */
export function PurposeBar({ purpose, onChange }: { purpose: Purpose | null; onChange: (purpose: Purpose | null) => void }) {
  const ids = useId();
  return (
    <fieldset className="purpose-bar">
      <legend>查询用途 Purpose（必填，将记入审计日志）</legend>
      <label htmlFor={`${ids}-code`}>用途 Purpose</label>
      <select
        id={`${ids}-code`}
        value={purpose?.code ?? ''}
        onChange={(event) => onChange(event.target.value ? { code: event.target.value as PurposeCode, reference: purpose?.reference ?? '' } : null)}
        aria-required="true"
      >
        <option value="">请选择用途…</option>
        {PURPOSE_CODES.map((code) => (
          <option key={code} value={code}>
            {PURPOSE_LABELS[code]} ({code})
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-reference`}>参考号 Reference（可选，如案卷号）</label>
      <input
        id={`${ids}-reference`}
        value={purpose?.reference ?? ''}
        maxLength={200}
        disabled={!purpose}
        onChange={(event) => purpose && onChange({ ...purpose, reference: event.target.value })}
        autoComplete="off"
      />
    </fieldset>
  );
}

export function purposeText(purpose: Purpose): string {
  return `${PURPOSE_LABELS[purpose.code]}${purpose.reference ? ` · ${purpose.reference}` : ''}`;
}
