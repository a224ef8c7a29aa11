-- The floor (docs/API.md, "The floor"): where staff are and what they are doing, the places of
-- a branch, and long waits raised to staff.

-- A branch's zones (places on the floor, in the supervisor's order) and how long a request may
-- wait before staff are alerted (0: never).
ALTER TABLE branches ADD COLUMN zones jsonb NOT NULL DEFAULT '[]';
ALTER TABLE branches ADD COLUMN escalate_after_seconds integer NOT NULL DEFAULT 180
  CHECK (escalate_after_seconds >= 0);

-- A kiosk's place on the floor; its requests carry it. Also on the enrollment that makes it.
ALTER TABLE devices ADD COLUMN zone text;
ALTER TABLE enrollments ADD COLUMN zone text;

-- The languages a person speaks (BCP 47 tags).
ALTER TABLE staff ADD COLUMN languages jsonb NOT NULL DEFAULT '[]';

-- Since when a request has waited this time (made, released, handed on), how many long-wait
-- alerts that wait has raised, and when the last was. The escalation check's condition is
-- "the next alert is due", so each alert is one UPDATE that only one process can win.
ALTER TABLE requests ADD COLUMN waiting_since timestamptz;
ALTER TABLE requests ADD COLUMN escalations integer NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN escalated_at timestamptz;
UPDATE requests SET waiting_since = created_at WHERE status = 'waiting';
CREATE INDEX requests_waiting ON requests (waiting_since) WHERE status = 'waiting';
-- Who holds what: `busy` on the floor.
CREATE INDEX requests_held ON requests (claimed_by_id) WHERE status IN ('claimed', 'serving');

-- One row per person who has ever signed in on a tablet: `on_floor` while they are signed in
-- (at `branch_id`); the row stays after, so the next sign-in finds their last zone.
CREATE TABLE presence (
  staff_id text PRIMARY KEY REFERENCES staff (id),
  branch_id text NOT NULL REFERENCES branches (id),
  on_floor boolean NOT NULL DEFAULT true,
  state text NOT NULL DEFAULT 'available' CHECK (state IN ('available', 'break', 'away')),
  zone text,
  since timestamptz NOT NULL DEFAULT now(),
  -- When a stream of theirs was last known open; `silent` once that is 2 minutes old.
  heard_at timestamptz NOT NULL DEFAULT now(),
  silent boolean NOT NULL DEFAULT false
);
CREATE INDEX presence_floor ON presence (branch_id) WHERE on_floor;
