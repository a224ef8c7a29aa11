-- What the supervisor's service report needs that a request's current row forgets: when it was
-- first claimed (a release or hand-off clears claimed_at), who cancelled it, and the skills it
-- was handed on to. None of it is patron text, so the retention purge leaves it alone.

ALTER TABLE requests ADD COLUMN first_claimed_at timestamptz;
-- 'kiosk' or 'staff'; NULL on requests cancelled before this column existed (shown as unknown).
ALTER TABLE requests ADD COLUMN cancelled_by text CHECK (cancelled_by IN ('kiosk', 'staff'));
-- The skill of each transfer, in order: its length is the number of hand-offs.
ALTER TABLE requests ADD COLUMN handoff_skills jsonb NOT NULL DEFAULT '[]';

-- Older rows: the claim we still know of is the best guess at the first one, and a request
-- with a hand-off note was handed on at least once, last to the skill it has now.
UPDATE requests SET first_claimed_at = claimed_at WHERE claimed_at IS NOT NULL;
UPDATE requests SET handoff_skills = jsonb_build_array(skill) WHERE handoff IS NOT NULL;

-- The report reads one branch's requests made in a range of days.
CREATE INDEX requests_branch_created ON requests (branch_id, created_at);
