/** What the last read of an entity's CODEOWNERS found: the file (or none), or why it could not be read. */
export interface StoredCodeowners {
  entityRef: string;
  url?: string;
  etag?: string;
  content?: string;
  /** The entity's directory in the repository. */
  path: string;
  readAt: string;
  error?: string;
}

/** The last read of each entity's CODEOWNERS file. Entity refs compare case-insensitively. */
export interface CodeownersStore {
  /** Replaces what is stored for the entity. */
  save(stored: StoredCodeowners): Promise<void>;
  /** A failed read keeps the file found before: only the error and its time change. */
  saveError(entityRef: string, path: string, error: string, readAt: string): Promise<void>;
  get(entityRef: string): Promise<StoredCodeowners | undefined>;
  /** Every entity's, by entity ref key. */
  all(): Promise<Map<string, StoredCodeowners>>;
}
