-- A supervisor (the admin account) may cancel a request too (docs/API.md, "Help requests"):
-- the report counts those with staff, so it still says kiosk (the patron) or staff.
ALTER TABLE requests DROP CONSTRAINT IF EXISTS requests_cancelled_by_check;
ALTER TABLE requests ADD CONSTRAINT requests_cancelled_by_check
  CHECK (cancelled_by IN ('kiosk', 'staff', 'admin'));
