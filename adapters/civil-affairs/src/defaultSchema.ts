/** The PostgreSQL schema that holds the bureau's tables unless told otherwise. */
export const DEFAULT_SCHEMA = 'civil_affairs';
