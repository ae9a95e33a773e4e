import { useId, useState, type FormEvent } from 'react';
import { request, type Answer, type Credentials } from '../api/request';
import { StatisticsDocument, type StatisticsDimension, type StatisticsQuery, type StatisticsUnit } from '../generated/operations';
import { CATEGORY_LABELS, EMPLOYMENT_LABELS, errorNotice, GENDER_LABELS, POPULATION_LABELS } from '../labels';
import { conditionOf, FACT_KINDS, newRow, toCsv, type FactKind, type FactRow } from './analyst/question';
import { StatisticsChart } from './analyst/StatisticsChart';

const DIMENSIONS: Record<StatisticsDimension, string> = {
  COMMUNITY: '社区 community',
  GRID: '网格 grid',
  GENDER: '性别 gender',
  AGE_BAND: '年龄段 age band',
  POPULATION_TYPE: '人口类型 population type',
};

function valueLabel(dimension: StatisticsDimension, value: string): string {
  if (dimension === 'GENDER') return GENDER_LABELS[value as keyof typeof GENDER_LABELS] ?? value;
  if (dimension === 'POPULATION_TYPE') return POPULATION_LABELS[value as keyof typeof POPULATION_LABELS] ?? value;
  return value;
}

/** The facts whose value is picked from a list, with the words an analyst reads for each value. */
const FACT_CHOICES: Partial<Record<FactKind, Record<string, string>>> = {
  employmentStatus: EMPLOYMENT_LABELS,
  gender: { MALE: GENDER_LABELS.MALE, FEMALE: GENDER_LABELS.FEMALE },
  populationType: POPULATION_LABELS,
  category: CATEGORY_LABELS,
};

/** A whole number of years, typed; the question builder says what is wrong with it on asking. */
function YearsInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="inline">
        {label}
      </label>
      <input id={id} className="narrow" inputMode="numeric" value={value} onChange={(event) => onChange(event.target.value)} />
    </>
  );
}

/** One fact row's editor: which fact, its value, and 非 (not). */
function FactEditor({ row, onChange, onRemove }: { row: FactRow; onChange: (row: FactRow) => void; onRemove: () => void }) {
  const label = FACT_KINDS.find((fact) => fact.kind === row.kind)!;
  const choices = FACT_CHOICES[row.kind];
  return (
    <li className="fact-row" data-testid="fact-row">
      <label className="inline">
        <input type="checkbox" checked={row.not} onChange={(event) => onChange({ ...row, not: event.target.checked })} /> 非 not
      </label>
      <span className="fact-name">
        {label.label} <span className="owner">[{label.owner}]</span>
      </span>
      {choices && 'value' in row && (
        // The list offers exactly the values of this row's kind, so the value chosen is one of them.
        <select aria-label={label.label} value={row.value} onChange={(event) => onChange({ ...row, value: event.target.value } as FactRow)}>
          {Object.entries(choices).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
      {row.kind === 'hasChildUnder' && <YearsInput label="N =" value={row.years} onChange={(years) => onChange({ ...row, years })} />}
      {row.kind === 'age' && (
        <>
          <YearsInput label="≥" value={row.atLeast} onChange={(atLeast) => onChange({ ...row, atLeast })} />
          <YearsInput label="<" value={row.below} onChange={(below) => onChange({ ...row, below })} />
        </>
      )}
      <button type="button" className="secondary" onClick={onRemove} aria-label={`删除条件 ${label.label}`}>
        删除
      </button>
    </li>
  );
}

/**
 * The street's figures (`statistics`): a question of facts joined by and/or with 非, grouped by
 * place and person dimensions; a table and a chart per place dimension; suppressed cells marked;
 * CSV download. Aggregates only: the analyst never sees a person.
 */
export default function AnalystView({ credentials }: { credentials: Credentials }) {
  const [rows, setRows] = useState<FactRow[]>(() => [newRow(1, 'employmentStatus'), newRow(2, 'receivesMinimumLivingAllowance'), newRow(3, 'hasChildUnder')]);
  const [join, setJoin] = useState<'all' | 'any'>('all');
  const [count, setCount] = useState<StatisticsUnit>('RESIDENTS');
  const [groupBy, setGroupBy] = useState<StatisticsDimension[]>(['GRID']);
  const [asOf, setAsOf] = useState('');
  const [adding, setAdding] = useState<FactKind>('gender');
  const [answer, setAnswer] = useState<Answer<StatisticsQuery> | null>(null);
  const [asked, setAsked] = useState<StatisticsDimension[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const ids = useId();

  async function run(event: FormEvent) {
    event.preventDefault();
    const where = conditionOf(rows, join);
    if (typeof where === 'string') return setProblem(where);
    setProblem(null);
    setLoading(true);
    const result = await request(StatisticsDocument, { input: { count, where, groupBy, ...(asOf ? { asOf } : {}) } }, credentials);
    setLoading(false);
    setAnswer(result);
    setAsked(groupBy);
  }

  function toggleDimension(dimension: StatisticsDimension) {
    setGroupBy((current) => (current.includes(dimension) ? current.filter((d) => d !== dimension) : [...current, dimension]));
  }

  function download() {
    const statistics = answer?.data?.statistics;
    if (!statistics) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([toCsv(statistics, asked, DIMENSIONS)], { type: 'text/csv;charset=utf-8' }));
    link.download = `statistics-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  const statistics = answer?.data?.statistics;
  const nextId = Math.max(0, ...rows.map((row) => row.id)) + 1;
  return (
    <section className="analyst" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>统计分析 Statistics</h1>
      <form className="card question" onSubmit={run} aria-label="统计问题 Question">
        <div className="toolbar">
          <label htmlFor={`${ids}-count`}>统计对象 Count</label>
          <select id={`${ids}-count`} value={count} onChange={(event) => setCount(event.target.value as StatisticsUnit)}>
            <option value="RESIDENTS">居民 residents</option>
            <option value="HOUSEHOLDS">户 households（任一成员符合）</option>
          </select>
          <label htmlFor={`${ids}-join`}>条件关系 Join</label>
          <select id={`${ids}-join`} value={join} onChange={(event) => setJoin(event.target.value as 'all' | 'any')}>
            <option value="all">全部满足（且 and）</option>
            <option value="any">任一满足（或 or）</option>
          </select>
          <label htmlFor={`${ids}-asof`}>统计日期 As of</label>
          <input id={`${ids}-asof`} type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </div>
        <ul className="fact-rows">
          {rows.map((row) => (
            <FactEditor
              key={row.id}
              row={row}
              onChange={(changed) => setRows(rows.map((candidate) => (candidate.id === row.id ? changed : candidate)))}
              onRemove={() => setRows(rows.filter((candidate) => candidate.id !== row.id))}
            />
          ))}
        </ul>
        <div className="toolbar">
          <label htmlFor={`${ids}-add`}>添加条件 Add a fact</label>
          <select id={`${ids}-add`} value={adding} onChange={(event) => setAdding(event.target.value as FactKind)}>
            {FACT_KINDS.map((fact) => (
              <option key={fact.kind} value={fact.kind}>
                {fact.label} [{fact.owner}]
              </option>
            ))}
          </select>
          <button type="button" className="secondary" onClick={() => setRows([...rows, newRow(nextId, adding)])}>
            添加 Add
          </button>
        </div>
        <fieldset className="group-by">
          <legend>分组 Group by（按点击顺序）</legend>
          {(Object.keys(DIMENSIONS) as StatisticsDimension[]).map((dimension) => (
            <label key={dimension} className="inline">
              <input type="checkbox" checked={groupBy.includes(dimension)} onChange={() => toggleDimension(dimension)} /> {DIMENSIONS[dimension]}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={loading}>
          {loading ? '统计中… Counting…' : '统计 Count'}
        </button>
      </form>

      {answer && !statistics && (
        <p className="notice unavailable" role="alert">
          {answer.errors[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED'
            ? '统计服务尚未接入网关。 The statistics service is not in this gateway yet.'
            : errorNotice(answer.errors[0]?.extensions?.code)}
        </p>
      )}
      {statistics && (
        <div className="results">
          <p className="hint" data-testid="statistics-total">
            合计 Total：{statistics.total.suppressed ? '已抑制' : statistics.total.count} · 小于 {statistics.threshold} 的计数不公布（已抑制）
            {statistics.perturbationBound > 0 ? ` · 计数经扰动保护，误差不超过 ±${statistics.perturbationBound}` : ''}
          </p>
          {asked
            .filter((dimension) => dimension === 'GRID' || dimension === 'COMMUNITY')
            .map((dimension) => (
              <StatisticsChart
                key={dimension}
                cells={statistics.cells}
                along={dimension}
                title={`按${dimension === 'GRID' ? '网格' : '社区'}统计 · by ${dimension.toLowerCase()}`}
              />
            ))}
          <div className="toolbar">
            <button type="button" className="secondary" onClick={download}>
              下载 CSV Download
            </button>
          </div>
          <div className="table-scroll">
            <table className="statistics-table" data-testid="statistics-table">
              <thead>
                <tr>
                  {asked.map((dimension) => (
                    <th key={dimension} scope="col">
                      {DIMENSIONS[dimension]}
                    </th>
                  ))}
                  <th scope="col">人数 Count</th>
                </tr>
              </thead>
              <tbody>
                {statistics.cells.map((cell) => (
                  <tr key={cell.group.map((part) => part.value).join('|')}>
                    {cell.group.map((part) => (
                      <td key={part.dimension}>{valueLabel(part.dimension, part.value)}</td>
                    ))}
                    <td className={cell.suppressed ? 'suppressed' : 'count'} data-suppressed={cell.suppressed}>
                      {cell.suppressed ? `已抑制（< ${statistics.threshold}）` : cell.count}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
