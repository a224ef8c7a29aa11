-- Walk-ups: requests staff start for a patron in front of them (a greeter sending for a
-- specialist, a rover taking it on at once) and questions answered on the spot, recorded as
-- requests already done. A walk-up has no kiosk; it remembers who started it instead.

ALTER TABLE requests ALTER COLUMN kiosk_id DROP NOT NULL;
-- 'kiosk' or 'walk-up'. Every request made before this migration came from a kiosk.
ALTER TABLE requests ADD COLUMN origin text NOT NULL DEFAULT 'kiosk'
  CHECK (origin IN ('kiosk', 'walk-up'));
-- The staff member who started a walk-up, and their name then (as claimed_by_name).
ALTER TABLE requests ADD COLUMN created_by_id text;
ALTER TABLE requests ADD COLUMN created_by_name text;
-- The patron's language (a BCP 47 tag) and the place on the floor they are: not patron text.
ALTER TABLE requests ADD COLUMN language text;
ALTER TABLE requests ADD COLUMN zone text;
-- How long an on-the-spot answer took, as the rover said (minutes).
ALTER TABLE requests ADD COLUMN minutes integer CHECK (minutes > 0);
-- A walk-up left for someone else at some point: sent to the queue (not taken at once),
-- handed on with transfer, or claimed by anyone but the one who started it. The report's
-- byOrigin.handOff counts these (docs/API.md "Service report").
ALTER TABLE requests ADD COLUMN handed_off boolean NOT NULL DEFAULT false;

-- A kiosk request has its kiosk; a walk-up has its maker and no kiosk.
ALTER TABLE requests ADD CONSTRAINT requests_made_by CHECK (
  (origin = 'kiosk' AND kiosk_id IS NOT NULL)
  OR (origin = 'walk-up' AND kiosk_id IS NULL AND created_by_id IS NOT NULL));
