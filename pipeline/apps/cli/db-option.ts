import { DEFAULT_DB } from '../../store/read/open.js';

/** --db, spelled and defaulted the same way by every command that reads the database. */
export const DB_OPTION = { db: { type: 'string', default: DEFAULT_DB } } as const;
export const DB_HELP = `  --db <path>              the database to read (default: ${DEFAULT_DB}, where ingest writes)`;
export const FORMAT_HELP = `  --format <f>             table (default), csv or json`;
