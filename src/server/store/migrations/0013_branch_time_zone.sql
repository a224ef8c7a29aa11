-- A branch's own time zone (docs/API.md, "Branches, staff, skills"): an IANA name such as
-- "America/Toronto", or NULL when the supervisor has not set one. The service report and the
-- CSV export count days and hours, and write times, on that zone's clock unless asked for
-- another; a branch without one is reported in UTC.
ALTER TABLE branches ADD COLUMN time_zone text;
