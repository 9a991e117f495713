#!/usr/bin/env python3
"""Builds datasets/elements_extended.csv: elements.csv plus properties from the Blue Obelisk Data Repository.

Run with the system Python after `apt-get install python3-periodictable bodr`:
    /usr/bin/python3 datasets/scripts/make_elements_extended.py > datasets/elements_extended.csv

The first twelve columns are exactly those of elements.csv (same rows, same order, produced by
make_elements.py from python3-periodictable). The remaining columns are read from
/usr/share/bodr/elements.xml (Debian package `bodr`) and joined on the atomic number.
"""
import csv
import io
import os
import sys
import xml.etree.ElementTree as ET
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_elements  # noqa: E402  (sibling script)

BODR_XML = "/usr/share/bodr/elements.xml"
CML = "{http://www.xml-cml.org/schema}"

# new column -> BODR dictRef
NUMERIC = [
    ("electronegativity_pauling", "bo:electronegativityPauling"),
    ("melting_point_k", "bo:meltingpoint"),
    ("boiling_point_k", "bo:boilingpoint"),
    ("first_ionization_energy_ev", "bo:ionization"),
    ("electron_affinity_ev", "bo:electronAffinity"),
    ("vdw_radius_angstrom", "bo:radiusVDW"),
]

# BODR `family` -> category label used here
FAMILY = {
    "Alkali_Earth": "alkali metal",  # BODR's name for group 1 metals
    "Alkaline_Earth": "alkaline earth metal",
    "Transition": "transition metal",
    "Other_Metal": "post-transition metal",
    "Rare_Earth": "lanthanide",
    "Metalloids": "metalloid",
    "Non-Metal": "nonmetal",
    "Halogen": "halogen",
    "Noblegas": "noble gas",
}


def category(z, family):
    if 89 <= z <= 103:  # BODR files Th..Bk under Other_Metal; they are actinides
        return "actinide"
    return FAMILY[family]


def read_bodr():
    by_z = {}
    for atom in ET.parse(BODR_XML).getroot().iter(CML + "atom"):
        props = {}
        for child in atom:
            ref = child.get("dictRef")
            if ref is not None:
                props[ref] = child.get("value") if child.tag == CML + "label" else (child.text or "").strip()
        by_z[int(props["bo:atomicNumber"])] = props
    return by_z


def main():
    buf = io.StringIO()
    with redirect_stdout(buf):
        make_elements.main()
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    header, body = rows[0], rows[1:]
    z_col = header.index("atomic_number")
    bodr = read_bodr()

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(header + [name for name, _ in NUMERIC] + ["category"])
    for row in body:
        z = int(row[z_col])
        props = bodr[z]
        if props["bo:symbol"] != row[0]:
            raise SystemExit(f"symbol mismatch at Z={z}: {props['bo:symbol']} vs {row[0]}")
        extra = []
        for _, ref in NUMERIC:
            v = props.get(ref, "")
            extra.append("" if v == "" else f"{float(v):.6g}")
        w.writerow(row + extra + [category(z, props["bo:family"])])


if __name__ == "__main__":
    main()
