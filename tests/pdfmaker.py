"""Small PDFs made by the tests, laid out the way council and Ofsted PDFs are: a running header,
a "Page N" footer, hanging paragraph numbers, bullets, bold headings, paragraphs that run over a
page break. Built with reportlab's canvas so the layout is exactly what the test says."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
LEFT, TOP, BOTTOM = 62.7, 770.0, 80.0
PITCH, GAP = 13.5, 19.5


@dataclass
class Item:
    text: str
    kind: str = "body"  # body, heading, bullet, numbered, row
    label: str = ""  # for numbered items: printed in the margin; for a row: its second cell


def make_pdf(path: Path, items: list[Item], header: str = "Test Council - Report", width=88):
    """Lay out items top to bottom, wrapping at `width` characters and breaking pages."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    page = 1
    y = TOP

    def new_page():
        nonlocal page, y
        pdf.setFont("Helvetica", 8)
        pdf.drawString(56.7, HEIGHT - 34, header)
        pdf.drawString(WIDTH / 2 - 15, 28.3, f"Page {page}")
        pdf.showPage()
        page += 1
        y = TOP

    for item in items:
        if item.kind == "row":  # two cells, the first wrapped in its column
            for i, line in enumerate(_wrap(item.text, 52)):
                if y < BOTTOM:
                    new_page()
                pdf.setFont("Helvetica", 10)
                pdf.drawString(LEFT, y, line)
                if i == 0:
                    pdf.drawString(LEFT + 330, y, item.label)
                y -= PITCH
            y -= 6  # between rows, less than between paragraphs
            continue
        font = "Helvetica-Bold" if item.kind == "heading" else "Helvetica"
        x = LEFT + (26 if item.kind in ("numbered", "bullet") else 0)
        lines = _wrap(item.text, width)
        for i, line in enumerate(lines):
            if y < BOTTOM:
                new_page()
            pdf.setFont(font, 10.5)
            if i == 0 and item.kind == "numbered":
                pdf.setFont("Helvetica", 10)
                pdf.drawString(LEFT, y, item.label)
                pdf.setFont(font, 10.5)
            if i == 0 and item.kind == "bullet":
                pdf.setFont("Helvetica", 10)
                pdf.drawString(LEFT + 14, y, "•")
                pdf.setFont(font, 10.5)
            pdf.drawString(x, y, line)
            y -= PITCH
        y -= GAP - PITCH
    new_page()
    pdf.save()
    return path


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def make_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: shapes and no text layer."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for i in range(20):
        pdf.rect(60, 760 - i * 30, 470, 12, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def make_encrypted_pdf(source: Path, path: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


SENTENCE = (
    "Inspectors found that the quality of practice has improved for most children, although "
    "too many plans still lack clear timescales and contingency arrangements."
)


def sample_report(path: Path) -> Path:
    """A short inspection-style report: numbered paragraphs 1-12, one over a page break."""
    items = [
        Item("Example Borough Council", "heading"),
        Item("Inspection findings", "heading"),
    ]
    for n in range(1, 13):
        text = f"{SENTENCE} Finding number {n} is recorded here." + (
            f" {SENTENCE}" * (3 if n in (5, 9) else 0)
        )
        items.append(Item(text, "numbered", f"{n}."))
        if n == 6:
            items.append(Item("Summary of services for care leavers", "heading"))
            items.append(Item(f"An unnumbered summary paragraph. {SENTENCE}"))
            items.append(Item("Care leavers report feeling safe where they live.", "bullet"))
    return make_pdf(path, items)


def visit_letter(
    path: Path, subject: str = "Monitoring visit of Exampleshire children's services"
) -> Path:
    """An Ofsted monitoring-visit letter: the address, date, addressee and sign-off one line
    each, so that the gap between paragraphs is commoner than the gap between wrapped lines."""
    lines = ["Ofsted", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "14 March 2017",
             "Jo Smith", "Director of Children's Services, Exampleshire", "Dear Jo"]  # fmt: skip
    findings = [
        "Child in need plans are too often generic. In 12 of the 20 cases reviewed, plans did "
        "not set out clear actions or timescales, so it is difficult for families to know what "
        "needs to change.",
        "Management oversight is visible on most case files, but it does not consistently "
        "challenge drift. Supervision is regular, but its records are brief.",
        "Services for disabled children have improved. Assessments are thorough and plans are "
        "reviewed regularly, and parents spoke well of the support they receive.",
    ]
    items = [Item(line) for line in lines]
    items += [
        Item(subject, "heading"),
        Item(f"This letter summarises the findings of the {subject[0].lower()}{subject[1:]}. "
             "The visit was carried out on 14 and 15 February 2017."),
        Item("Findings and evaluation of progress", "heading"),
        *[Item(text) for text in findings],
        Item("Yours sincerely"),
        Item("Lisa Summers"),
        Item("Her Majesty's Inspector"),
    ]  # fmt: skip
    return make_pdf(path, items, header="")


def judgement_table_report(path: Path) -> Path:
    """An inspection report that opens, as Ofsted's have since 2018, with a table of judgements
    (one row's first cell wrapped) and a paragraph straight under it, at the table's pitch."""
    rows = [
        ("The impact of leaders on social work practice with children and families",
         "Requires improvement to be good"),
        ("The experiences and progress of children who need help and protection", "Good"),
        ("Overall effectiveness", "Requires improvement to be good"),
    ]  # fmt: skip
    items = [
        Item("Inspection of Exampleshire County Council children's services", "heading"),
        Item("Inspection dates: 10 June 2019 to 21 June 2019"),
        *[Item(area, "row", grade) for area, grade in rows],
        Item("Services for children in Exampleshire have improved since the last inspection, "
             "when they were judged to be inadequate. Help and protection are now good."),
        Item("What needs to improve", "heading"),
        Item("The quality of plans for children in care.", "bullet"),
        Item("The experiences and progress of children in care: requires improvement to be good",
             "heading"),
        Item(f"Care plans for too many children in care are not specific enough. {SENTENCE}",
             "numbered", "1."),
    ]  # fmt: skip
    return make_pdf(path, items, header="Inspection of Exampleshire children's services")


def flowing_report(path: Path) -> Path:
    """The same kind of report from reportlab's flowing layout engine instead of fixed
    positions: justified text, hanging paragraph numbers, a two-line title, a list, a table and
    a page-number footer at the right."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "b", parent=styles["BodyText"], alignment=TA_JUSTIFY, fontSize=11, leading=14
    )
    numbered = ParagraphStyle("n", parent=body, leftIndent=28, firstLineIndent=-28, spaceAfter=8)

    def furniture(pdf, doc):
        pdf.saveState()
        pdf.setFont("Helvetica", 8)
        pdf.drawString(50, 810, "Ofsted | Monitoring visit to Exampleshire")
        pdf.drawRightString(545, 30, str(doc.page))
        pdf.restoreState()

    story = [
        Paragraph("Monitoring visit of Exampleshire children's services", styles["Title"]),
        Paragraph("Summary of findings", styles["Heading2"]),
    ]
    for n in range(1, 16):
        story.append(
            Paragraph(
                f"{n}.&nbsp;&nbsp;&nbsp;&nbsp;Inspectors found that <b>leaders</b> have improved "
                "practice for children in need of help and protection, although multi-agency "
                f"work remains inconsistent. Finding {n} continues with further detail about the "
                "service and its partners in the area.",
                numbered,
            )
        )
        if n == 7:
            story.append(Paragraph("Areas for improvement", styles["Heading2"]))
            items = ["The timeliness of strategy meetings.", "The quality of supervision."]
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(text, body)) for text in items], bulletType="bullet"
                )
            )
    story.append(Table([["Area", "Judgement"], ["Help and protection", "Requires improvement"]]))
    SimpleDocTemplate(str(path)).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def tight_report(path: Path, lines: list[tuple[str, str]]) -> Path:
    """One page whose lines are set at one pitch, with no space between paragraphs, as Word
    leaves them with "space after" at 0. `lines` are (font, text): "Helvetica" or
    "Helvetica-Bold", or "run-in" for text opening with a bold label up to its first colon."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = TOP
    for font, text in lines:
        if font == "run-in":  # one text object, the font switched after the label
            label, rest = text.split(":", 1)
            line = pdf.beginText(LEFT, y)
            line.setFont("Helvetica-Bold", 10.5)
            line.textOut(f"{label}: ")
            line.setFont("Helvetica", 10.5)
            line.textOut(rest.strip())
            pdf.drawText(line)
        else:
            pdf.setFont(font, 10.5)
            pdf.drawString(LEFT, y, text)
        y -= PITCH
    pdf.setFont("Helvetica", 8)
    pdf.drawString(WIDTH / 2 - 15, 28.3, "Page 1")
    pdf.save()
    return path
