// name: ties_by_year
// question: How many ties of each type does the report date to each year?
// columns: year, type, ties
MATCH (a)-[r]->(b)
WHERE (a:Organization OR a:Municipality) AND (b:Organization OR b:Municipality)
  AND type(r) IN ['MEMBER_OF', 'PART_OF', 'FOUNDED', 'ALLIED_WITH', 'COORDINATES_WITH', 'SUPPORTS', 'WORKS_WITH', 'PARTICIPATES_IN', 'SHARES_CONTACT'] AND r.year IS NOT NULL
RETURN r.year AS year, type(r) AS type, count(*) AS ties
ORDER BY year, type
