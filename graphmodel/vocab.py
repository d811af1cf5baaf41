"""Controlled vocabularies of the graph model, aligned with RIPESS's ESSGlobal.

Each vocabulary maps a code to its Spanish and English label. The codes of
ESSGlobal concepts are the ones of its SKOS files (``http://purl.org/essglobal/
standard/<scheme>/<code>``), so the data can be exchanged with other SSE maps.
Geographic scope and status follow Murmurations' vocabulary.

Examples
--------
>>> LEGAL_FORMS["L2"].es
'Cooperativa'
>>> SECTORS["a01"].en
'Agriculture and environment'
>>> ESSGLOBAL_BASE + ESSGLOBAL_SCHEMES["legal_form"] + "/L2"
'http://purl.org/essglobal/standard/legal-form/L2'
>>> sorted(SCOPES)
['international', 'local', 'national', 'regional']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

__all__ = [
    "Term",
    "Vocabulary",
    "ESSGLOBAL_BASE",
    "ESSGRAPH_BASE",
    "ESSGLOBAL_SCHEMES",
    "ORG_KINDS",
    "NETWORK_KINDS",
    "LEGAL_FORMS",
    "SECTORS",
    "THEMES",
    "QUALIFIERS",
    "MEMBERSHIP_BASES",
    "SCOPES",
    "STATUSES",
    "EVIDENCE",
    "evidence_counts",
    "CONFIRMATIONS",
    "MUNICIPALITY_LEVELS",
    "VOCABULARIES",
]

ESSGLOBAL_BASE = "http://purl.org/essglobal/standard/"
#: essgraph's own terms, for what the shared vocabularies have no word for (the predicates of
#: ties schema.org lacks: docs/formats.md lists them).
ESSGRAPH_BASE = "https://w3id.org/essgraph/"


@dataclass(frozen=True)
class Term:
    """One allowed value: its Spanish and English labels."""

    es: str
    en: str

    def label(self, lang: str) -> str:
        """Label in ``lang`` ('es' or 'en').

        >>> Term("Red", "Network").label("en")
        'Network'
        """
        return self.en if lang == "en" else self.es


Vocabulary = Mapping[str, Term]


def _v(**terms: tuple[str, str]) -> dict[str, Term]:
    return {code: Term(es, en) for code, (es, en) in terms.items()}


#: Kind of organization (essgraph's own list, mapped to ESSGlobal classes:
#: ``network``, ``platform`` and ``mesa`` are ``essglobal:Network``).
ORG_KINDS: dict[str, Term] = _v(
    initiative=("Iniciativa de ESS", "SSE initiative"),
    cooperative=("Cooperativa", "Cooperative"),
    federation=("Gremio / federación", "Federation"),
    union=("Sindicato", "Trade union"),
    ngo=("ONG", "NGO"),
    church_body=("Iglesia", "Church body"),
    media=("Medio de comunicación", "Media"),
    academic=("Academia / investigación", "Academic"),
    school=("Colegio", "School"),
    social_enterprise=("Empresa social", "Social enterprise"),
    company=("Empresa", "Company"),
    public_body=("Entidad pública", "Public body"),
    cooperation_agency=("Cooperación internacional", "International cooperation"),
    network=("Red", "Network"),
    platform=("Plataforma", "Platform"),
    mesa=("Mesa", "Roundtable (mesa)"),
)

#: Kinds whose organizations also carry the ``Network`` label.
NETWORK_KINDS: frozenset[str] = frozenset({"network", "platform", "mesa"})

#: ESSGlobal legal-form (``legal-form.skos``).
LEGAL_FORMS: dict[str, Term] = _v(
    L1=("Grupo informal", "Informal group"),
    L2=("Cooperativa", "Cooperative"),
    L3=("Empresa", "Company"),
    L4=("Organización sin fines de lucro", "Non-profit organisation"),
    L5=("Empresa social", "Social enterprise"),
)

#: ESSGlobal activities (``activities.skos``), used for primary and additional sectors.
SECTORS: dict[str, Term] = _v(
    a01=("Agricultura y medio ambiente", "Agriculture and environment"),
    a02=("Minería y canteras", "Mining and quarrying"),
    a03=("Producción industrial y artesanal", "Craftmanship and manufacturing"),
    a04=("Producción y distribución de energía", "Energy production and distribution"),
    a05=("Reciclaje, tratamiento de basura, ciclo del agua y restauración ecológica",
         "Recycling, waste treatment, water cycle and ecological restoration"),
    a06=("Construcción, trabajos públicos y restauración", "Construction, public works and refurbishing"),
    a07=("Distribución y comercialización", "Trade and distribution"),
    a08=("Transporte, logística y almacenamiento", "Transport, logistics and storage"),
    a09=("Restauración y hostelería", "Hospitality and food service activities"),
    a10=("Información, comunicación y tecnologías", "Information, communication and technologies"),
    a11=("Actividades financieras, de seguros y relacionados", "Financial, insurance and related activities"),
    a12=("Hábitat y vivienda", "Habitat and housing"),
    a13=("Actividades profesionales, científicas y técnicas", "Professional, scientific and technical activities"),
    a14=("Administración y gestión, turismo y alquiler", "Administration and management, tourism, rentals"),
    a15=("Administración pública y seguridad social", "Public administration and social security"),
    a16=("Educación y formación", "Education and training"),
    a17=("Servicios sociales, salud y empleo", "Social services, health and employment"),
    a18=("Arte, cultura, recreación y deporte", "Arts, culture, recreation and sports"),
    a19=("Actividades de organización social, mutualización y reparación",
         "Membership activities, repairing and wellness"),
    a20=("Actividades domésticas y de autoproducción", "Household activities, self-production, domestic work"),
    a21=("Diplomacia internacional y cooperación", "International diplomacy and cooperation"),
)

#: ESSGlobal themes (``themes.skos``).
THEMES: dict[str, Term] = _v(
    T1=("Ciudades en transición y derecho a la vivienda", "Transition towns and housing rights"),
    T2=("Soberanía alimentaria y agricultura campesina", "Food sovereignty and peasant farming"),
    T3=("Finanzas solidarias", "Social and solidarity finances"),
    T4=("Conceptos y valores sobre economía solidaria", "Concepts and values of solidarity economy"),
    T5=("Medio ambiente y bienes comunes", "Environment and commons"),
    T6=("Políticas públicas", "Public policies"),
    T7=("Cultura y conocimiento libres", "Free culture and knowledge"),
    T8=("Educación y asesoría popular", "Popular education and training"),
    T9=("Producción, comercialización y consumo solidarios y responsables",
        "Solidarity and responsible production, commerce and consumption"),
    T10=("Desarrollo territorial y Buen Vivir", "Territorial development and Buen Vivir"),
    T11=("Cooperación internacional", "International cooperation"),
    T12=("Justicia e inserción social y lucha contra la pobreza",
         "Social justice, insertion and fight against poverty"),
    T13=("Trabajo decente/digno y autogestión", "Decent work and self-management"),
    T14=("Mujeres", "Women"),
    T15=("Redes y organización del movimiento de ESS", "SSE movement organizing and networking"),
    T16=("Tecnología e investigación", "Research and technology"),
    T17=("Pueblos y comunidades tradicionales/originarias", "Indigenous peoples and communities"),
    T18=("Comunicación e información alternativas", "Alternative communication and information"),
    T19=("Otros temas", "Other themes"),
)

#: ESSGlobal qualifiers (``qualifiers.skos``): top concepts and their narrower terms.
QUALIFIERS: dict[str, Term] = _v(
    q01=("Ecológicamente sostenible", "Ecologically or environmentally sustainable"),
    Agroecological=("Agroecológico", "Agroecological"),
    Agroextrativism=("Agroextractivismo", "Agroextrativism"),
    Animalwelfare=("Bienestar animal", "Animal welfare"),
    Madefromrecycledorrecoveredmaterial=("Material reciclado o recuperado", "Made from recycled or recovered material"),
    Naturalcosmeticsandherbalmedicines=("Cosmética natural y medicina herbal", "Natural cosmetics and herbal medicines"),
    Organic=("Orgánico", "Organic"),
    q02=("Condiciones de trabajo democráticas y dignas", "Democratic and decent working conditions"),
    Selfmanagement=("Autogestión", "Self-management"),
    q03=("Socialmente justo", "Socially fair"),
    Socialinsertioninitiatives=("Iniciativas de inserción social", "Social insertion initiatives"),
    q04=("Económicamente democrático y soberano", "Economically democratic and sovereign"),
    Fairtrade=("Comercio justo", "Fair trade"),
    LocalorFromCommunity=("Local o comunitario", "Local or from community"),
    q05=("Equidad de género", "Gender equity"),
    q06=("De pueblos originarios o comunidades tradicionales",
         "From original / indigenous people or traditional communities"),
    FromOriginalorIndigenousPeople=("De pueblos originarios o indígenas", "From original or indigenous people"),
    PeasantorFamilyAgriculture=("Agricultura campesina o familiar", "Peasant or family agriculture"),
    q07=("Bienes comunes y conocimiento libre", "Commons and free knowledge/free culture"),
    FreeCulture=("Cultura libre", "Free culture"),
    FreeKnowledgeorSoftware=("Conocimiento o software libre", "Free knowledge or software"),
    q08=("Artesanía", "Handicraft"),
    q09=("Promotor de cooperativas", "Coop promoter/supporter"),
)

#: ESSGlobal base-membership-type.
MEMBERSHIP_BASES: dict[str, Term] = _v(
    BMT10=("Consumidores/usuarios", "Consumers/users"),
    BMT20=("Productores", "Producers"),
    BMT30=("Trabajadores", "Workers"),
    BMT40=("Múltiples actores", "Multi-stakeholders"),
    BMT50=("Residentes", "Residents"),
    BMT60=("Otros", "Others"),
)

#: Murmurations geographic scope.
SCOPES: dict[str, Term] = _v(
    local=("Local", "Local"),
    regional=("Regional", "Regional"),
    national=("Nacional", "National"),
    international=("Internacional", "International"),
)

#: Status of an organization (Murmurations-like; ``proposed`` = the report proposes it).
STATUSES: dict[str, Term] = _v(
    active=("Activa", "Active"),
    inactive=("Inactiva", "Inactive"),
    proposed=("Propuesta", "Proposed"),
    unknown=("Desconocido", "Unknown"),
)

#: Whether the report states a relationship, a survey reports it, essgraph infers it or another map's file gave it.
EVIDENCE: dict[str, Term] = _v(
    stated=("Declarado en el informe", "Stated in the report"),
    inferred=("Inferido", "Inferred"),
    reported=("Declarado en una encuesta", "Reported in a survey"),
    imported=("Importado de otro mapa", "Imported from another map"),
)

def evidence_counts(evidence: str, *, include_inferred: bool = False, include_reported: bool = True) -> bool:
    """Whether a relationship of this ``evidence`` counts, for a projection or an analysis: the one rule.

    Stated relationships always count, and so do imported ones (``essgraph
    import``: the ties of another map, which that map states; a data folder
    made by an import holds no other kind, and its analysis must not come out
    empty). Inferred ones count only when asked (``include_inferred``); those
    reported in a survey round unless left out (``include_reported``).

    >>> [evidence_counts(e) for e in ("stated", "imported", "inferred", "reported")]
    [True, True, False, True]
    >>> evidence_counts("inferred", include_inferred=True), evidence_counts("reported", include_reported=False)
    (True, False)
    """
    return (evidence in _ALWAYS_COUNTS or (evidence == "inferred" and include_inferred)
            or (evidence == "reported" and include_reported))


#: Evidence that always counts (see :func:`evidence_counts`).
_ALWAYS_COUNTS = frozenset({"stated", "imported"})


#: How far a tie reported in a survey round is confirmed (see :mod:`essgraph.graphmodel.survey`).
CONFIRMATIONS: dict[str, Term] = {
    "mutual": Term("Confirmado por ambas", "Confirmed by both"),
    "one-sided": Term("Declarado por una sola", "Reported by one side"),
    "disputed": Term("En disputa", "Disputed"),
}

MUNICIPALITY_LEVELS: dict[str, Term] = _v(
    provincial=("Provincial", "Provincial"),
    district=("Distrital", "District"),
)

#: Every vocabulary by the name the properties use in ``schema.PropertySpec.vocabulary``.
VOCABULARIES: dict[str, dict[str, Term]] = {
    "org_kind": ORG_KINDS,
    "legal_form": LEGAL_FORMS,
    "sector": SECTORS,
    "theme": THEMES,
    "qualifier": QUALIFIERS,
    "membership_base": MEMBERSHIP_BASES,
    "scope": SCOPES,
    "status": STATUSES,
    "evidence": EVIDENCE,
    "confirmation": CONFIRMATIONS,
    "municipality_level": MUNICIPALITY_LEVELS,
}

#: The vocabularies that are ESSGlobal SKOS schemes, with the scheme's name: a code ``c`` of
#: vocabulary ``v`` is the concept ``ESSGLOBAL_BASE + ESSGLOBAL_SCHEMES[v] + "/" + c``.
ESSGLOBAL_SCHEMES: dict[str, str] = {
    "legal_form": "legal-form",
    "sector": "activities",
    "theme": "themes",
    "qualifier": "qualifiers",
    "membership_base": "base-membership-type",
}
