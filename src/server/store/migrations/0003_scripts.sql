-- Greeter scripts: one row per script saying which version is newest and which devices show,
-- and every saved version's content (title, purpose, tags, topicIds, steps, levels) as JSON.
-- Scripts hold no patron data and are shared by every branch.

CREATE TABLE scripts (
  id text PRIMARY KEY,
  latest_version integer NOT NULL CHECK (latest_version >= 1),
  published_version integer CHECK (published_version >= 1 AND published_version <= latest_version),
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE script_versions (
  script_id text NOT NULL REFERENCES scripts (id),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  -- Who saved it ('admin:<username>' or 'seed'); shown to nobody but kept for the record.
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (script_id, version)
);
