-- The store keeps what an action did in its own terms ('done' or 'refused'), not the HTTP status
-- a route answered: the routes turn outcomes into statuses (docs/API.md, "Actions"). Kept
-- refusals still hold their old error body; the store reads either shape.
ALTER TABLE ops ADD COLUMN outcome text;
UPDATE ops SET outcome = CASE WHEN status = 200 THEN 'done' ELSE 'refused' END;
ALTER TABLE ops ALTER COLUMN outcome SET NOT NULL;
ALTER TABLE ops ADD CONSTRAINT ops_outcome CHECK (outcome IN ('done', 'refused'));
ALTER TABLE ops DROP COLUMN status;
