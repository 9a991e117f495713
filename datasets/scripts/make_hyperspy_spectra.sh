#!/bin/sh
# Extracts the real EDS and EELS spectra that Debian's python3-hyperspy 1.7.3-1 ships into datasets/spectra/hyperspy/,
# byte for byte (HDF5 .hspy files, read by data.spectrum-image), and checks them against SHA256SUMS:
#   1D_EDS_SEM_Spectrum.hspy  SEM EDS spectrum of a certified reference material (10 kV)
#   1D_EDS_TEM_Spectrum.hspy  TEM EDS spectrum of an FePt sample
#   Cr_L_cl.hspy, Cr_L_ll.hspy  the Cr L2,3 core-loss EELS edge and its low-loss spectrum
# Run from the repository root on Debian 12: sh datasets/scripts/make_hyperspy_spectra.sh
# Uses /tmp/hs/python3-hyperspy_1.7.3-1_amd64.deb when present, else fetches it with apt-get download (no root).
set -eu
out=datasets/spectra/hyperspy
deb=/tmp/hs/python3-hyperspy_1.7.3-1_amd64.deb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -f "$deb" ]; then
    (cd "$work" && apt-get download python3-hyperspy=1.7.3-1)
    deb="$work/python3-hyperspy_1.7.3-1_amd64.deb"
fi
dpkg-deb -x "$deb" "$work/x"
pkg="$work/x/usr/lib/python3/dist-packages/hyperspy"
mkdir -p "$out"
cp "$pkg/misc/eds/example_signals/1D_EDS_SEM_Spectrum.hspy" "$pkg/misc/eds/example_signals/1D_EDS_TEM_Spectrum.hspy" "$out/"
cp "$pkg/tests/drawing/data/Cr_L_cl.hspy" "$pkg/tests/drawing/data/Cr_L_ll.hspy" "$out/"
cp "$work/x/usr/share/doc/python3-hyperspy/copyright" "$out/COPYRIGHT.debian"
cat > "$out/LICENSE" <<'TXT'
The .hspy files in this folder are data files taken unchanged from HyperSpy (https://github.com/hyperspy/hyperspy,
Debian package python3-hyperspy 1.7.3-1: hyperspy/misc/eds/example_signals/ and hyperspy/tests/drawing/data/),
Copyright 2007-2016 The HyperSpy developers, licensed under the GNU General Public License, version 3 (see
/usr/share/common-licenses/GPL-3 on Debian or https://www.gnu.org/licenses/gpl-3.0.txt). They are separate data
files read by Anneal at run time, not part of Anneal's program code. COPYRIGHT.debian is the package's debian/copyright.
TXT
(cd "$out" && sha256sum -c SHA256SUMS)
