-- The patron's side (docs/API.md, "The patron's side"): paging a patron at the kiosk, notices to
-- waiting patrons, following a request on a phone, and a word back.

-- While the claimer pages the patron at the kiosk; when the patron answered; when the patron
-- first opened their follow link (staff: "may be browsing nearby").
ALTER TABLE requests ADD COLUMN paged_at timestamptz;
ALTER TABLE requests ADD COLUMN patron_here_at timestamptz;
ALTER TABLE requests ADD COLUMN followed_at timestamptz;

-- A short notice to a branch's kiosks and follow pages, until `until` (at most a day).
CREATE TABLE notices (
  id uuid PRIMARY KEY,
  branch_id text NOT NULL REFERENCES branches (id),
  text text NOT NULL,
  until timestamptz NOT NULL,
  by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz
);
CREATE INDEX notices_current ON notices (branch_id, until) WHERE withdrawn_at IS NULL;

-- A patron's follow links: only the SHA-256 of each token. Dead an hour after the request ends;
-- the purge deletes them.
CREATE TABLE follow_tokens (
  token_hash text PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX follow_tokens_request ON follow_tokens (request_id);

-- How well we did and how much it mattered (1..5 each): once per request.
CREATE TABLE feedback (
  request_id uuid PRIMARY KEY REFERENCES requests (id),
  satisfaction integer NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  importance integer CHECK (importance BETWEEN 1 AND 5),
  created_at timestamptz NOT NULL DEFAULT now()
);
