// name: orgs_by_macro_region
// question: Which organizations belong to a macro-region (by the report's table or by their region)?
// param: macro_region: str — macro-region id (e.g. sur)
// columns: id, name, region
MATCH (o:Organization)
WHERE o.macro_region = $macro_region
   OR EXISTS { MATCH (r:Region) WHERE r.id = o.region AND r.macro_region = $macro_region }
RETURN o.id AS id, o.name AS name, o.region AS region
ORDER BY id
