import type { Pool, PoolClient } from 'pg';

/**
 * The schema, as numbered migrations, the same tables and indexes as the SQLite store's. The
 * `parley_schema_migrations` table records each version applied; a migration runs in its own
 * transaction together with its row there, so a crash mid-upgrade leaves the previous version.
 * Append new migrations; never edit a released one.
 *
 * Times are ISO 8601 UTC text as the server writes them (`Date#toISOString()`), not
 * `timestamptz`: they are compared as text, and the archive's `at` is hashed as that exact
 * string. Every text column is `COLLATE "C"` (byte order, as SQLite's BINARY), so ordering and
 * range checks on ids and times do not depend on the database's default collation. Under en-US,
 * for example, 'cv_a…' sorts before 'cv_B…', and SQLite puts it after. JSON columns are `jsonb`:
 * only values are compared, and archive hashes are computed from the canonical form in
 * `archiveChain.ts`, never from what the database hands back (jsonb reorders keys).
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE handoffs (
    id TEXT COLLATE "C" PRIMARY KEY,
    code_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    state TEXT COLLATE "C" NOT NULL,
    channel TEXT COLLATE "C" NOT NULL,
    thread JSONB NOT NULL,
    customer_handle TEXT COLLATE "C" NOT NULL,
    locale TEXT COLLATE "C",
    note TEXT COLLATE "C",
    agent_id TEXT COLLATE "C",
    agent_name TEXT COLLATE "C",
    team TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    first_post_at TEXT COLLATE "C" NOT NULL,
    claimed_at TEXT COLLATE "C",
    claimed_by_id TEXT COLLATE "C",
    claimed_by_name TEXT COLLATE "C",
    conversation_id TEXT COLLATE "C"
  );
  CREATE INDEX handoffs_agent ON handoffs (agent_id, created_at);
  CREATE INDEX handoffs_team_state ON handoffs (team, state);
  CREATE INDEX handoffs_pending_expiry ON handoffs (state, expires_at);
  CREATE INDEX handoffs_conversation ON handoffs (conversation_id);
  CREATE INDEX handoffs_claimant ON handoffs (claimed_by_id);
  -- Unfiltered listings are newest first.
  CREATE INDEX handoffs_created ON handoffs (created_at, id);

  CREATE TABLE conversations (
    id TEXT COLLATE "C" PRIMARY KEY,
    channel TEXT COLLATE "C" NOT NULL,
    team TEXT COLLATE "C" NOT NULL,
    handoff_id TEXT COLLATE "C",
    public_thread JSONB NOT NULL,
    customer_id TEXT COLLATE "C" NOT NULL,
    customer_name TEXT COLLATE "C" NOT NULL,
    customer_phone TEXT COLLATE "C",
    customer_locale TEXT COLLATE "C",
    customer_social_handle TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    state TEXT COLLATE "C" NOT NULL,
    agent_id TEXT COLLATE "C",
    agent_name TEXT COLLATE "C",
    fallback_at TEXT COLLATE "C",
    queued_at TEXT COLLATE "C",
    closed_at TEXT COLLATE "C",
    closed_by TEXT COLLATE "C",
    sla_started_at TEXT COLLATE "C" NOT NULL,
    sla_deadline TEXT COLLATE "C" NOT NULL,
    first_reply_at TEXT COLLATE "C",
    last_seq INTEGER NOT NULL,
    last_message_at TEXT COLLATE "C",
    last_activity_at TEXT COLLATE "C" NOT NULL,
    customer_read_seq INTEGER NOT NULL,
    agent_read_seq INTEGER NOT NULL
  );
  CREATE INDEX conversations_agent_state ON conversations (agent_id, state);
  CREATE INDEX conversations_queue ON conversations (team, state, queued_at, id);
  CREATE INDEX conversations_state_fallback ON conversations (state, fallback_at);
  CREATE INDEX conversations_state_activity ON conversations (state, last_activity_at);
  CREATE INDEX conversations_state_closed ON conversations (state, closed_at);
  CREATE INDEX conversations_customer ON conversations (customer_id);
  CREATE INDEX conversations_created ON conversations (created_at, id);

  CREATE TABLE messages (
    conversation_id TEXT COLLATE "C" NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    client_msg_id TEXT COLLATE "C",
    kind TEXT COLLATE "C" NOT NULL,
    sender JSONB NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    redactions JSONB NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, client_msg_id)
  );

  CREATE TABLE archive (
    conversation_id TEXT COLLATE "C" NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    at TEXT COLLATE "C" NOT NULL,
    actor JSONB NOT NULL,
    seq INTEGER,
    text TEXT COLLATE "C",
    text_mac TEXT COLLATE "C",
    data JSONB NOT NULL,
    hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (conversation_id, idx)
  );
  -- Entries are written once; the chain would expose an edit anyway, this refuses it up front.
  CREATE FUNCTION archive_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the archive is append-only';
  END;
  $$;
  CREATE TRIGGER archive_append_only BEFORE UPDATE ON archive
    FOR EACH ROW EXECUTE FUNCTION archive_refuse_update();

  CREATE TABLE callbacks (
    id TEXT COLLATE "C" PRIMARY KEY,
    conversation_id TEXT COLLATE "C" REFERENCES conversations (id) ON DELETE CASCADE,
    customer_id TEXT COLLATE "C" NOT NULL,
    customer_name TEXT COLLATE "C" NOT NULL,
    phone TEXT COLLATE "C" NOT NULL,
    window_from TEXT COLLATE "C" NOT NULL,
    window_to TEXT COLLATE "C" NOT NULL,
    window_time_zone TEXT COLLATE "C" NOT NULL,
    note TEXT COLLATE "C",
    state TEXT COLLATE "C" NOT NULL,
    team TEXT COLLATE "C" NOT NULL,
    agent_id TEXT COLLATE "C",
    requested_by TEXT COLLATE "C" NOT NULL,
    scheduled_for TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX callbacks_team_state ON callbacks (team, state, created_at);
  CREATE INDEX callbacks_customer ON callbacks (customer_id);
  CREATE INDEX callbacks_conversation ON callbacks (conversation_id);

  CREATE TABLE surveys (
    conversation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    customer_id TEXT COLLATE "C" NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT COLLATE "C",
    agent_id TEXT COLLATE "C",
    agent_name TEXT COLLATE "C",
    channel TEXT COLLATE "C" NOT NULL,
    submitted_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX surveys_submitted ON surveys (submitted_at);
  CREATE INDEX surveys_customer ON surveys (customer_id);

  CREATE TABLE legal_holds (
    id TEXT COLLATE "C" PRIMARY KEY,
    customer_id TEXT COLLATE "C" NOT NULL,
    reason TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    released_at TEXT COLLATE "C",
    released_by TEXT COLLATE "C"
  );
  CREATE INDEX legal_holds_customer ON legal_holds (customer_id, released_at);

  CREATE TABLE audit (
    id TEXT COLLATE "C" PRIMARY KEY,
    at TEXT COLLATE "C" NOT NULL,
    actor_id TEXT COLLATE "C" NOT NULL,
    actor_role TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL,
    request_id TEXT COLLATE "C"
  );
  CREATE INDEX audit_at ON audit (at, id);

  CREATE TABLE service_keys (
    id TEXT COLLATE "C" PRIMARY KEY,
    key_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    name TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
  );

  CREATE TABLE denied_subjects (
    sub TEXT COLLATE "C" PRIMARY KEY,
    denied_at TEXT COLLATE "C" NOT NULL
  );
  `,
  // 2: every message moves `last_activity_at`, and an index on it made each of those updates
  // rewrite an index entry (on PostgreSQL, an entry in every index of the table: no HOT update).
  // The idle sweep, once a minute, reads open conversations by state and filters them instead.
  `
  DROP INDEX conversations_state_activity;
  -- Leave room on each page, so that updating a conversation can keep the row on its page.
  ALTER TABLE conversations SET (fillfactor = 80);
  `,
];

/**
 * The advisory lock key that serializes migrations: 'parley' in ASCII, as a bigint. Advisory
 * locks are per database, so nodes of one deployment share it and other databases are unaffected.
 */
const MIGRATION_LOCK_KEY = '123563833845113';

/** The version table, created under the lock: concurrent `CREATE TABLE IF NOT EXISTS` can race. */
const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS parley_schema_migrations (
  version INTEGER PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * Brings the schema up to date. Safe to run on every start and from several nodes at once: the
 * first to take the advisory lock applies what is missing, and the others wait for it, then find
 * nothing left to do.
 *
 * @example
 * await runMigrations(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 */
export async function runMigrations(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await applyPending(client);
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    client.release();
  } catch (error) {
    // Closing the connection ends its session, which rolls back a half-applied migration and
    // releases the session-level lock, so a waiting node is never stuck behind a failed one.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

async function applyPending(client: PoolClient): Promise<void> {
  await client.query(VERSION_TABLE);
  const latest = MIGRATIONS.length;
  const { rows } = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM parley_schema_migrations',
  );
  const current = rows[0]?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database is at schema version ${current}, newer than this Parley (${latest}); upgrade Parley.`,
    );
  }
  for (let version = current + 1; version <= latest; version++) {
    await client.query('BEGIN');
    await client.query(MIGRATIONS[version - 1] ?? '');
    await client.query('INSERT INTO parley_schema_migrations (version) VALUES ($1)', [version]);
    await client.query('COMMIT');
  }
}
