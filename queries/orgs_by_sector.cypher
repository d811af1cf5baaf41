// name: orgs_by_sector
// question: Which organizations work in an ESSGlobal activity sector, as primary or additional sector?
// param: sector: str — ESSGlobal activity code (e.g. a01)
// columns: id, name, primary
MATCH (o:Organization)
WHERE o.sector = $sector OR $sector IN coalesce(o.sectors_additional, [])
RETURN o.id AS id, o.name AS name, coalesce(o.sector = $sector, false) AS primary
ORDER BY id
