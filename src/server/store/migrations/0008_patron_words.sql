-- Patrons' own words (a name, a note, a hand-off note between colleagues) move to one small
-- table of their own, and only there: the retention purge deletes its rows and rewrites it
-- (VACUUM FULL), so purged words are gone from the table files, not merely NULL
-- (docs/SECURITY.md, "Patron text and the purge"). Requests, the event log and the stored
-- answers of replayed writes keep the shape of a request, never its words.
CREATE TABLE patron_words (
  request_id uuid PRIMARY KEY REFERENCES requests (id),
  name text,
  note text,
  handoff_note text
);
-- ANALYZE must not copy sample values of the words into pg_statistic.
ALTER TABLE patron_words ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE patron_words ALTER COLUMN note SET STATISTICS 0;
ALTER TABLE patron_words ALTER COLUMN handoff_note SET STATISTICS 0;

INSERT INTO patron_words (request_id, name, note, handoff_note)
  SELECT id, name, note, handoff->>'note' FROM requests
   WHERE name IS NOT NULL OR note IS NOT NULL OR handoff->>'note' IS NOT NULL;

ALTER TABLE requests DROP COLUMN name;
ALTER TABLE requests DROP COLUMN note;
UPDATE requests SET handoff = handoff - 'note' WHERE handoff ? 'note';

UPDATE events SET payload = payload #- '{request,name}' #- '{request,note}' #- '{request,handoff,note}'
 WHERE kind = 'request';
UPDATE ops SET body = ((body::jsonb) #- '{request,name}' #- '{request,note}' #- '{request,handoff,note}')::text
 WHERE body::jsonb ? 'request';
