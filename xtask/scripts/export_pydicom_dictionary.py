"""Export pydicom's data dictionary to lint-core/data/dictionary.tsv.

The TSV is the committed input of `cargo xtask dictionary`, so building, testing and
regenerating lint-core's table need neither Python nor the network; this script is only
run to move to a newer edition of PS3.6 / PS3.7 (as shipped by a newer pydicom).

Run:  python3 xtask/scripts/export_pydicom_dictionary.py   (needs `pip install pydicom`)
then: cargo xtask dictionary

Format: one header comment line naming the source, then one line per entry, sorted:
    tag<TAB>vr<TAB>vm<TAB>retired<TAB>keyword
tag      8 upper-case hex digits; `x` marks a wildcard nibble of a repeating group
         (60xx3000, 002031xx, 1000xxx0), as pydicom's RepeatersDictionary spells them
vr       as pydicom has it: `PN`, `OB or OW`, `US or SS or OW`, or `NONE` (item and
         delimitation tags, which have no VR)
vm       as pydicom has it: 1, 1-3, 1-n, 2-2n, 3-3n, ...
retired  `R` if PS3.6 lists the element as retired, else empty
keyword  the PS3.6 keyword (empty for a few retired elements the standard left unnamed)
"""

import pathlib

import pydicom
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary

OUT = pathlib.Path(__file__).resolve().parents[2] / "lint-core" / "data" / "dictionary.tsv"


def row(tag, entry):
    vr, vm, _name, retired, keyword = entry
    # An entry with neither VR nor keyword says nothing a linter can use.
    if not keyword and not vr:
        return None
    for field in (vr, vm, keyword):
        if "\t" in field or "\n" in field:
            raise SystemExit(f"{tag}: field {field!r} would break the TSV")
    return (tag, vr, vm, "R" if retired else "", keyword)


def main():
    rows = []
    for tag, entry in DicomDictionary.items():
        r = row(f"{tag:08X}", entry)
        if r:
            rows.append(r)
    for mask, entry in RepeatersDictionary.items():
        # pydicom spells masks with upper-case hex and `x`/`X` wildcards; normalise to
        # upper-case hex digits and lower-case `x` so the wildcards stand out.
        r = row(mask.upper().replace("X", "x"), entry)
        if r:
            rows.append(r)
    rows.sort()
    tags = [r[0] for r in rows]
    if len(tags) != len(set(tags)):
        raise SystemExit("duplicate tags in pydicom's dictionary")
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            f"# Source: pydicom {pydicom.__version__} (pydicom._dicom_dict: DicomDictionary, "
            "RepeatersDictionary), exported by xtask/scripts/export_pydicom_dictionary.py; "
            "columns: tag vr vm retired keyword\n"
        )
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} entries to {OUT}")


if __name__ == "__main__":
    main()
