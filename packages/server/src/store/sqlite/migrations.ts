import type Database from 'better-sqlite3';

/**
 * The schema, as numbered migrations. `PRAGMA user_version` records the last one applied; each
 * runs in its own transaction together with the version bump, so a crash mid-upgrade leaves the
 * file at the previous version. Append new migrations; never edit a released one.
 *
 * Times are ISO 8601 UTC text as the server writes them (`Date#toISOString()`), which sorts
 * correctly as text. JSON columns (threads, senders, redactions, archive data) are TEXT.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE handoffs (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    channel TEXT NOT NULL,
    thread TEXT NOT NULL,
    customer_handle TEXT NOT NULL,
    locale TEXT,
    note TEXT,
    agent_id TEXT,
    agent_name TEXT,
    team TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    first_post_at TEXT NOT NULL,
    claimed_at TEXT,
    claimed_by_id TEXT,
    claimed_by_name TEXT,
    conversation_id TEXT
  );
  CREATE INDEX handoffs_agent ON handoffs (agent_id, created_at);
  CREATE INDEX handoffs_team_state ON handoffs (team, state);
  CREATE INDEX handoffs_pending_expiry ON handoffs (state, expires_at);
  CREATE INDEX handoffs_conversation ON handoffs (conversation_id);
  CREATE INDEX handoffs_claimant ON handoffs (claimed_by_id);

  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    team TEXT NOT NULL,
    handoff_id TEXT,
    public_thread TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    customer_phone TEXT,
    customer_locale TEXT,
    customer_social_handle TEXT,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL,
    agent_id TEXT,
    agent_name TEXT,
    fallback_at TEXT,
    queued_at TEXT,
    closed_at TEXT,
    closed_by TEXT,
    sla_started_at TEXT NOT NULL,
    sla_deadline TEXT NOT NULL,
    first_reply_at TEXT,
    last_seq INTEGER NOT NULL,
    last_message_at TEXT,
    last_activity_at TEXT NOT NULL,
    customer_read_seq INTEGER NOT NULL,
    agent_read_seq INTEGER NOT NULL
  );
  CREATE INDEX conversations_agent_state ON conversations (agent_id, state);
  CREATE INDEX conversations_queue ON conversations (team, state, queued_at, id);
  CREATE INDEX conversations_state_fallback ON conversations (state, fallback_at);
  CREATE INDEX conversations_state_activity ON conversations (state, last_activity_at);
  CREATE INDEX conversations_state_closed ON conversations (state, closed_at);
  CREATE INDEX conversations_customer ON conversations (customer_id);

  CREATE TABLE messages (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    client_msg_id TEXT,
    kind TEXT NOT NULL,
    sender TEXT NOT NULL,
    text TEXT NOT NULL,
    redactions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, client_msg_id)
  );

  CREATE TABLE archive (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    seq INTEGER,
    text TEXT,
    text_mac TEXT,
    data TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (conversation_id, idx)
  );
  -- Entries are written once; the chain would expose an edit anyway, this refuses it up front.
  CREATE TRIGGER archive_append_only BEFORE UPDATE ON archive
  BEGIN SELECT RAISE(ABORT, 'the archive is append-only'); END;

  CREATE TABLE callbacks (
    id TEXT PRIMARY KEY,
    conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    window_from TEXT NOT NULL,
    window_to TEXT NOT NULL,
    window_time_zone TEXT NOT NULL,
    note TEXT,
    state TEXT NOT NULL,
    team TEXT NOT NULL,
    agent_id TEXT,
    requested_by TEXT NOT NULL,
    scheduled_for TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX callbacks_team_state ON callbacks (team, state, created_at);
  CREATE INDEX callbacks_customer ON callbacks (customer_id);
  CREATE INDEX callbacks_conversation ON callbacks (conversation_id);

  CREATE TABLE surveys (
    conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    customer_id TEXT NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT,
    agent_id TEXT,
    agent_name TEXT,
    channel TEXT NOT NULL,
    submitted_at TEXT NOT NULL
  );
  CREATE INDEX surveys_submitted ON surveys (submitted_at);
  CREATE INDEX surveys_customer ON surveys (customer_id);

  CREATE TABLE legal_holds (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    released_at TEXT,
    released_by TEXT
  );
  CREATE INDEX legal_holds_customer ON legal_holds (customer_id, released_at);

  CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    request_id TEXT
  );
  CREATE INDEX audit_at ON audit (at, id);

  CREATE TABLE service_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE denied_subjects (
    sub TEXT PRIMARY KEY,
    denied_at TEXT NOT NULL
  );
  `,
  // 2: every message moves `last_activity_at`, and an index on it made each of those updates
  // rewrite an index entry (on PostgreSQL, an entry in every index of the table: no HOT update).
  // The idle sweep, once a minute, reads open conversations by state and filters them instead.
  `
  DROP INDEX conversations_state_activity;
  `,
];

/**
 * Brings the schema up to date. Safe to run on every start and from several processes: the
 * version is re-read inside each write transaction, so a migration is applied exactly once.
 *
 * @example
 * runMigrations(openDatabase(file));
 */
export function runMigrations(db: Database.Database): void {
  const latest = MIGRATIONS.length;
  const current = userVersion(db);
  if (current > latest) {
    throw new Error(
      `The database is at schema version ${current}, newer than this Parley (${latest}); upgrade Parley.`,
    );
  }
  for (let version = current + 1; version <= latest; version++) {
    const sql = MIGRATIONS[version - 1] ?? '';
    db.transaction(() => {
      if (userVersion(db) >= version) return;
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}

function userVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}
