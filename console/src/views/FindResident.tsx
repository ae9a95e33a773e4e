import { useId, useState, type FormEvent } from 'react';
import { normalizeCitizenId, type CitizenIdProblem } from '@resident-graph/schemas';
import { request, type Credentials } from '../api/request';
import { ResidentsByNameDocument, type ResidentsByNameQuery } from '../generated/operations';
import { errorMessage, formatDate, GENDER_LABELS } from '../labels';

export interface OpenRequest {
  /** The 18-character ID. */
  id: string;
  /** The 15-digit ID as typed, when it was converted. */
  typed15?: string;
}

const PROBLEMS: Record<CitizenIdProblem, string> = {
  EMPTY: '',
  WRONG_LENGTH: '身份证号码应为18位（或1999年前的15位）',
  NOT_DIGITS: '只能包含数字，18位号码的最后一位可为 X',
  BAD_BIRTH_DATE: '号码中的出生日期不存在',
  BAD_CHECK_DIGIT: '校验位不正确，请核对号码',
};

/** What the ID field says as you type: nothing yet, why it is wrong, or that it is good (converted if 15 digits). */
function describeId(raw: string): { valid: boolean; message: string; id?: string; typed15?: string } {
  const result = normalizeCitizenId(raw);
  if (result.ok) {
    return result.converted
      ? { valid: true, id: result.id, typed15: raw.trim(), message: `15位旧号码，已转换为18位：${result.id}` }
      : { valid: true, id: result.id, message: '校验位正确 ✓' };
  }
  const partial = result.problem === 'WRONG_LENGTH' && result.cleaned.length < 18 && /^\d*$/.test(result.cleaned);
  return { valid: false, message: partial ? `已输入 ${result.cleaned.length} 位` : PROBLEMS[result.problem] };
}

type NameMatches = NonNullable<ResidentsByNameQuery['residentsByName']>;

/** The server's limits (grid subgraph): a shorter name matches too many people, and a search lists at most this many. */
const MIN_NAME_LENGTH = 2;
const MAX_NAME_HITS = 50;

export function FindResident({ credentials, onOpen }: { credentials: Credentials; onOpen: (open: OpenRequest) => void }) {
  const [rawId, setRawId] = useState('');
  const [name, setName] = useState('');
  const [hits, setHits] = useState<NameMatches | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const ids = useId();
  const idState = describeId(rawId);
  const needPurpose = credentials.purpose === null;

  function openById(event: FormEvent) {
    event.preventDefault();
    if (idState.valid && idState.id && !needPurpose) onOpen({ id: idState.id, typed15: idState.typed15 });
  }

  const wantedName = name.trim();
  const nameLongEnough = [...wantedName].length >= MIN_NAME_LENGTH;

  async function searchByName(event: FormEvent) {
    event.preventDefault();
    if (!nameLongEnough || needPurpose) return;
    setSearching(true);
    setSearchError(null);
    setHits(null);
    const answer = await request(ResidentsByNameDocument, { name: wantedName, first: MAX_NAME_HITS }, credentials);
    setSearching(false);
    const matches = answer.data?.residentsByName;
    if (matches) setHits(matches);
    else setSearchError(errorMessage(answer.errors[0]));
  }

  return (
    <section className="find" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>查找居民 Find a resident</h1>
      {needPurpose && (
        <p className="notice" role="status">
          请先在上方选择查询用途。 Choose a purpose first.
        </p>
      )}
      <div className="find-forms">
        <form className="card" onSubmit={openById} aria-label="按身份证号查找 By citizen ID">
          <label htmlFor={`${ids}-id`}>公民身份号码 Citizen ID（18位或15位）</label>
          <input
            id={`${ids}-id`}
            name="citizenId"
            value={rawId}
            onChange={(event) => setRawId(event.target.value)}
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={24}
            aria-invalid={rawId.trim() !== '' && !idState.valid && idState.message.startsWith('已输入') === false}
            aria-describedby={`${ids}-id-status`}
          />
          <p id={`${ids}-id-status`} className={idState.valid ? 'field-status ok' : 'field-status'} aria-live="polite" data-testid="id-status">
            {idState.message}
          </p>
          <button type="submit" disabled={!idState.valid || needPurpose}>
            打开档案 Open record
          </button>
        </form>
        <form className="card" onSubmit={searchByName} aria-label="按姓名查找 By name">
          <label htmlFor={`${ids}-name`}>姓名 Name（在您的辖区内）</label>
          <input id={`${ids}-name`} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" aria-describedby={`${ids}-name-status`} />
          <p id={`${ids}-name-status`} className="field-status" aria-live="polite">
            {wantedName !== '' && !nameLongEnough ? `请至少输入 ${MIN_NAME_LENGTH} 个字 (at least ${MIN_NAME_LENGTH} characters)` : ''}
          </p>
          <button type="submit" disabled={!nameLongEnough || needPurpose || searching}>
            {searching ? '查找中… Searching…' : '按姓名查找 Search'}
          </button>
          {searchError && (
            <p role="alert" className="error">
              {searchError}
            </p>
          )}
        </form>
      </div>
      {hits && (
        <div className="card" aria-live="polite">
          <h2>
            找到 {hits.nodes.length}
            {hits.hasMore ? '+' : ''} 人 ({hits.nodes.length}
            {hits.hasMore ? '+' : ''} found)
          </h2>
          <ul className="hits" data-testid="name-hits">
            {hits.nodes.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="link" onClick={() => onOpen({ id: hit.id })}>
                  {hit.name}
                </button>{' '}
                {GENDER_LABELS[hit.gender]} · {formatDate(hit.birthDate)} · {hit.grid?.name ?? '—'} · <span className="mono">{hit.id}</span>
              </li>
            ))}
          </ul>
          {hits.hasMore && (
            <p className="hint">
              仅显示前 {hits.nodes.length} 人，请输入更完整的姓名。 (Showing the first {hits.nodes.length}: narrow the name.)
            </p>
          )}
        </div>
      )}
    </section>
  );
}
