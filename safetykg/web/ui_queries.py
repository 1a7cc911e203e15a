"""The SPARQL behind the web pages. Values are bound as RDF terms by the worker, never pasted in."""

from safetykg.core.namespaces import PREFIXES as NAMESPACES

PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in NAMESPACES.items())

# The regulations of the corpus: every legal resource with a jurisdiction, with what orders them (ui_corpus).
DOCUMENTS = (
    PREFIXES
    + """SELECT ?doc ?jurisdiction ?short ?implementer ?notation ?levelNotation WHERE {
  ?doc a eli:LegalResource ; eli:jurisdiction ?jurisdiction .
  OPTIONAL { ?doc eli:title_short ?short }
  OPTIONAL { ?implementer skg:implements ?doc }
  OPTIONAL { ?jurisdiction skos:notation ?notation }
  OPTIONAL { ?jurisdiction skg:administrativeLevel/skos:notation ?levelNotation }
}"""
)

COUNTS = (
    PREFIXES
    + """SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES (?kind ?type) { ("organs" skg:Organ) ("posts" skg:Post) ("duties" skg:Duty)
                         ("designations" skg:Designation) }
  ?x a ?type .
} GROUP BY ?kind"""
)

TERMS = PREFIXES + "SELECT DISTINCT ?term WHERE {{ {pattern} }}"

CITATIONS = (
    PREFIXES
    + "SELECT ?provision ?citation WHERE { ?provision a eli:LegalResourceSubdivision ; skg:citation ?citation }"
)

PROVISIONS = (
    PREFIXES
    + """SELECT ?doc ?node ?parent ?type ?number ?ordinal ?title ?lead ?text WHERE {
  ?node eli:is_part_of+ ?doc ; eli:is_part_of ?parent ; skg:ordinal ?ordinal ; a ?type .
  FILTER(?type IN (skg:Chapter, skg:Article, skg:Paragraph, skg:Item, skg:SubItem))
  OPTIONAL { ?node eli:number ?number }
  OPTIONAL { ?node eli:title ?title FILTER(LANG(?title) = "zh" || LANG(?title) = "") }
  OPTIONAL { ?node skg:leadText ?lead }
  OPTIONAL { ?node skg:text ?text }
}"""
)

DOC_FACTS = (
    PREFIXES
    + """SELECT ?doc ?provision ?fact ?kind ?bearer ?organ ?domain WHERE {
  { ?fact a skg:Duty ; skg:source ?provision ; skg:bearer ?bearer . BIND("duty" AS ?kind)
    OPTIONAL { ?bearer org:postIn ?postOrgan } BIND(COALESCE(?postOrgan, ?bearer) AS ?organ)
    OPTIONAL { ?fact skg:concernsDomain ?domain } }
  UNION
  { ?fact a skg:Designation ; skg:source ?provision ; skg:designatedOrgan ?organ . BIND("designation" AS ?kind)
    OPTIONAL { ?fact skg:concernsDomain ?domain } }
  ?provision eli:is_part_of+ ?doc .  # after the facts: Virtuoso 7.2 cannot compile this path first
}"""
)

COMMENTARY = (
    PREFIXES
    + """SELECT ?doc ?commentary ?title ?text WHERE {
  ?commentary a skg:Commentary ; skg:commentaryOn ?doc ; skg:text ?text .
  OPTIONAL { ?commentary dcterms:title ?title }
}"""
)

# How duties and designations relate to an entity of each kind (constant fragments, ?entity is bound).
DUTY_MATCH = {
    "organ": "{ ?duty skg:bearer ?entity } UNION { ?duty skg:bearer/org:postIn ?entity }",
    "post": "?duty skg:bearer ?entity .",
    "domain": "?duty skg:concernsDomain ?entity .",
    "organ-kind": "{ ?duty skg:bearer/skg:organKind ?entity } UNION { ?duty skg:bearer/org:postIn/skg:organKind ?entity }",
    "role": "?duty skg:bearer/org:role ?entity .",
    "jurisdiction": "?duty skg:jurisdiction ?entity .",
}
DESIGNATION_MATCH = {
    "organ": "?fact skg:designatedOrgan ?entity .",
    "organ-kind": "?fact skg:designatedOrgan/skg:organKind ?entity .",
    "domain": "?fact skg:concernsDomain ?entity .",
    "jurisdiction": "?fact skg:jurisdiction ?entity .",
}

DUTIES = (
    PREFIXES
    + """SELECT ?entity ?duty ?bearer ?organ ?provision ?citation ?text ?place ?domain WHERE {{
  {match}
  ?duty a skg:Duty ; skg:bearer ?bearer ; skg:source ?provision ; skg:citation ?citation ; skg:text ?text ;
        skg:jurisdiction ?place .
  OPTIONAL {{ ?bearer org:postIn ?postOrgan }} BIND(COALESCE(?postOrgan, ?bearer) AS ?organ)
  OPTIONAL {{ ?duty skg:concernsDomain ?domain }}
}}"""
)

DESIGNATIONS = (
    PREFIXES
    + """SELECT ?entity ?fact ?organ ?type ?provision ?citation ?text ?place ?domain WHERE {{
  {match}
  ?fact a skg:Designation ; skg:designatedOrgan ?organ ; skg:designationType ?type ; skg:source ?provision ;
        skg:citation ?citation ; skg:text ?text ; skg:jurisdiction ?place .
  OPTIONAL {{ ?fact skg:concernsDomain ?domain }}
}}"""
)

ORGANS_OF = (
    PREFIXES
    + """SELECT ?entity ?organ (COUNT(DISTINCT ?duty) AS ?duties) WHERE {
  ?organ a skg:Organ ; skg:jurisdiction ?entity .
  OPTIONAL { { ?duty skg:bearer ?organ } UNION { ?duty skg:bearer/org:postIn ?organ } }
} GROUP BY ?entity ?organ"""
)

COMPARE = (
    PREFIXES
    + """SELECT ?role ?organKind ?duty ?bearer ?provision ?citation ?text ?place ?relation ?frequency ?count ?period
       ?activityKind ?activity WHERE {
  ?duty a skg:Duty ; skg:bearer ?bearer ; skg:source ?provision ; skg:citation ?citation ; skg:text ?text ;
        skg:jurisdiction ?place .
  OPTIONAL { ?bearer org:postIn ?postOrgan } BIND(COALESCE(?postOrgan, ?bearer) AS ?organ)
  OPTIONAL { ?organ skg:organKind ?kind } OPTIONAL { ?bearer org:role ?bearerRole }
  FILTER(!BOUND(?role) || ?bearerRole = ?role)  # each filter only when its value is given
  FILTER(!BOUND(?organKind) || ?kind = ?organKind)
  OPTIONAL { ?alignment skg:alignedFrom ?duty ; skg:alignmentRelation ?relation }
  OPTIONAL { ?frequency a skg:Frequency ; skg:source ?provision ; skg:minimumCount ?count ; skg:period ?period ;
                        skg:activity ?activity . OPTIONAL { ?frequency skg:activityKind ?activityKind } }
}"""
)

MEASURES = (
    PREFIXES
    + """SELECT ?place ?measure ?target ?rank ?provision ?citation WHERE {
  ?listing a skg:MeasureListing ; skg:measure ?measure ; skg:jurisdiction ?place ; skg:source ?provision ;
           skg:citation ?citation .
  OPTIONAL { ?listing skg:measureTarget ?target }
  OPTIONAL { ?measure skg:severityRank ?rank }
}"""
)

# the period words of the lexicon (每年, every year …) by their ISO 8601 duration: how answers show a period
PERIOD_WORDS = (
    PREFIXES
    + """SELECT ?duration ?zh ?en WHERE {
  ?period skg:duration ?duration ; skos:prefLabel ?zh, ?en .
  FILTER(LANG(?zh) = "zh" && LANG(?en) = "en")
}"""
)
