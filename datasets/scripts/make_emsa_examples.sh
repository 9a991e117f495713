#!/bin/sh
# Extracts the EMSA/MSA example spectra that Debian's python3-hyperspy ships as test data into
# datasets/spectra/emsa/, byte for byte, with the GPL-3 notice beside them.
# Run from the repository root on Debian 12 (needs network for apt-get download, no root):
#     sh datasets/scripts/make_emsa_examples.sh
# Only example1.msa (DATATYPE XY) and example2.msa (DATATYPE Y) are kept: example1_wrong_date.msa differs
# from example1.msa only in its DATE/TIME lines, and minimum_metadata.msa holds a single channel.
set -eu
out=datasets/spectra/emsa
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-hyperspy=1.7.3-1)
dpkg-deb -x "$work"/python3-hyperspy_1.7.3-1_amd64.deb "$work/x"
src="$work/x/usr/lib/python3/dist-packages/hyperspy/tests/io/msa_files"
mkdir -p "$out"
for f in example1.msa example2.msa; do
    cp "$src/$f" "$out/$f"
done
cp "$work/x/usr/share/doc/python3-hyperspy/copyright" "$out/COPYRIGHT.debian"
cat > "$out/LICENSE" <<'TXT'
The files example1.msa and example2.msa in this folder are data files taken unchanged from HyperSpy
(https://github.com/hyperspy/hyperspy, Debian package python3-hyperspy 1.7.3-1,
hyperspy/tests/io/msa_files/), Copyright 2007-2016 The HyperSpy developers, licensed under the
GNU General Public License, version 3 (see /usr/share/common-licenses/GPL-3 on Debian or
https://www.gnu.org/licenses/gpl-3.0.txt). They are separate data files read by Anneal at run time,
not part of Anneal's program code. COPYRIGHT.debian is the package's debian/copyright.
TXT
