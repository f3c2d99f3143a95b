"""Writes infbud.xlsx: an INFBUD spreadsheet with measure columns (run once; the file is committed)."""
import datetime
from openpyxl import Workbook

wb = Workbook()
ws = wb.active
ws.title = "INFBUD"
ws.append(["INFBUD : Suivi de l'exécution"])
ws.append(["Exercice comptable", 2018])
ws.append(["Périmètre", "UO 0124-CDAF-CDSI"])
ws.append([])
ws.append([])
ws.append(["Centre financier", "N° EJ", "Fournisseur titulaire principal (EJ)", "Fournisseur titulaire principal (EJ)",
           "N° de contrat", "Centre de coûts", "Référentiel de programmation", "Date comptable du SF",
           "Bascule des EJ non soldés", "Montant engagé", "Montant certifié non soldé", "Montant pré-enregistré",
           "Montant facturé", "Montant payé"])
rows = [
    ("BG00/0124-CDAF-CDSI", "2103100001", "1001091655", "NUMA", "", "BG00/DININCUB75", "BG00/012460111304",
     datetime.date(2018, 3, 15), 156000, 186000, 0, 0, 30000, 30000),
    ("BG00/0124-CDAF-CDSI", "2103100002", "1001242228", "OCTO", "", "BG00/DININCUB75", "BG00/012460111304",
     datetime.date(2018, 4, 16), 180210, 175210, 0, 0, 0, 30000),
    ("BG00/0124-CDAF-CDSI", "2103100004", "1001242228", "OCTO", "", "BG00/DININCUB75", "BG00/012460111305",
     datetime.date(2018, 5, 22), 0, 80000.5, 0, 0, 0, 25000.25),
    ("Résultat", "", "", "", "", "", "", None, 336210, 441210.5, 0, 0, 30000, 85000.25),
]
for r in rows:
    ws.append(list(r))
for cell in ws["H"][6:]:
    cell.number_format = "DD/MM/YYYY"
wb.save("infbud.xlsx")
