import type { DeadlineLight, DeliveryFragment } from '../generated/operations';
import { DELIVERY_STATE_LABELS, DEPARTMENT_LABELS, formatDateTime, LIGHT_LABELS } from '../labels';

const LIGHT_MARKS: Record<DeadlineLight, string> = { GREEN: '●', YELLOW: '▲', RED: '■' };

/** A deadline light: its colour, a shape of its own and its name, so it is never told by colour alone. */
export function Light({ light }: { light: DeadlineLight }) {
  return (
    <span className={`light ${light.toLowerCase()}`} data-light={light}>
      <span aria-hidden="true">{LIGHT_MARKS[light]}</span> {LIGHT_LABELS[light]}
    </span>
  );
}

/** One row per department a change was delivered to: what it does, how far it has come, by when. */
export function Deliveries({ deliveries, caption }: { deliveries: readonly DeliveryFragment[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="deliveries" data-testid="deliveries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">部门 Department</th>
            <th scope="col">办理事项 Action</th>
            <th scope="col">状态 State</th>
            <th scope="col">时限 Due by</th>
            <th scope="col">督办灯 Light</th>
            <th scope="col">退回原因 Reason</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.department} data-department={delivery.department} data-state={delivery.state}>
              <td>{DEPARTMENT_LABELS[delivery.department]}</td>
              <td>{delivery.action}</td>
              <td>
                {DELIVERY_STATE_LABELS[delivery.state]}
                {delivery.decidedAt ? `（${formatDateTime(delivery.decidedAt)}${delivery.late ? '，超时办结 late' : ''}）` : ''}
                {delivery.attempts > 1 ? ` · 已重试 ${delivery.attempts - 1} 次` : ''}
                {delivery.heldBehind ? ' · 待前一变更办结 held behind an earlier report' : ''}
              </td>
              <td className="mono">{formatDateTime(delivery.dueBy)}</td>
              <td>
                <Light light={delivery.light} />
              </td>
              <td>{delivery.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
