"""Export pydicom's data dictionary (PS3.6, PS3.7 as pydicom ships it) to
lint-core/data/dictionary.tsv, the committed input of `cargo xtask dictionary`.

Run: python3 xtask/scripts/export_pydicom_dictionary.py   (needs `pip install pydicom`)
Only needed to move to a newer edition of the standard; the TSV is committed.
"""
import pathlib
import pydicom
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary

out = pathlib.Path(__file__).resolve().parents[2] / "lint-core" / "data" / "dictionary.tsv"
rows = []
for tag, (vr, vm, _name, retired, keyword) in DicomDictionary.items():
    if not keyword and not vr:
        continue
    rows.append((f"{tag:08X}", vr, vm, "R" if retired else "", keyword))
for mask, (vr, vm, _name, retired, keyword) in RepeatersDictionary.items():
    rows.append((mask.upper().replace("X", "x"), vr, vm, "R" if retired else "", keyword))
rows.sort()
with out.open("w", encoding="utf-8", newline="\n") as f:
    f.write(f"# tag\tvr\tvm\tretired\tkeyword  (exported from pydicom {pydicom.__version__} by xtask/scripts/export_pydicom_dictionary.py)\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(f"wrote {len(rows)} entries to {out}")
