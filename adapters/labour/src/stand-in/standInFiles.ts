import path from 'node:path';

/** Where the stand-in keeps its data under a data directory. */
export const exportDirOf = (dataDir: string) => path.join(dataDir, 'labour', 'export');
/** The query API's own store: the employment facts per card, as the API serves them. */
export const cardStoreOf = (dataDir: string) => path.join(dataDir, 'labour', 'api', 'cards.json');
/** Where the business API keeps its journal when the run names no state directory: beside the API's store. */
export const defaultStateDirOf = (dataDir: string) => path.join(dataDir, 'labour', 'api');
/** The business API's journal (业务流水): every business number with its answer and the card it changed. */
export const businessJournalIn = (stateDir: string) => path.join(stateDir, 'business.jsonl');
