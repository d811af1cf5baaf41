// name: municipality_ties
// question: What are the alliances, ties and contacts (people who speak for it) of a municipality?
// param: municipality: str — municipality id (e.g. muni-huamanga)
// columns: type, direction, other, other_name, year, evidence
// direction: out = the municipality is the start of the stored relationship. People's names are not returned.
MATCH (m:Municipality {id: $municipality})
CALL (m) {
  MATCH (m)-[r]->(x) RETURN r, x, 'out' AS direction
  UNION ALL
  MATCH (m)<-[r]-(x) RETURN r, x, 'in' AS direction
}
WITH r, x, direction WHERE type(r) <> 'LOCATED_IN'
RETURN type(r) AS type, direction, x.id AS other, CASE WHEN x:Person THEN null ELSE x.name END AS other_name,
       r.year AS year, r.evidence AS evidence
ORDER BY type, other, direction, r.key
