import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { request, type Credentials } from '../api/request';
import { useAnswer } from '../api/useAnswer';
import { CommunityGridsDocument, GridRosterDocument, type ResidentCategory } from '../generated/operations';
import { CATEGORY_LABELS, errorNotice, formatDate, GENDER_LABELS } from '../labels';
import type { Session } from '../session';
import type { OpenRequest } from './FindResident';

const PAGE_SIZE = 50;

/**
 * A grid's residents with their survey categories, a page at a time through the cursor API
 * (pages already seen are kept, so Back needs no cursor arithmetic); filtered by category;
 * ↑/↓ move between rows, Enter opens the record.
 */
export function RosterView({ session, credentials, onOpen }: { session: Session; credentials: Credentials; onOpen: (open: OpenRequest) => void }) {
  const [grids, setGrids] = useState<string[]>(session.grids);
  const [gridId, setGridId] = useState<string>(session.grids[0] ?? '');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [category, setCategory] = useState<ResidentCategory | ''>('');
  const ids = useId();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    if (session.grids.length > 0 || !session.community) return;
    request(CommunityGridsDocument, { id: session.community }, credentials).then((answer) => {
      const list = answer.data?.community?.grids.map((grid) => grid.id) ?? [];
      setGrids(list);
      setGridId((current) => current || list[0] || '');
    });
    // Once per sign-in: the community's grids do not change while the page is open.
  }, [session.community, session.grids.length, session.token]);

  const after = cursors[cursors.length - 1] ?? null;
  const ready = gridId !== '' && credentials.purpose !== null;
  const roster = useAnswer(GridRosterDocument, ready ? { id: gridId, first: PAGE_SIZE, after } : null, credentials);
  const page = roster.answer?.data?.grid?.residents;
  const nodes = (page?.nodes ?? []).filter((node) => category === '' || (node.categories ?? []).includes(category));
  const pageNumber = cursors.length;

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) {
    if (event.key === 'ArrowDown') rows.current[index + 1]?.focus();
    else if (event.key === 'ArrowUp') rows.current[index - 1]?.focus();
    else if (event.key === 'Enter' || event.key === ' ') onOpen({ id });
    else return;
    event.preventDefault();
  }

  return (
    <section className="roster" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>网格名册 Grid roster</h1>
      {credentials.purpose === null && (
        <p className="notice" role="status">
          请先在上方选择查询用途。 Choose a purpose first.
        </p>
      )}
      <div className="toolbar">
        <label htmlFor={`${ids}-grid`}>网格 Grid</label>
        <select
          id={`${ids}-grid`}
          value={gridId}
          onChange={(event) => {
            setGridId(event.target.value);
            setCursors([null]);
          }}
        >
          {grids.map((grid) => (
            <option key={grid} value={grid}>
              {grid}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-category`}>分类筛选 Category</label>
        <select id={`${ids}-category`} value={category} onChange={(event) => setCategory(event.target.value as ResidentCategory | '')}>
          <option value="">全部 All</option>
          {(Object.keys(CATEGORY_LABELS) as ResidentCategory[]).map((value) => (
            <option key={value} value={value}>
              {CATEGORY_LABELS[value]}
            </option>
          ))}
        </select>
        <span className="page-info" data-testid="roster-page" aria-live="polite">
          第 {pageNumber} 页{page ? ` · 共 ${page.totalCount} 人` : ''}
          {category && page ? ` · 本页符合 ${nodes.length} 人` : ''}
        </span>
        <button type="button" className="secondary" disabled={cursors.length <= 1 || roster.loading} onClick={() => setCursors(cursors.slice(0, -1))}>
          ← 上一页 Previous
        </button>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage || roster.loading}
          onClick={() => page?.pageInfo.endCursor && setCursors([...cursors, page.pageInfo.endCursor])}
        >
          下一页 Next →
        </button>
      </div>
      {roster.loading && <p className="loading">正在查询… Loading…</p>}
      {!roster.loading && roster.answer && !page && (
        <p className="notice" role="alert">
          {errorNotice(roster.answer.errors[0]?.extensions?.code)}
        </p>
      )}
      {page && (
        <table className="roster-table" aria-describedby={`${ids}-help`}>
          <caption id={`${ids}-help`}>↑/↓ 选择居民，回车打开档案 · Arrow keys move, Enter opens</caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">性别</th>
              <th scope="col">出生日期</th>
              <th scope="col">分类</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node, index) => (
              <tr
                key={node.id}
                tabIndex={0}
                ref={(element) => {
                  rows.current[index] = element;
                }}
                onKeyDown={(event) => onRowKey(event, index, node.id)}
                onClick={() => onOpen({ id: node.id })}
                data-resident={node.id}
              >
                <td>{node.name}</td>
                <td>{GENDER_LABELS[node.gender]}</td>
                <td>{formatDate(node.birthDate)}</td>
                <td>
                  <span className="chips">
                    {(node.categories ?? []).map((value) => (
                      <span key={value} className="chip">
                        {CATEGORY_LABELS[value]}
                      </span>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
