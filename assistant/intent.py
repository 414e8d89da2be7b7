"""What a question asks for, read from its wording: a figure, a date, a change over time, a quote.

These are rules about English question forms, not about any council's papers: "how many" asks
for a figure, "since 2013" or two years named ask for a comparison over time, "the exact quote"
asks for verbatim words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.types import Document, reports_on
from index.hybrid import QUESTION_START, without_framing
from ingest.dates import MONTH

_YEAR = r"(?:19[89]\d|20\d\d)"
# "2014-15", "2015-2017", "2015/16": one period (a financial year, a strategy's span), not two.
_PERIOD = re.compile(rf"\b{_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d\d)\b")
YEAR = re.compile(rf"\b{_YEAR}\b")  # a year as written in a question
_NUMERIC = re.compile(
    r"\bhow (?:many|much|long|often)\b|\bwhat (?:%|percent|percentage|proportion|number|"
    r"rate|share|figure)|\bnumber of\b|\bper ?cent(?:age)?\b|%|\baverage\b|\bhow big\b|"
    # "what's the annual unitary charge on the PFI contract?": an amount, as "how much" asks
    r"\bwhat(?:['’]?s| is| was| are| were)\s+(?:the|our|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:costs?|(?<!\bin )charges?|budgets?|spend|amount|price|fees?|overspend|shortfall|deficit)"
    r"\b",
    re.IGNORECASE,
)
_OVER_TIME = re.compile(
    r"\bsince\b|\bover (?:the )?(?:years|time)\b|\bcompared? (?:with|to)\b|\bchanged?\b|"
    r"\bhas it (?:become|got|improved)|\bimproved by\b|\bby the (?:later|next|latest)\b|"
    r"\bbefore and after\b|\bthen and now\b|\btrend\b|\bbetter or worse\b|"
    # "after 2013": what came later, as "since 2013" asks ("after the 2013 inspection" asks
    # what was done in answer to that paper, which its own year's papers say)
    r"\b(?:after|post-?)\s*(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# "When was ...", "... and when did it start?", "what date ...": a date is the answer. A "when"
# inside a statement ("morale collapsed when everyone moved") asks nothing.
_WHEN = re.compile(
    r"(?:^|[,;:?]\s*|\band\s+)when\b|\b(?:what|which) (?:date|day|month|year)\b|"
    r"\bhow long ago\b",
    re.IGNORECASE,
)
# "How long did the 2015 inspection last?": its dates answer, not a figure ("how long did care
# proceedings take?" asks for one).
_EVENT_LENGTH = re.compile(
    r"\bhow long (?:did|was|were|will|does) (?:the |this |that |its |their )?(?:[\w-]+ ){0,3}?"
    r"(?:inspection|visit|meeting)s?(?P<verb> (?:last|take|run|go on)(?: for)?)?\s*\??\s*$",
    re.IGNORECASE,
)
# "Where is the meeting?", "... and what time / where": a meeting's place is the answer. "the
# line where they accept the grade" and "the issue with where the teams sat" ask for no place,
# and "where do care leavers live?" for no meeting's.
_WHERE = re.compile(r"(?:^|[,;:?/]\s*|\band\s+)where\b|\bwhat (?:venue|location)\b", re.IGNORECASE)
_MEETING = re.compile(
    r"\b(?:meetings?|panel|committee|scrutiny|cabinet|council|board|forum|held|venue)\b",
    re.IGNORECASE,
)
# Only a question that opens with "who" asks for a person as its answer: in "when was it and who
# led it?" a person is half the answer, and abstaining for want of one would lose the other half.
_ROLE = (
    r"(?:chief exec(?:utive)?|chair|chairman|chairperson|director|dcs|inspectors?|officer|manager|"
    r"councillors?|members?|head|commissioner|lead|leader|mayor|portfolio holder)"
)
# "what is the name of the trust's chief executive?"
_NAME_OF = rf"\bnames? of (?:the |its |their )?(?:[\w'’]+\s+){{0,3}}?{_ROLE}\b"
_WHO = re.compile(rf"^\s*(?:and\s+)?who\b|{_NAME_OF}", re.IGNORECASE)
# Who holds a post ("Who was the lead member for children's services?"): only a name answers.
# Other questions opening with "who" ("Who is leading the FGM work, the council or the LSCB?",
# "who will be in the new team?") are answered by an organisation or a post as well.
_POST_HOLDER = re.compile(
    rf"^\s*(?:and\s+)?who(?:['’]s|\s+(?:is|was|were|are|will be|has been))\s+(?:(?:the|its|"
    rf"their|our|[\w]+'s)\s+(?:[\w'’-]+\s+){{0,3}}?)?{_ROLE}\b|{_NAME_OF}",
    re.IGNORECASE,
)
# what a person does at a meeting or to a paper: "who attended the March meeting?", "who wrote
# the report?"
_PERSON_ACT = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:(?:was|were)\s+(?:present|there)|attended|attends|spoke|wrote|"
    r"signed|presented|chaired|nominated|proposed|seconded|moved|sent apologies|gave apologies)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(
    r"\bquot(?:e|es|ation|able)\b|\bexact (?:words?|wording)\b|\bverbatim\b|\bword for word\b|"
    r"\bthe (?:line|sentence|passage) (?:about|on)\b|"
    # "- line where they accept the grade as fair", in a question typed as notes
    r"\b(?:(?:the|a|one)\s+)?(?:line|sentence|passage)\s+(?:where|that|which|in which)\b",
    re.IGNORECASE,
)


_PAPER_OF_YEAR = re.compile(
    rf"\b{_YEAR}\s+(?:ofsted\s+)?(?:inspection|report|review|monitoring visit)\b"
    rf"|\b(?:inspection|report|review|monitoring visit)\s+(?:of|in|from)\s+{_YEAR}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Intent:
    years: tuple[str, ...]  # single years named, in order (periods such as 2014-15 excluded)
    over_time: bool  # answer in date order, one group per paper
    numeric: bool  # lead with the sentence that holds the figure
    when: bool  # lead with the sentence that holds a date
    who: bool  # asks who: lead with a sentence that names a person when one does
    quote: bool  # the person wants verbatim words
    periods: tuple[tuple[int, int], ...] = ()  # "2014-15" -> (2014, 2015): first and last year
    # "the 2013 inspection", "the 2016 report" (not "since the 2013 inspection"): that year's
    # paper itself, not what later papers say of it
    names_paper: bool = False
    role_holder: bool = False  # asks who holds a post or did something: only a name answers
    post_holder: bool = False  # asks who holds a post ("who is the DCS?")
    voice: bool = False  # asks what children, families or staff said, in their own words
    where: bool = False  # asks where a meeting is held: lead with its venue

    @property
    def leads(self) -> bool:
        """Whether the answer opens with the sentence holding what was asked (see compose)."""
        return self.numeric or self.when or self.who or self.voice or self.where

    def admits(self, paper_year: str) -> bool:
        """Whether a paper of `paper_year` is one the named years ask for: "since 2013" (one
        year, over time), papers of 2013 on; otherwise papers reporting on a named year."""
        if self.over_time and len(self.years) == 1:
            return int(paper_year) >= int(self.years[0])
        return any(reports_on(paper_year, year) for year in self.years)


def read_intent(question: str) -> Intent:
    without_periods = _PERIOD.sub(" ", question)
    years = tuple(dict.fromkeys(YEAR.findall(without_periods)))
    over_time = bool(_OVER_TIME.search(question)) or len(years) >= 2
    return Intent(
        years=years,
        over_time=over_time,
        numeric=bool(_NUMERIC.search(question)) and not _EVENT_LENGTH.search(question),
        when=bool(_WHEN.search(question) or _EVENT_LENGTH.search(question)),
        who=bool(_WHO.search(question)),
        quote=bool(_QUOTE.search(question)),
        periods=tuple(dict.fromkeys(_span(m.group(0)) for m in _PERIOD.finditer(question))),
        names_paper=bool(_PAPER_OF_YEAR.search(question)) and len(years) == 1 and not over_time,
        role_holder=bool(_POST_HOLDER.search(question) or _PERSON_ACT.search(question)),
        post_holder=bool(_POST_HOLDER.search(question)),
        voice=bool(_VOICE.search(question)),
        where=bool(_WHERE.search(question) and _MEETING.search(question)),
    )


# "a quote where a care leaver talks about their personal adviser", "what did young people say
# about ...": the words of the people served (or of staff), which reports print as direct speech.
# What Ofsted or the council said is not asked this way.
_SPEAKER = (
    r"(?:young (?:person|people)|child(?:ren)?|kids?|care leavers?|parents?|carers?|famil(?:y|ies)|"
    r"mums?|mothers?|fathers?|dads?|adopters?|social workers?|staff|teenagers?|girls?|boys?|"
    r"pupils?|students?)"
)
_VOICE = re.compile(
    rf"\b{_SPEAKER}\b[^.?!]{{0,40}}?\b(?:talks?|talking|talked|says?|said|saying|spoke|speaks?|"
    rf"describes?|described|told|tells?)\b"
    r"|\b(?:in (?:their|his|her) own words|voice of the child)\b",
    re.IGNORECASE,
)


def _span(period: str) -> tuple[int, int]:
    """ "2014-15" -> (2014, 2015); "2015 – 2017" -> (2015, 2017)."""
    first, last = re.split(r"\s*[-–/]\s*", period.strip())
    start = int(first)
    end = int(last) if len(last) == 4 else start // 100 * 100 + int(last)
    return start, end


_COUNT_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|hundred|half|third|quarter|dozen"
)
_FIGURE = re.compile(rf"\d+(?:\.\d+)?\s*%|\b\d+(?:\.\d+)?\b|\b(?:{_COUNT_WORDS})\b", re.I)


def paper_years(document: Document, intent: Intent) -> tuple[str, ...]:
    """The years a paper counts in for a question: every year a reader calls it by
    (`Document.years`: "the 2014 report" is dated December 2013) when the question names a
    paper by its year, else its date's alone ("GCSEs in 2014" are not in that report)."""
    if intent.names_paper:
        return document.years
    return (document.year,) if document.year else ()


# "What percentage/proportion/share of ...": only a share answers, not a count.
_ASKS_SHARE = re.compile(
    r"\b(?:what|which)\s+(?:%|percent|percentage|proportion|share|fraction)\b|"
    r"\bhow many per ?cent\b|\bper ?cent(?:age)? of\b|\bproportion of\b",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|per ?cent)|\b(?:half|third|quarter|fifth|tenth)s?\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) (?:every )?\w+\b",
    re.IGNORECASE,
)

# "how much money ...?", "what did it cost?", "the £ figure": only a sum of money answers
_ASKS_MONEY = re.compile(
    r"\bhow much (?:money|funding|cash)\b|£|\bcost(?:s|ing)?\b|\bbudgets?\b|\bfunding of\b|"
    r"(?<!\bin )\bcharges?\b|\bfees?\b|\bprice\b|\boverspend\b|\bshortfall\b|\bdeficit\b|"
    r"\bhow much (?:\w+\s+){0,6}?"
    r"(?:spen[dt]|pa(?:y|id)|invest(?:ed|ing)?|put(?:ting)?|fund(?:ed|ing)?)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"£\s?\d|\b\d+(?:\.\d+)?\s*(?:m|k|bn|million|billion|thousand)?\s*(?:pounds|GBP)\b|"
    r"\b\d+(?:\.\d+)?\s*(?:million|billion)\b",
    re.IGNORECASE,
)


def has_figure(sentence: str, question: str = "") -> bool:
    """Whether a sentence states a count or share ("six", "10%", "31"); years do not count, nor
    does a figure the question itself names ("six" for "in its first six months"). A question
    asking for a share ("what percentage of social workers ...") takes only a share ("29%",
    "a quarter", "one in five"): "two teams" does not answer it; one asking for money ("how
    much money is the trust putting in?") takes only a sum ("£45 million"), not "15%"."""
    asked = _figures(question)
    found = {figure for figure in _figures(sentence) if figure not in asked}
    if found and _ASKS_SHARE.search(question):
        return bool(_SHARE.search(sentence))
    if found and _ASKS_MONEY.search(question):
        return bool(_MONEY.search(sentence))
    return bool(found)


# "How many case files did Ofsted look at?": what is counted, up to the verb or preposition.
_COUNTED = re.compile(
    r"\bhow many\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:did|do|does|were|was|are|is|have|"
    r"has|had|will|would|can|could|in|on|at|for|from|since|during|by|between|across|per)\b",
    re.IGNORECASE,
)
_COUNT_REACH = 4  # words after a figure that may name what it counts ("51 case files")


def asks_to_count(question: str) -> bool:
    """Whether the question asks how many of something there are ("how many case files ...")."""
    return bool(_COUNTED.search(question))


def counts_what_is_asked(sentence: str, question: str) -> bool:
    """Whether a figure in `sentence` counts what "how many ..." asks about: "Ofsted reviewed
    51 files" for "how many case files", not "case files of children under 5"."""
    match = _COUNTED.search(question)
    if not match:
        return False
    counted = {_singular(w) for w in re.findall(r"[\w'’-]+", match.group(1).lower())}
    text = without_dates(sentence)
    for figure in _FIGURE.finditer(text):
        following = re.findall(r"[\w'’-]+", text[figure.end() :].lower())[:_COUNT_REACH]
        if counted & {_singular(w) for w in following}:
            return True
    return False


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def without_dates(text: str) -> str:
    """The text without dates, periods and years: a date's day is not a count ("on 1 October
    2015" states no figure)."""
    return YEAR.sub(" ", _PERIOD.sub(" ", _DATE.sub(" ", text)))


def _figures(text: str) -> set[str]:
    text = without_dates(text)
    return {" ".join(m.group(0).lower().split()) for m in _FIGURE.finditer(text)}


_SEASON = "spring|summer|autumn|winter"
# "1 October 2015", "October 2015", "21st April", "Summer 2016", "01/10/2015".
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\b|(?:{MONTH}|{_SEASON})\.?\s+(?:\d{{1,2}}\b|{_YEAR}))"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)


def has_date(sentence: str, question: str = "") -> bool:
    """Whether a sentence gives a date: a day or month with its year or day, or a year the
    question does not already name ("in 2011" answers "when", "in 2016" does not answer "when
    in 2016")."""
    if _DATE.search(sentence):
        return True
    asked = set(YEAR.findall(question))
    return any(year not in asked for year in YEAR.findall(_PERIOD.sub(" ", sentence)))


# "When was the 2013 inspection and who led it?" asks two things, and an answer to the whole can
# miss one (see Assistant._extractive). Search splits queries more finely (index.hybrid).
_SECOND_QUESTION = re.compile(
    rf"(?:[,;]\s*|\s+)and\s+(?={QUESTION_START})|\?\s+(?:and\s+)?(?=\w)", re.IGNORECASE
)
_OPENING = re.compile(rf"^(?:{QUESTION_START}\s*)+", re.IGNORECASE)
# a pronoun, or "since" ending the part ("and what's been agreed since?": since the first part's
# events)
_REFERS_BACK = re.compile(
    r"\b(?:it|its|they|them|their|this|that|these|those)\b|\bsince\s*\??\s*$", re.I
)

# "MASH - ofsted said it was underdeveloped in late 2015": a question headed by its topic, the
# subject a later part ("and when is it meant to be finished?") is about; not the whole first part.
_TOPIC_HEADER = re.compile(
    r"^\s*([^-–—:?]{2,60}?)\s+[-–—]\s+(?=\S)|^\s*([^-–—:?]{2,60}?):\s+(?=\S)"
)
# what is left of a part that only frames the request ("need the £ figure") once framing goes
_EMPTY_WORDS = {"the", "a", "an", "and", "pls", "please", "thanks", "for", "me", "us", "you"}


def sub_questions(question: str) -> list[str]:
    """The separate questions a question asks; a later one that refers back or names too little
    to search on carries the first one's subject ("who led it (the 2013 inspection)", "what did
    ofsted say (care leavers EET)"). A single question comes back alone."""
    parts = [p.strip(" ,;?") for p in _SECOND_QUESTION.split(question) for p in _listed(p)]
    parts = [p for p in parts if len(p.split()) >= 2 and not _only_framing(p)]
    if len(parts) < 2:
        return [question]
    header = _TOPIC_HEADER.match(parts[0])
    subject = (header.group(1) or header.group(2)) if header else _OPENING.sub("", parts[0]).strip()
    # under a topic header every part is about the topic ("Return home interviews: what did
    # Ofsted find, what did the trust change?"); otherwise only a part that leans on the first
    later = [f"{p} ({subject})" if header or _leans_on_first(p) else p for p in parts[1:]]
    return [f"{p}?" for p in [parts[0], *later]]


# Where a question's phrases end: a dash between words, "?", ";", ": ".
_PHRASE_BREAK = re.compile(r"\s[-–—]\s|[?;]|:\s")
_TOPIC_BREAK = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
MIN_TOPICS, MAX_TOPICS, MAX_TOPIC_WORDS = 3, 5, 4


def listed_topics(question: str) -> list[str]:
    """A question for each topic of a phrase that only lists topics, carrying the rest of the
    question ("virtual school, PEPs and pupil premium for CLA - summarise what ofsted found" ->
    "PEPs (summarise what ofsted found)?", ...): an answer should speak to each, and one that
    matches most of the question's words may leave one out. A list of years or papers ("2011,
    the 2016 inspection and the later visit") is a comparison, not topics."""
    phrases = [p.strip(" .,") for p in _PHRASE_BREAK.split(question)]
    for i, phrase in enumerate(phrases):
        topics = [t.strip() for t in _TOPIC_BREAK.split(phrase)]
        if not (MIN_TOPICS <= len(topics) <= MAX_TOPICS and "," in phrase):
            continue
        if any(
            not 1 <= len(t.split()) <= MAX_TOPIC_WORDS or _ASKING.match(t) or re.search(r"\d", t)
            for t in topics
        ):
            continue
        rest = " ".join(p for j, p in enumerate(phrases) if j != i and p)
        if rest:
            return [f"{topic} ({rest})?" for topic in topics]
    return []


# "how many children get therapeutic help, how many letterbox arrangements, ...": questions
# listed with commas. Only after a question: "In 2013, what did Ofsted say?" asks one thing.
_LISTED_QUESTION = re.compile(
    r",\s*(?:and\s+)?(?:(?:also|then|\w+ly)\s+)?(?=(?:who|what|when|where|why|how|which)\b)",
    re.IGNORECASE,
)
_ASKING = re.compile(rf"\b{QUESTION_START}", re.IGNORECASE)


def _listed(part: str) -> list[str]:
    pieces = _LISTED_QUESTION.split(part)
    if len(pieces) == 1 or not _ASKING.search(pieces[0]):
        return [part]
    return pieces


def _only_framing(part: str) -> bool:
    """Whether a part asks nothing of its own: "need the £ figure", "exact words pls"."""
    words = re.findall(r"[a-z]+", without_framing(part).lower())
    return not set(words) - _EMPTY_WORDS


def _leans_on_first(part: str) -> bool:
    # words, not marks: "what time / where" names two things
    return bool(_REFERS_BACK.search(part)) or len(re.findall(r"\w+", _OPENING.sub("", part))) < 3


def own_words(part: str) -> str:
    """A part of a question without the subject `sub_questions` carried into it."""
    return _CARRIED.sub("", part)


_CARRIED = re.compile(r"\s*\([^()]*\)\?$")

# "What is the council itself (as opposed to the Trust) committing to do?": what follows the
# marker is what the question is not about, so it is not searched for. At most a few words up to
# the next mark: "rather than good?" loses "good", not the rest of a longer sentence.
_CONTRAST = re.compile(
    r"\(\s*(?:as opposed to|rather than|instead of|other than|not|excluding|except|apart from)"
    r"\b[^()]*\)"
    r"|\b(?:as opposed to|as distinct from|rather than|instead of|other than|excluding|"
    r"except for|apart from|but not)\s+(?:\w[\w'’-]*\s*){1,4}?(?=[,;:?.!)]|\s[-–—]\s|$)",
    re.IGNORECASE,
)
# "Has the number gone up since 2013?": spoken words for a change that papers never print (they
# say "increased", "a reduction from"), and which would count against every sentence that answers.
_SPOKEN_CHANGE = re.compile(
    r"\b(?:go|goes|going|gone|went|got|get|gets|getting)\s+(?:up|down|better|worse)\b",
    re.IGNORECASE,
)


def _dates_asked(length: re.Match[str]) -> str:
    """What an event's length asks, its dates: "How long did the 2015 inspection last?" as
    "When did the 2015 inspection?". Neither "long" nor "last" is its subject ("since the last
    inspection")."""
    start, text = length.start(), length.group(0)
    if length.group("verb"):
        text = text[: length.start("verb") - start] + text[length.end("verb") - start :]
    return "When" + text[len("how long") :]


def searched_words(question: str) -> str:
    """The question as searched and scored: without what it sets its subject against ("as
    opposed to the Trust", "rather than good"), without spoken words for a change ("gone
    up"), and asking the dates of an event whose length it asks (`_dates_asked`); the question
    itself when nothing would be left to search."""
    kept = _SPOKEN_CHANGE.sub(" ", _CONTRAST.sub(" ", question))
    kept = _EVENT_LENGTH.sub(_dates_asked, kept)
    kept = re.sub(r"\s+(?=[,;:?.!])", "", " ".join(kept.split()))
    return kept if len(kept.split()) >= 2 else question
