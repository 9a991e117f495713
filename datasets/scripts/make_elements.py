#!/usr/bin/env python3
"""Builds datasets/elements.csv from the element data packaged in Debian's python3-periodictable.

Run with the system Python after `apt-get install python3-periodictable`:
    /usr/bin/python3 datasets/scripts/make_elements.py > datasets/elements.csv
Period, group and block are derived from the atomic number (IUPAC long form, lanthanides and
actinides in group 3's row are given an empty group).
"""
import csv
import sys

import periodictable as pt

PERIOD_STARTS = [1, 3, 11, 19, 37, 55, 87, 119]


def period(z):
    for p in range(len(PERIOD_STARTS) - 1):
        if PERIOD_STARTS[p] <= z < PERIOD_STARTS[p + 1]:
            return p + 1
    return None


def group_and_block(z):
    if z == 1:
        return 1, "s"
    if z == 2:
        return 18, "s"
    p = period(z)
    offset = z - PERIOD_STARTS[p - 1]  # 0-based position in the period
    if p <= 3:  # 8 elements: groups 1, 2, 13..18
        return (offset + 1, "s") if offset < 2 else (offset + 11, "p")
    if p <= 5:  # 18 elements
        if offset < 2:
            return offset + 1, "s"
        if offset < 12:
            return offset + 1, "d"
        return offset + 1, "p"
    # periods 6 and 7: 32 elements with the f block after group 2
    if offset < 2:
        return offset + 1, "s"
    if offset < 16:
        return None, "f"
    group = offset - 13
    return group, ("d" if group <= 12 else "p")


def main():
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["symbol", "name", "atomic_number", "period", "group", "block", "atomic_mass_u",
                "density_g_cm3", "density_note", "covalent_radius_angstrom", "crystal_structure",
                "lattice_a_angstrom"])
    for el in pt.elements:
        if el.number == 0 or el.density is None:
            continue
        g, block = group_and_block(el.number)
        cs = el.crystal_structure or {}
        w.writerow([
            el.symbol, el.name, el.number, period(el.number), "" if g is None else g, block,
            f"{el.mass:.6g}", f"{el.density:.6g}", el.density_caveat or "",
            "" if el.covalent_radius is None else f"{el.covalent_radius:.4g}",
            cs.get("symmetry", ""), "" if cs.get("a") is None else f"{cs['a']:.4g}",
        ])


if __name__ == "__main__":
    main()
