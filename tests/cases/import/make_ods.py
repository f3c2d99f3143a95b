"""Writes jp51.ods: the jp51 fixture as an OpenDocument spreadsheet (run once; the file is committed)."""
import csv
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P

doc = OpenDocumentSpreadsheet()
table = Table(name="jp51")
with open("jp51.csv", encoding="utf-8") as f:
    for i, row in enumerate(csv.reader(f, delimiter=";")):
        tr = TableRow()
        for j, value in enumerate(row):
            if i > 0 and j == len(row) - 1:
                # Amounts as numbers, as a spreadsheet holds them.
                number = value.replace(",", ".")
                cell = TableCell(valuetype="float", value=number)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
doc.spreadsheet.addElement(table)
doc.save("jp51.ods")
