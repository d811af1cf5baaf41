// name: regions_without_national_network
// question: Which regions have no organization or municipality with a tie to a national network?
// columns: id, name
MATCH (r:Region)
WHERE NOT EXISTS {
  MATCH (o)-[t]-(n:Network)
  WHERE (o:Organization OR o:Municipality) AND o.region = r.id AND o <> n
    AND n.scope = 'national' AND type(t) IN ['MEMBER_OF', 'PART_OF', 'FOUNDED', 'ALLIED_WITH', 'COORDINATES_WITH', 'SUPPORTS', 'WORKS_WITH', 'PARTICIPATES_IN', 'SHARES_CONTACT']
}
RETURN r.id AS id, r.name AS name
ORDER BY id
