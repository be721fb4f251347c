// The Subledger database (Dexie over IndexedDB): typed tables and every schema version with its
// upgrade. Version 1 kept a note as plain text on the flag row; version 2 gives notes their own
// table with history (moveNotesOffFlags); version 3 moves every record onto the item's own key
// (key-upgrade.ts moveRecordsToItemKeys). Never delete a version that has an upgrade.
// At the latest version every write is checked against the records' schemas (record-guard.ts).
import { Dexie, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import { moveRecordsToItemKeys } from './key-upgrade';
import { DamagedRecords, recordGuard } from './record-guard';
import type { RecordProblem } from './record-problems';
import { splitSettingsLanguage } from './settings-upgrade';
import type {
  AdministrationRow,
  AgreementRow,
  FlagRow,
  FollowUpRow,
  ImportRow,
  LedgerChunkRow,
  LedgerHeadRow,
  MappingRow,
  NoteRow,
  PaymentBatchRow,
  SettingsRow,
  SheetStateRow,
  SyncLogRow,
} from './records';

export const DEFAULT_DB_NAME = 'subledger';

/** A version-1 flag row: the note lived here. */
export interface FlagRowV1 extends FlagRow {
  note?: string;
  noteAt?: number;
}

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      administrations: '&id, name',
      imports: '++id, adminId, [adminId+importedAt]',
      ledgerHeads: '&adminId',
      ledgerChunks: '[adminId+generation+seq], [adminId+generation], adminId',
      flags: '[adminId+itemKey], adminId, [adminId+partyKey]',
      followUps: '&id, adminId, [adminId+itemKey], [adminId+partyKey], [adminId+done+dueDate]',
      agreements: '&id, adminId, [adminId+itemKey], [adminId+partyKey], [adminId+promisedDate]',
      mappings: '&signature',
      settings: '&adminId',
      paymentBatches: '&batchId, adminId, [adminId+createdAt]',
      syncLog: '++id, adminId, [adminId+at]',
      sheetState: '&adminId',
    },
  },
  {
    version: 2,
    stores: { notes: '[adminId+itemKey], adminId, [adminId+partyKey]' },
    upgrade: moveNotesOffFlags,
  },
  {
    version: 3,
    stores: {},
    upgrade: (tx) => moveRecordsToItemKeys(tx),
  },
  {
    version: 4,
    stores: {},
    upgrade: splitSettingsLanguage,
  },
];

export const LATEST_VERSION = 4;

/** v1 → v2: every non-empty note on a flag row becomes a row of `notes`; the flag keeps the rest. */
async function moveNotesOffFlags(tx: Transaction): Promise<void> {
  const flags = tx.table<FlagRowV1, [string, string]>('flags');
  const withNotes = await flags.filter((f) => typeof f.note === 'string' && f.note !== '').toArray();
  await tx.table<NoteRow, [string, string]>('notes').bulkPut(withNotes.map(noteFromV1Flag));
  await flags.toCollection().modify((flag: FlagRowV1) => {
    delete flag.note;
    delete flag.noteAt;
  });
}

function noteFromV1Flag(flag: FlagRowV1): NoteRow {
  const at = flag.noteAt ?? flag.updatedAt;
  const note: NoteRow = {
    adminId: flag.adminId,
    itemKey: flag.itemKey,
    text: flag.note ?? '',
    createdAt: at,
    editedAt: at,
    by: 'pane',
    history: [],
  };
  if (flag.partyKey !== undefined) note.partyKey = flag.partyKey;
  return note;
}

export interface SubledgerDbOptions {
  /** An IndexedDB implementation (fake-indexeddb in tests); the browser's by default. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** Open at an older schema version (tests of the upgrade path). */
  upToVersion?: number;
  /**
   * Another pane opened the database at a newer version (or deleted it): this connection has been
   * closed; the UI should tell the user and reload.
   */
  onVersionChange?: (newVersion: number | null) => void;
  /** A read found records that are not valid (left out of what it returns): tell the user. */
  onDamagedRecords?: (problems: RecordProblem[]) => void;
}

export class SubledgerDb extends Dexie {
  administrations!: EntityTable<AdministrationRow, 'id'>;
  imports!: EntityTable<ImportRow, 'id'>;
  ledgerHeads!: EntityTable<LedgerHeadRow, 'adminId'>;
  ledgerChunks!: Table<LedgerChunkRow, [string, string, number]>;
  flags!: Table<FlagRow, [string, string]>;
  notes!: Table<NoteRow, [string, string]>;
  followUps!: EntityTable<FollowUpRow, 'id'>;
  agreements!: EntityTable<AgreementRow, 'id'>;
  mappings!: EntityTable<MappingRow, 'signature'>;
  settings!: EntityTable<SettingsRow, 'adminId'>;
  paymentBatches!: EntityTable<PaymentBatchRow, 'batchId'>;
  syncLog!: EntityTable<SyncLogRow, 'id'>;
  sheetState!: EntityTable<SheetStateRow, 'adminId'>;
  /** The records reads found damaged since the database was opened. */
  readonly damaged = new DamagedRecords();

  constructor(name: string = DEFAULT_DB_NAME, options: SubledgerDbOptions = {}) {
    const dexieOptions: DexieOptions = {};
    if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
    super(name, dexieOptions);
    const upTo = options.upToVersion ?? LATEST_VERSION;
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= upTo)) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    if (upTo === LATEST_VERSION) this.use(recordGuard);
    if (options.onDamagedRecords) this.damaged.listen(options.onDamagedRecords);
    this.on('versionchange', (event: IDBVersionChangeEvent) => {
      this.close();
      options.onVersionChange?.(event.newVersion);
      return false;
    });
  }
}
