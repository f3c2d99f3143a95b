"""Writes the spreadsheet fixtures of tests/sheets.rs with openpyxl (run once; the files are
committed): every kind of cell CHORUS and Excel write, and rows the XML omits.

- cells-openpyxl.xlsx: inline strings (openpyxl 3.1 writes no shared strings), rich text, numbers, dates (1900 system), booleans, empty
  cells, rows 4 and 5 absent from the XML;
- cells-openpyxl-1904.xlsx: the same in the 1904 date system;
- cells-openpyxl-inline.xlsx: the same rows in write-only mode, rows 4 and 5 as empty elements.

Shared strings are written by rust_xlsxwriter in the test itself.
"""
import datetime

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROWS = {
    1: ["date", "type", "montant", "libelle", "valide", "n_ej"],
    2: [datetime.date(2017, 8, 24), "AE", 1234.56, 'Fournisseur; "NUMA"', True, 2103100001],
    3: [datetime.datetime(2018, 12, 31, 18, 0), "CP", -10.5, None, False, 7],
    # rows 4 and 5: absent
    6: [datetime.date(2020, 2, 29), "AE", 400000, "rich", None, None],
}


def rich():
    return CellRichText(["Incubateur ", TextBlock(InlineFont(b=True), "NUMA")])


def normal(path, epoch=None):
    wb = Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Restitution"
    for r, values in ROWS.items():
        for c, v in enumerate(values, start=1):
            if v is None:
                continue
            if v == "rich":
                v = rich()
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, (datetime.date, datetime.datetime)):
                cell.number_format = "DD/MM/YYYY"
    wb.save(path)


def inline(path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Restitution")
    last = 0
    for r, values in ROWS.items():
        while last + 1 < r:
            ws.append([])
            last += 1
        ws.append(["Incubateur NUMA" if v == "rich" else v for v in values])
        last = r
    wb.save(path)


normal("cells-openpyxl.xlsx")
normal("cells-openpyxl-1904.xlsx", CALENDAR_MAC_1904)
inline("cells-openpyxl-inline.xlsx")
