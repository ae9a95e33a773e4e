/** The role services append to and read the audit trail as (migration 0002): INSERT and SELECT only. */
export const AUDIT_WRITER_ROLE = 'resident_graph_audit_writer';

/**
 * The same database as `databaseUrl`, connecting as the audit writer role instead of the
 * owner: what a service is given, while migrations and the verifier keep the owner's URL.
 * No password is set here: on a server whose `pg_hba.conf` asks for one, the operator gives
 * the role a password and the services a URL of their own.
 */
export function asAuditWriter(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = AUDIT_WRITER_ROLE;
  url.password = '';
  return url.toString();
}
