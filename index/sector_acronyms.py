"""The shorthand of English children's services, for acronyms the papers never spell out.

Councillors and officers type "PEPs", "CLA" or "DA services" while a report writes "personal
education plans", "children looked after" and "domestic abuse". The glossary learns the acronyms
a paper defines; these are the fallback for the rest. Each is the meaning the acronym has in
children's services papers and in Ofsted's. Typed in lower case ("peps", "uasc") an acronym is
read only when the papers never use its letters as a word (`Glossary.harvest`), and the few that
are everyday English only in capitals: "send" in a question stays a verb.
"""

SECTOR_ACRONYMS = {
    "ASYE": "assessed and supported year in employment",
    "CAF": "common assessment framework",
    "CAMHS": "child and adolescent mental health services",
    "CCE": "child criminal exploitation",
    "CIC": "children in care",
    "CiC": "children in care",
    "CIN": "children in need",
    "CLA": "children looked after",
    "CP": "child protection",
    "CPP": "child protection plan",
    "CSC": "children's social care",
    "CSE": "child sexual exploitation",
    "CSPR": "child safeguarding practice review",
    "DA": "domestic abuse",
    "DCS": "director of children's services",
    "DfE": "department for education",
    "DFE": "department for education",
    "DSL": "designated safeguarding lead",
    "DV": "domestic violence",
    "EHA": "early help assessment",
    "EHCP": "education, health and care plan",
    "EET": "education, employment or training",
    "FGC": "family group conference",
    "FGM": "female genital mutilation",
    "HMI": "Her Majesty's Inspector",
    "ICPC": "initial child protection conference",
    "ILACS": "inspecting local authority children's services",
    "IRO": "independent reviewing officer",
    "JTAI": "joint targeted area inspection",
    "KPI": "key performance indicator",
    "LAC": "looked after children",
    "LADO": "local authority designated officer",
    "LSCB": "local safeguarding children board",
    "LSCP": "local safeguarding children partnership",
    "MARAC": "multi-agency risk assessment conference",
    "MASH": "multi-agency safeguarding hub",
    "NEET": "not in education, employment or training",
    "PEP": "personal education plan",
    "PLO": "public law outline",
    "RHI": "return home interview",
    "SCR": "serious case review",
    "SEN": "special educational needs",
    "SEND": "special educational needs and disabilities",
    "SGO": "special guardianship order",
    "UASC": "unaccompanied asylum-seeking children",
    "YOS": "youth offending service",
    "YOT": "youth offending team",
}

# Read in capitals only: in lower case these are everyday words ("send me the quote").
EVERYDAY_WORDS = frozenset({"SEND"})
