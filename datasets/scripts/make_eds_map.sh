#!/bin/sh
# Converts the real 30 x 30 SEM-EDS spectrum image that Debian's python3-hyperspy 1.7.3-1 ships as a Bruker .bcf file
# (hyperspy/tests/io/bruker_data/30x30_instructively_packed_16bit_compressed.bcf: a chevkinite-bearing rock, 20 kV,
# 2048 channels) into HyperSpy's HDF5 format, which data.spectrum-image reads, and checks the result against SHA256SUMS.
# The conversion is Debian's own HyperSpy (its bruker reader, then its hspy writer): energy axis, pixel size and the
# metadata (beam energy, elements, detector) are HyperSpy's, unchanged; only the EDS signal is kept (the .bcf also holds
# a 30 x 30 backscatter image). The one non-reproducible thing HyperSpy writes, the wall-clock time of the load and the
# save in metadata.General.FileIO, is left out so the file rebuilds byte for byte.
# Run from the repository root on Debian 12, as root (installs python3-hyperspy if missing): sh datasets/scripts/make_eds_map.sh
# Byte-for-byte needs the same versions: python3-hyperspy 1.7.3-1, python3-h5py 3.7.0-8, libhdf5-103-1 1.10.8+repack1-1,
# python3-numpy 1:1.24.2-1+deb12u1.
set -eu
out=datasets/spectra/eds-map
name=chevkinite_30x30_EDS.hspy
deb=/tmp/hs/python3-hyperspy_1.7.3-1_amd64.deb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! /usr/bin/python3 -c 'import hyperspy' 2>/dev/null; then
    apt-get install -y python3-hyperspy=1.7.3-1
fi
if [ ! -f "$deb" ]; then
    (cd "$work" && apt-get download python3-hyperspy=1.7.3-1)
    deb="$work/python3-hyperspy_1.7.3-1_amd64.deb"
fi
dpkg-deb -x "$deb" "$work/x"
bcf="$work/x/usr/lib/python3/dist-packages/hyperspy/tests/io/bruker_data/30x30_instructively_packed_16bit_compressed.bcf"
mkdir -p "$out"
/usr/bin/python3 - "$bcf" "$out/$name" <<'PY'
import logging
import sys
import hyperspy
import hyperspy.api as hs
from hyperspy.io_plugins import hspy

# Debian builds the bruker reader without its Cython part; the pure-Python path decodes the same values, only slower
logging.getLogger("hyperspy.io_plugins.bruker").setLevel(logging.ERROR)

assert hyperspy.__version__ == "1.7.3", "needs Debian's python3-hyperspy 1.7.3, found " + hyperspy.__version__
signals = hs.load(sys.argv[1])
eds = [s for s in signals if s.axes_manager.signal_dimension == 1]
assert len(eds) == 1, "expected one EDS signal in the .bcf, found %d" % len(eds)
s = eds[0]
# provenance as HyperSpy records it, without the wall-clock timestamps (they would change the bytes on every run)
del s.metadata.General.FileIO
for i, (operation, plugin) in enumerate([("load", "hyperspy.io_plugins.bruker"), ("save", "hyperspy.io_plugins.hspy")]):
    s.metadata.set_item("General.FileIO.%d" % i, {"operation": operation, "io_plugin": plugin, "hyperspy_version": "1.7.3"})
hspy.file_writer(sys.argv[2], s)  # HyperSpy's own writer (gzip + shuffle, its chunking), called directly so no timestamp is added
PY
cp "$work/x/usr/share/doc/python3-hyperspy/copyright" "$out/COPYRIGHT.debian"
cat > "$out/LICENSE" <<'TXT'
chevkinite_30x30_EDS.hspy is converted from a data file of HyperSpy (https://github.com/hyperspy/hyperspy, Debian package
python3-hyperspy 1.7.3-1: hyperspy/tests/io/bruker_data/30x30_instructively_packed_16bit_compressed.bcf), Copyright
2007-2016 The HyperSpy developers, licensed under the GNU General Public License, version 3 (see
/usr/share/common-licenses/GPL-3 on Debian or https://www.gnu.org/licenses/gpl-3.0.txt); the conversion (Bruker .bcf to
HyperSpy .hspy, by HyperSpy itself, datasets/scripts/make_eds_map.sh) keeps it under the GPL-3. It is a separate data
file read by Anneal at run time, not part of Anneal's program code. COPYRIGHT.debian is the package's debian/copyright.
TXT
(cd "$out" && sha256sum -c SHA256SUMS)
