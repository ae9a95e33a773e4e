/**
 * The URL of the embedded database's Unix socket (`<socketDir>/.s.PGSQL.<port>`): `pg`,
 * Prisma's `pg` adapter and `psql` all read `host=` as a socket folder. Apart from
 * `embeddedPostgres.ts`, so naming it does not load PGlite.
 */
export const embeddedPostgresUrl = (socketDir: string, port: number): string =>
  `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`;
