-- The jurisdiction index: where each resident and each dwelling is, as the grid survey
-- says. Department subgraphs read these two views (read-only) to decide whether a resident
-- or household is inside a caller's grids or community; nothing a request carries can
-- move anyone. They are this database's published contract: change them as an API.

-- One placement per canonical citizen ID (a person surveyed twice keeps the first row).
CREATE VIEW resident_placement AS
SELECT DISTINCT ON (r.canonical_citizen_id)
       r.canonical_citizen_id AS citizen_id, b.grid_id, g.community_id
FROM resident r
JOIN household h ON h.id = r.household_id
JOIN building b ON b.id = h.building_id
JOIN grid g ON g.id = b.grid_id
WHERE r.canonical_citizen_id IS NOT NULL
ORDER BY r.canonical_citizen_id, r.id;

-- A registered household's dwelling keeps its public-security household number as id.
CREATE VIEW household_placement AS
SELECT h.id AS household_id, b.grid_id, g.community_id
FROM household h
JOIN building b ON b.id = h.building_id
JOIN grid g ON g.id = b.grid_id;
