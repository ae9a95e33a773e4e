/** The PostgreSQL schema that holds the bureau's tables unless told otherwise. */
export const DEFAULT_SCHEMA = 'civil_affairs';
/** 行政区划代码 of the pilot district (Pudong), whose office registers marriages unless told otherwise. */
export const DEFAULT_REGION_CODE = '310115';
