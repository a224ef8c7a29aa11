-- Where a branch's service desk is, in a few words a patron can follow ("on the ground floor,
-- left of the main doors"): the kiosk names it when it cannot reach staff. NULL: not written.
ALTER TABLE branches ADD COLUMN service_desk text;
