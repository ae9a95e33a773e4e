import path from 'node:path';

/** Where the stand-in keeps its data under a data directory. */
export const exportDirOf = (dataDir: string) => path.join(dataDir, 'labour', 'export');
/** The query API's own store: the employment facts per card, as the API serves them. */
export const cardStoreOf = (dataDir: string) => path.join(dataDir, 'labour', 'api', 'cards.json');
/** The business API's journal (业务流水): every business number with its answer and the card it changed. */
export const businessJournalOf = (dataDir: string) => path.join(dataDir, 'labour', 'api', 'business.jsonl');
