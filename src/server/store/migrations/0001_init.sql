-- Rove's first schema: branches and their topics, people and devices, help requests,
-- the action log for opId replay, and the event log every stream reads from.

CREATE TABLE branches (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE skills (
  id text PRIMARY KEY,
  label text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE topics (
  branch_id text NOT NULL REFERENCES branches (id),
  id text NOT NULL,
  label text NOT NULL,
  skill text NOT NULL REFERENCES skills (id),
  icon text NOT NULL,
  position integer NOT NULL,
  hidden boolean NOT NULL DEFAULT false,
  PRIMARY KEY (branch_id, id)
);

CREATE TABLE admins (
  username text PRIMARY KEY,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The one-time link printed at first start when no admin exists; only its SHA-256 is kept.
CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  pin_hash text NOT NULL,
  skills jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true,
  -- Wrong PINs in a row, and until when sign-in is refused after too many.
  failed_pins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_branches (
  staff_id text NOT NULL REFERENCES staff (id),
  branch_id text NOT NULL REFERENCES branches (id),
  PRIMARY KEY (staff_id, branch_id)
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('kiosk', 'tablet')),
  branch_id text NOT NULL REFERENCES branches (id),
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE enrollments (
  code_hash text PRIMARY KEY,
  branch_id text NOT NULL REFERENCES branches (id),
  kind text NOT NULL,
  label text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Admin sessions (admin_username) and staff sessions (staff_id on device_id).
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('admin', 'staff')),
  admin_username text REFERENCES admins (username),
  staff_id text REFERENCES staff (id),
  device_id text REFERENCES devices (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_staff ON sessions (staff_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_device ON sessions (device_id) WHERE ended_at IS NULL;

CREATE TABLE requests (
  id uuid PRIMARY KEY,
  branch_id text NOT NULL REFERENCES branches (id),
  -- The kiosk that made it: decides who may follow and cancel it; never leaves the server.
  kiosk_id text NOT NULL REFERENCES devices (id),
  ticket text NOT NULL,
  ticket_day date NOT NULL,
  topic_id text NOT NULL,
  skill text NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'claimed', 'serving', 'done', 'cancelled')),
  name text,
  note text,
  needs jsonb NOT NULL DEFAULT '[]',
  claimed_by_id text,
  claimed_by_name text,
  handoff jsonb,
  outcome text,
  effort integer,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  served_at timestamptz,
  closed_at timestamptz,
  UNIQUE (branch_id, ticket_day, ticket)
);
CREATE INDEX requests_open ON requests (branch_id, created_at)
  WHERE status IN ('waiting', 'claimed', 'serving');
CREATE INDEX requests_kiosk ON requests (kiosk_id, created_at);
CREATE INDEX requests_closed ON requests (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE ticket_counters (
  branch_id text NOT NULL,
  day date NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (branch_id, day)
);

-- What each action (opId) answered, so a replay answers the same and changes nothing.
CREATE TABLE ops (
  op_id uuid PRIMARY KEY,
  actor text NOT NULL,
  status integer NOT NULL,
  -- The answer's exact JSON text, so a replay is byte for byte the first answer.
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ops_created ON ops (created_at);

-- The event log. branch_id NULL: an event for every branch (e.g. a script was published).
-- kiosk_id: the one kiosk that also hears it; kiosks: every kiosk of the branch hears it.
CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL,
  branch_id text,
  kiosk_id text,
  kiosks boolean NOT NULL DEFAULT false,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_created ON events (created_at);

-- The newest seq removed from the log by the retention purge: a stream asking to resume
-- from before it gets a snapshot instead.
CREATE TABLE event_log_state (
  id integer PRIMARY KEY CHECK (id = 1),
  pruned_through bigint NOT NULL DEFAULT 0
);
INSERT INTO event_log_state (id, pruned_through) VALUES (1, 0);
