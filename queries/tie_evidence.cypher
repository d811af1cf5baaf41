// name: tie_evidence
// question: What evidence (section, quote, year) backs every tie of an organization?
// param: id: str — organization id (e.g. gresp)
// columns: type, direction, other, section, quote, year, evidence
MATCH (o:Organization {id: $id})
CALL (o) {
  MATCH (o)-[r]->(x) RETURN r, x, 'out' AS direction
  UNION ALL
  MATCH (o)<-[r]-(x) RETURN r, x, 'in' AS direction
}
WITH r, x, direction WHERE type(r) <> 'LOCATED_IN'
RETURN type(r) AS type, direction, x.id AS other, r.section AS section, r.quote AS quote,
       r.year AS year, r.evidence AS evidence
ORDER BY type, other, direction, r.key
