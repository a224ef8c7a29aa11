-- Skills, languages and translations are the library's own (docs/API.md, "Skills" and
-- "Languages"): supervisors name and retire skills, choose the languages a branch's kiosks
-- offer, and write a topic's label in each of them.

-- A retired skill stays (topics, people and past requests name it) but is given to no one new.
ALTER TABLE skills ADD COLUMN retired boolean NOT NULL DEFAULT false;

-- The languages a branch's kiosks offer (BCP 47 tags), the first its default. Every branch
-- spoke English only before this.
ALTER TABLE branches ADD COLUMN languages jsonb NOT NULL DEFAULT '["en"]';

-- A topic's label in other languages, by tag: {"es": "Computadoras, teléfonos e impresión"}.
ALTER TABLE topics ADD COLUMN labels jsonb NOT NULL DEFAULT '{}';
