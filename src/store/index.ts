// The store's public face for the task pane and the Excel layer: the database class and every
// repository function (each a plain async function taking the db, cheap enough for useLiveQuery).
export { SubledgerDb, DEFAULT_DB_NAME, LATEST_VERSION, type SubledgerDbOptions } from './db';
export type * from './records';
export * from './administrations';
export * from './agreements';
export * from './annotations';
export * from './backup';
export * from './flags';
export * from './followups';
export * from './item-ref';
export * from './ledger-cache';
export * from './mappings';
export * from './notes';
export * from './payments';
export * from './settings';
export * from './sheet-sync';
export * from './sync-log';
