import type { Credentials } from '../api/request';

/**
 * The street's figures from `statistics` (contract.md, "Statistics"). The statistics service
 * is not in this branch's supergraph yet, so no typed operation can be generated for it: the
 * view says so until it lands.
 */
export default function AnalystView(_props: { credentials: Credentials }) {
  return (
    <section className="analyst">
      <h1>统计分析 Statistics</h1>
      <p className="notice" role="status">
        统计服务尚未接入网关（schemas/supergraph.graphql 中还没有 statistics 字段）。 The statistics service is not in the supergraph yet.
      </p>
    </section>
  );
}
