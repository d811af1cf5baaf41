// name: shared_interviewees
// question: Which pairs of organizations share an interviewee (one person speaks for both)?
// columns: person, organization, other
MATCH (a:Organization)<-[:REPRESENTS]-(p:Person)-[:REPRESENTS]->(b:Organization)
WHERE a.id < b.id
RETURN DISTINCT p.id AS person, a.id AS organization, b.id AS other
ORDER BY person, organization, other
