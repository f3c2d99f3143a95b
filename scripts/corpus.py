#!/usr/bin/env python3
"""The corpus of convention texts that `clausier draft` is measured on.

Eight texts written for clausier in the shape of published conventions de
délégation de gestion (DOMAIN.md §8): credit delegations with schedules as
tables, envelopes, a service facturier with two délégants and receipts,
tacit renewal, a term of no end, sub-delegations, and two amendments. They
state the bundled conventions of `rules/` (fictitious names, codes and
figures); no published text is copied. Each is written as HTML, then
printed to PDF by headless Chromium and written as DOCX by python-docx
(an ODT too for one of them), into rules/textes/NAME.{html,pdf,docx}: the
bundled rule files name them (`texte`) and cite their articles, and
tests/draft.rs drafts each and compares it with its rule file.

Usage: scripts/corpus.py [--bench-only]   (needs chromium and python-docx)
--bench-only writes the benchmark's 40-page PDF alone.
"""
import html
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "rules", "textes")
DECRET = "décret n° 2004-1085 du 14 octobre 2004 relatif à la délégation de gestion dans les services de l'État"

# A text: title lines, NOR, parties (paragraphs between « Entre » and « Il est
# convenu »), preamble, articles (number, heading, blocks), place and date,
# signature blocks. A block is a paragraph, ("ul", items) or ("table", header, rows).
TEXTS = {}

TEXTS["hebergement-2019"] = dict(
    title="Convention de délégation de gestion du 15 janvier 2019 relative à l'hébergement des services numériques de l'incubateur",
    nor="SSAX1900001X",
    parties=[
        "La direction des systèmes d'information des ministères sociaux, représentée par M. Christophe ROUQUIE, chef de service, ci-après dénommée « la DSI », service délégant ;",
        "La direction interministérielle du numérique et des systèmes d'information et de communication, représentée par M. Henri VERDIER, directeur interministériel, ci-après dénommée « la DINSIC », service délégataire,",
    ],
    preamble=[f"La présente convention est conclue en application du {DECRET}."],
    articles=[
        ("1er", "Objet", [
            "La DSI confie à la DINSIC, en son nom et pour son compte, l'exécution des dépenses d'hébergement des services numériques de l'incubateur, relevant de l'UO 0124-CDAF-CDSI, au titre du marché suivant :",
            ("ul", ["hébergement : titulaire OVH – n° CHORUS 1001300001."]),
        ]),
        ("2", "Durée", [
            "La présente convention prend effet à la date de sa signature. Elle est conclue pour une durée d'un an.",
            "Elle est renouvelable par tacite reconduction, par périodes d'un an, deux fois au plus, sauf dénonciation par l'une des parties trois mois avant son terme.",
        ]),
        ("3", "Dispositions financières", [
            "Les dépenses sont exécutées dans la limite d'un plafond de 120 000 € en AE et en CP, selon l'échéancier prévisionnel suivant :",
            ("table", ["Année", "AE", "CP"], [["2019", "80 000 €", "60 000 €"], ["2020", "40 000 €", "60 000 €"]]),
        ]),
        ("4", "Imputations", [
            "Les dépenses sont imputées sur le programme 124 du budget de l'État.",
            ("table", ["Donnée", "Code"], [["Centre financier", "0124-CDAF-CDSI"], ["Domaine fonctionnel", "0124-11"], ["Activité", "012460111305"], ["Centre de coûts", "DININCUB75"]]),
        ]),
        ("5", "Modification et dénonciation", [
            "La convention peut être modifiée par avenant ou dénoncée à tout moment par l'une des parties, sous réserve d'un préavis de trois mois, par notification écrite.",
        ]),
    ],
    fait="Fait à Paris, le 15 janvier 2019.",
    signatures=[
        ("Pour la DSI :", ["Le chef de service,", "C. Rouquié"]),
        ("Pour la DINSIC, par délégation :", ["Le chef de la mission incubateur,", "H. Ghaniani"]),
    ],
)

TEXTS["hebergement-2019-avenant-1"] = dict(
    title="Avenant n° 1 à la convention de délégation de gestion du 15 janvier 2019 relative à l'hébergement des services numériques de l'incubateur",
    parties=[
        "La direction des systèmes d'information des ministères sociaux, ci-après dénommée « la DSI », service délégant ;",
        "La direction interministérielle du numérique et des systèmes d'information et de communication, ci-après dénommée « la DINSIC », service délégataire,",
    ],
    preamble=["Il est convenu de modifier comme suit la convention susvisée."],
    articles=[
        ("1er", "Dispositions financières", [
            "L'article 3 de la convention est remplacé par les dispositions suivantes : les dépenses sont exécutées dans la limite d'un plafond de 150 000 € en AE et en CP. Pour l'année 2020, l'échéancier prévisionnel est le suivant :",
            ("ul", ["2020 : 70 000 € en AE et 90 000 € en CP."]),
        ]),
        ("2", "Prise d'effet", [
            "Le présent avenant prend effet le 1er décembre 2019.",
        ]),
    ],
    fait="Fait à Paris, le 20 novembre 2019.",
    signatures=[
        ("Pour la DSI :", ["Le chef de service,", "C. Rouquié"]),
        ("Pour la DINSIC, par délégation :", ["Le chef de la mission incubateur,", "H. Ghaniani"]),
    ],
)

TEXTS["hebergement-2019-avenant-2"] = dict(
    title="Avenant n° 2 à la convention de délégation de gestion du 15 janvier 2019 relative à l'hébergement des services numériques de l'incubateur",
    parties=[
        "La direction des systèmes d'information des ministères sociaux, ci-après dénommée « la DSI », service délégant ;",
        "La direction interministérielle du numérique et des systèmes d'information et de communication, ci-après dénommée « la DINSIC », service délégataire,",
    ],
    preamble=["Il est convenu de compléter comme suit l'article 1er de la convention susvisée."],
    articles=[
        ("1er", "Marchés", [
            "La DINSIC exécute en outre, pour le compte de la DSI, les dépenses du marché suivant :",
            ("ul", ["sauvegarde : titulaire SCALEWAY – n° CHORUS 1001300002."]),
        ]),
        ("2", "Prise d'effet", [
            "Le présent avenant prend effet le 16 mars 2020.",
        ]),
    ],
    fait="Fait à Paris, le 2 mars 2020.",
    signatures=[
        ("Pour la DSI :", ["Le chef de service,", "C. Rouquié"]),
        ("Pour la DINSIC, par délégation :", ["Le chef de la mission incubateur,", "H. Ghaniani"]),
    ],
)

TEXTS["sgg-enveloppes-2023"] = dict(
    title="Convention de délégation de gestion du 10 janvier 2023 relative au fonctionnement et à l'investissement numériques du SGG",
    parties=[
        "Le secrétariat général du Gouvernement, représenté par M. Paul DURAND, directeur, ci-après dénommé « le SGG », service délégant ;",
        "La direction des services administratifs et financiers, représentée par Mme Anne LEROY, directrice, ci-après dénommée « la DSAF », service délégataire,",
    ],
    preamble=[f"Vu le {DECRET} ;"],
    articles=[
        ("1er", "Objet", [
            "Le SGG confie à la DSAF l'exécution des dépenses de fonctionnement et d'investissement numériques, au titre des marchés suivants :",
            ("table", ["Objet", "Titulaire", "N° CHORUS"], [["hébergement", "OVH", "1001300001"], ["développement", "OCTO", "1001242228"]]),
        ]),
        ("2", "Durée", [
            "La présente convention prend effet le 15 janvier 2023 et prend fin le 31 décembre 2024.",
        ]),
        ("3", "Imputations", [
            "Les dépenses sont imputées sur le programme 129 « coordination du travail gouvernemental », centre de coûts SGGCOUT075.",
        ]),
        ("4", "Enveloppes", [
            "Les crédits sont mis à disposition sur deux enveloppes.",
            "Enveloppe « fonctionnement » : centre financier 0129-CSGG-FONC, domaine fonctionnel 0129-01, activité 012901010101, dans la limite d'un plafond de 700 000 € en AE et en CP, selon l'échéancier suivant :",
            ("table", ["Année", "AE", "CP"], [["2023", "400 000 €", "350 000 €"], ["2024", "300 000 €", "350 000 €"]]),
            "Enveloppe « investissement » : centre financier 0129-CSGG-INVE, domaine fonctionnel 0129-04, activité 012904010101, dans la limite d'un plafond de 200 000 € en AE et en CP, selon l'échéancier suivant :",
            ("table", ["Année", "AE", "CP"], [["2023", "150 000 €", "100 000 €"], ["2024", "50 000 €", "100 000 €"]]),
        ]),
        ("5", "Paiements", [
            "Les paiements n'excèdent pas un plafond annuel de 300 000 € en CP.",
        ]),
        ("6", "Nature des dépenses", [
            "Sont seules concernées les dépenses de fonctionnement (titre 3) et d'investissement (titre 5).",
        ]),
        ("7", "Dénonciation", [
            "La convention peut être dénoncée par l'une des parties, sous réserve d'un préavis de trois mois.",
        ]),
    ],
    fait="Fait à Paris, le 10 janvier 2023.",
    signatures=[
        ("Pour le SGG :", ["Le directeur,", "P. Durand"]),
        ("Pour la DSAF :", ["La directrice,", "A. Leroy"]),
    ],
)

TEXTS["sgg-paiements-2022"] = dict(
    title="Convention de délégation de gestion du 15 décembre 2021 relative au paiement des prestations numériques du SGG",
    parties=[
        "Le secrétariat général du Gouvernement, représenté par M. Paul DURAND, directeur, ci-après dénommé « le SGG », service délégant ;",
        "La direction interministérielle du numérique, représentée par Mme Nadia MOREAU, directrice, ci-après dénommée « la DINUM », service délégataire,",
    ],
    preamble=[f"La présente convention est conclue en application du {DECRET}."],
    articles=[
        ("1er", "Objet", [
            "Le SGG confie à la DINUM le seul paiement des prestations des marchés suivants, les engagements restant à sa charge : seuls les crédits de paiement sont délégués.",
            ("ul", ["hébergement : titulaire OVH – n° CHORUS 1001300001 ;", "développement : titulaire OCTO – n° CHORUS 1001242228."]),
        ]),
        ("2", "Durée", [
            "La présente convention prend effet le 1er janvier 2022. Elle est conclue jusqu'au 31 décembre 2022.",
            "Elle est reconduite tacitement par périodes d'un an, deux fois au plus, sauf dénonciation trois mois avant son terme.",
        ]),
        ("3", "Dispositions financières", [
            "Les paiements sont effectués dans la limite d'un plafond annuel de 60 000 € en CP et d'un plafond de 150 000 € de crédits de paiement sur toute la durée de la convention.",
        ]),
        ("4", "Imputations", [
            "Les dépenses sont imputées sur le programme 129 « coordination du travail gouvernemental ».",
            "Centre financier : 0129-CSGG-FONC",
            "Domaine fonctionnel : 0129-01",
            "Activité : 012901010101",
        ]),
        ("5", "Dénonciation", [
            "La convention peut être dénoncée par l'une des parties, sous réserve d'un préavis de trois mois.",
        ]),
    ],
    fait="Fait à Paris, le 15 décembre 2021.",
    signatures=[
        ("Pour le SGG :", ["Le directeur,", "P. Durand"]),
        ("Pour la DINUM :", ["La directrice,", "N. Moreau"]),
    ],
)

TEXTS["cadre-sg-2015"] = dict(
    title="Convention cadre de délégation de gestion du 1er juin 2015 relative à la convention cadre du secrétariat général 2015",
    parties=[
        "Le secrétariat général, représenté par M. Louis BERNARD, secrétaire général, ci-après dénommé « le SG », service délégant ;",
        "Le centre de services partagés de la SDLAC, représenté par Mme Julie PETIT, cheffe du centre, ci-après dénommé « le CSP-SDLAC », service délégataire,",
    ],
    preamble=[f"Vu le {DECRET} ;"],
    articles=[
        ("1er", "Objet", [
            "Le SG confie au CSP-SDLAC l'exécution des dépenses et des recettes du BOP 0214-CCSG du programme 214 « soutien de la politique de l'éducation nationale ».",
        ]),
        ("2", "Nature des dépenses", [
            "Sont concernées toutes les dépenses, hors titre 2.",
        ]),
        ("3", "Dispositions financières", [
            "Les dépenses sont exécutées dans la limite d'un plafond de 2 000 000 € en AE et en CP.",
        ]),
        ("4", "Durée", [
            "La présente convention prend effet à la date de sa signature et prend fin le 31 décembre 2015.",
            "Elle est ensuite renouvelée par tacite reconduction, d'année en année, sauf dénonciation trois mois avant son terme.",
            "Elle peut être dénoncée à tout moment sous réserve d'un préavis de trois mois.",
        ]),
    ],
    fait="Fait à Paris, le 1er juin 2015.",
    signatures=[
        ("Pour le SG :", ["Le secrétaire général,", "L. Bernard"]),
        ("Pour le CSP-SDLAC :", ["La cheffe du centre,", "J. Petit"]),
    ],
)

TEXTS["csp-daj-dne-2016"] = dict(
    title="Convention de délégation de gestion du 8 janvier 2016 relative à l'exécution des dépenses et des recettes de l'UO DAJ par le centre de services partagés",
    parties=[
        "La direction des affaires juridiques, représentée par Mme Sophie LAMBERT, directrice, responsable de l'UO 0214-CCSG-DAJ1, ci-après dénommée « la DAJ », délégant ;",
        "La direction du numérique, représentée par M. Marc GIRARD, directeur, responsable de l'UO 0214-CCSG-DNE1, ci-après dénommée « la DNE », délégant ;",
        "Le centre de services partagés de la SDLAC, service exécutant CSP0000075, représenté par Mme Julie PETIT, cheffe du centre, ci-après dénommé « le CSP-SDLAC », délégataire,",
    ],
    preamble=[
        f"La présente convention est conclue en application du {DECRET}, dans le cadre de la convention cadre du secrétariat général 2015.",
    ],
    articles=[
        ("1er", "Objet", [
            "La DAJ et la DNE confient au CSP-SDLAC l'exécution de leurs dépenses et de leurs recettes, sur le BOP 0214-CCSG du programme 214. Les dépenses de personnel en sont exclues (hors titre 2).",
        ]),
        ("2", "Durée", [
            "La présente convention prend effet à la date de sa signature. Elle est conclue pour une durée indéterminée.",
        ]),
        ("3", "Dénonciation", [
            "Chacune des parties peut y mettre fin à tout moment, sous réserve d'un préavis de trois mois.",
        ]),
    ],
    fait="Fait à Paris, le 8 janvier 2016.",
    signatures=[
        ("Pour la DAJ :", ["La directrice,", "S. Lambert"]),
        ("Pour la DNE :", ["Le directeur,", "M. Girard"]),
        ("Pour le CSP-SDLAC :", ["La cheffe du centre,", "J. Petit"]),
    ],
)

TEXTS["rectorat-2016"] = dict(
    title="Convention de délégation de gestion du 1er février 2016 relative à la sous-délégation au rectorat de l'académie",
    parties=[
        "Le centre de services partagés de la SDLAC, représenté par Mme Julie PETIT, cheffe du centre, ci-après dénommé « le CSP-SDLAC », service délégant ;",
        "Le rectorat de l'académie, représenté par M. Yves ROUX, secrétaire général d'académie, ci-après dénommé « le RECTORAT », service délégataire,",
    ],
    preamble=[
        f"La présente convention est conclue en application du {DECRET}, dans le cadre de la convention cadre du secrétariat général 2015.",
    ],
    articles=[
        ("1er", "Objet", [
            "Le CSP-SDLAC confie au RECTORAT l'exécution de dépenses de fonctionnement (titre 3) et d'investissement (titre 5) relevant de l'UO 0214-CCSG-REC1 du programme 214.",
        ]),
        ("2", "Durée", [
            "La présente convention prend effet à la date de sa signature et prend fin le 31 décembre 2017.",
        ]),
        ("3", "Dispositions financières", [
            "Le RECTORAT exécute les dépenses dans la limite d'un plafond de 150 000 € en AE et en CP, selon l'échéancier prévisionnel suivant :",
            ("ul", ["2016 : 100 000 € en AE et 80 000 € en CP ;", "2017 : 50 000 € en AE et 70 000 € en CP."]),
        ]),
    ],
    fait="Fait à Paris, le 1er février 2016.",
    signatures=[
        ("Pour le CSP-SDLAC :", ["La cheffe du centre,", "J. Petit"]),
        ("Pour le RECTORAT :", ["Le secrétaire général d'académie,", "Y. Roux"]),
    ],
)


def blocks_html(blocks):
    out = []
    for b in blocks:
        if isinstance(b, str):
            out.append(f"<p>{html.escape(b)}</p>")
        elif b[0] == "ul":
            out.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in b[1]) + "</ul>")
        else:
            _, head, rows = b
            out.append("<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr></thead><tbody>")
            for r in rows:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>")
            out.append("</tbody></table>")
    return "\n".join(out)


def to_html(t):
    h = ["<!doctype html>", '<html lang="fr"><head><meta charset="utf-8">',
         f"<title>{html.escape(t['title'])}</title>",
         "<style>body{font-family:serif;max-width:40em;margin:2em auto;line-height:1.4}"
         "h1{font-size:1.2em;text-align:center}h2{font-size:1em;margin-top:1.5em}"
         "table{border-collapse:collapse}td,th{border:1px solid #444;padding:.2em .6em}"
         ".sig{display:inline-block;width:45%;vertical-align:top}</style></head><body>",
         f"<h1>{html.escape(t['title'])}</h1>"]
    if t.get("nor"):
        h.append(f"<p>NOR : {t['nor']}</p>")
    h.append("<p>Entre</p>")
    for k, p in enumerate(t["parties"]):
        if k:
            h.append("<p>Et</p>")
        h.append(f"<p>{html.escape(p)}</p>")
    h.append("<p>Il est convenu ce qui suit :</p>")
    h.append(blocks_html(t["preamble"]))
    for n, head, blocks in t["articles"]:
        h.append(f"<h2>Article {n}</h2>")
        h.append(f"<h3>{html.escape(head)}</h3>")
        h.append(blocks_html(blocks))
    h.append(f"<p>{html.escape(t['fait'])}</p>")
    for who, lines in t["signatures"]:
        h.append('<p class="sig">' + html.escape(who) + "<br>" + "<br>".join(html.escape(l) for l in lines) + "</p>")
    h.append("</body></html>")
    return "\n".join(h) + "\n"


def to_docx(t, path):
    import docx
    d = docx.Document()
    d.add_heading(t["title"], level=1)
    if t.get("nor"):
        d.add_paragraph(f"NOR : {t['nor']}")
    d.add_paragraph("Entre")
    for k, p in enumerate(t["parties"]):
        if k:
            d.add_paragraph("Et")
        d.add_paragraph(p)
    d.add_paragraph("Il est convenu ce qui suit :")
    def blocks(bs):
        for b in bs:
            if isinstance(b, str):
                d.add_paragraph(b)
            elif b[0] == "ul":
                for i in b[1]:
                    d.add_paragraph(i, style="List Bullet")
            else:
                _, head, rows = b
                table = d.add_table(rows=1 + len(rows), cols=len(head))
                table.style = "Table Grid"
                for j, x in enumerate(head):
                    table.cell(0, j).text = x
                for i, r in enumerate(rows):
                    for j, x in enumerate(r):
                        table.cell(i + 1, j).text = x
    blocks(t["preamble"])
    for n, head, bs in t["articles"]:
        d.add_heading(f"Article {n}", level=2)
        d.add_paragraph(head)
        blocks(bs)
    d.add_paragraph(t["fait"])
    # Signatures side by side, as Word users lay them out: a table.
    sig = d.add_table(rows=1, cols=len(t["signatures"]))
    for j, (who, lines) in enumerate(t["signatures"]):
        cell = sig.cell(0, j)
        cell.text = who
        for l in lines:
            cell.add_paragraph(l)
    d.core_properties.author = "clausier"
    d.save(path)


def to_odt(t, path):
    """A minimal OpenDocument text, as LibreOffice reads it."""
    esc = html.escape
    body = [f'<text:h text:outline-level="1">{esc(t["title"])}</text:h>']
    if t.get("nor"):
        body.append(f"<text:p>NOR : {t['nor']}</text:p>")
    body.append("<text:p>Entre</text:p>")
    for k, p in enumerate(t["parties"]):
        if k:
            body.append("<text:p>Et</text:p>")
        body.append(f"<text:p>{esc(p)}</text:p>")
    body.append("<text:p>Il est convenu ce qui suit :</text:p>")
    def blocks(bs):
        for b in bs:
            if isinstance(b, str):
                body.append(f"<text:p>{esc(b)}</text:p>")
            elif b[0] == "ul":
                body.append("<text:list>" + "".join(f"<text:list-item><text:p>{esc(i)}</text:p></text:list-item>" for i in b[1]) + "</text:list>")
            else:
                _, head, rows = b
                body.append(f'<table:table table:name="T"><table:table-column table:number-columns-repeated="{len(head)}"/>')
                for r in [head] + rows:
                    body.append("<table:table-row>" + "".join(f"<table:table-cell><text:p>{esc(c)}</text:p></table:table-cell>" for c in r) + "</table:table-row>")
                body.append("</table:table>")
    blocks(t["preamble"])
    for n, head, bs in t["articles"]:
        body.append(f'<text:h text:outline-level="2">Article {n}</text:h>')
        body.append(f"<text:p>{esc(head)}</text:p>")
        blocks(bs)
    body.append(f"<text:p>{esc(t['fait'])}</text:p>")
    for who, lines in t["signatures"]:
        body.append("<text:p>" + esc(who) + "<text:line-break/>" + "<text:line-break/>".join(esc(l) for l in lines) + "</text:p>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
               "<office:body><office:text>" + "".join(body) + "</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def pdf(html_path, pdf_path):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf_path}", "file://" + html_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def long_text():
    """A 40-page convention (the benchmark's): the hébergement text with an
    annex of technical clauses repeated."""
    t = dict(TEXTS["hebergement-2019"])
    annex = [f"Clause technique {i} : le prestataire assure la disponibilité du service, la sauvegarde quotidienne des données et la réversibilité, dans les conditions du cahier des clauses techniques particulières." for i in range(1, 9)]
    t["articles"] = list(t["articles"]) + [(str(6 + k), f"Stipulations techniques, lot {k + 1}", annex) for k in range(63)]
    return t


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, t in ([] if "--bench-only" in sys.argv else TEXTS.items()):
        hp = os.path.join(OUT, name + ".html")
        with open(hp, "w", encoding="utf-8") as f:
            f.write(to_html(t))
        pdf(hp, os.path.join(OUT, name + ".pdf"))
        to_docx(t, os.path.join(OUT, name + ".docx"))
        if name == "csp-daj-dne-2016":
            to_odt(t, os.path.join(OUT, name + ".odt"))
    bench = os.path.join(ROOT, "benches", "data")
    os.makedirs(bench, exist_ok=True)
    hp = os.path.join(bench, "convention-40-pages.html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(to_html(long_text()))
    pdf(hp, os.path.join(bench, "convention-40-pages.pdf"))
    os.remove(hp)


if __name__ == "__main__":
    main()
