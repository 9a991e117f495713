#!/bin/sh
# Extracts three real SEM/light-microscope TIFFs that Debian's python3-hyperspy ships as test data into
# datasets/micrographs/sem/, byte for byte, with the GPL-3 notice beside them, and checks their SHA-256:
#   FEI-Helios-Ebeam-16bits.tif        16-bit SEM image, FEI tag 34682 "[Scan] PixelWidth" = 3.3724e-6 m
#   test_tiff_Zeiss_SEM_512pix.tif      8-bit palette SEM image, Zeiss CZ_SEM tag 34118 (11.65 nm per pixel)
#   test_loading_image_saved_with_imageJ.tif  32-bit float image with ImageJ calibration (unit=micron, 0.16867 µm/px)
# The Zeiss and FEI files sit in zip archives inside the package; the ImageJ file lies there as it is.
# Run from the repository root on Debian 12 (no root needed):
#     sh datasets/scripts/make_sem_tiffs.sh
# The .deb is taken from $HYPERSPY_DEB when that file exists, else fetched with apt-get download (needs network).
set -eu
out=datasets/micrographs/sem
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deb=${HYPERSPY_DEB:-/tmp/hs/python3-hyperspy_1.7.3-1_amd64.deb}
if [ ! -f "$deb" ]; then
    (cd "$work" && apt-get download python3-hyperspy=1.7.3-1)
    deb="$work/python3-hyperspy_1.7.3-1_amd64.deb"
fi
dpkg-deb -x "$deb" "$work/x"
src="$work/x/usr/lib/python3/dist-packages/hyperspy/tests/io/tiff_files"
mkdir -p "$out"
unzip -o -q -d "$work/z" "$src/tiff_FEI_Helios.zip" FEI-Helios-Ebeam-16bits.tif
unzip -o -q -d "$work/z" "$src/tiff_Zeiss_SEM.zip" test_tiff_Zeiss_SEM_512pix.tif
cp "$work/z/FEI-Helios-Ebeam-16bits.tif" "$work/z/test_tiff_Zeiss_SEM_512pix.tif" "$src/test_loading_image_saved_with_imageJ.tif" "$out/"
cp "$work/x/usr/share/doc/python3-hyperspy/copyright" "$out/COPYRIGHT.debian"
cat > "$out/LICENSE" <<'TXT'
The files FEI-Helios-Ebeam-16bits.tif, test_tiff_Zeiss_SEM_512pix.tif and test_loading_image_saved_with_imageJ.tif
in this folder are data files taken unchanged from HyperSpy (https://github.com/hyperspy/hyperspy, Debian package
python3-hyperspy 1.7.3-1, hyperspy/tests/io/tiff_files/; the first two from tiff_FEI_Helios.zip and
tiff_Zeiss_SEM.zip there), Copyright 2007-2016 The HyperSpy developers, licensed under the GNU General Public
License, version 3 (see /usr/share/common-licenses/GPL-3 on Debian or https://www.gnu.org/licenses/gpl-3.0.txt).
They are separate data files read by Anneal at run time, not part of Anneal's program code.
COPYRIGHT.debian is the package's debian/copyright.
TXT
(cd "$out" && sha256sum -c <<'SUMS'
d50b936714a2ef2c2ebf4afa8b33526970e24097c1934e5a51681fe262b88255  FEI-Helios-Ebeam-16bits.tif
3ff2ed5eb9fc1e75cf2188bd4aa11bba1cc82496e1084303bc8685aa1de99431  test_tiff_Zeiss_SEM_512pix.tif
303dcaf1c33ec4112033fce92069ff7a7a93010f21414ea0620240f6266eeb9d  test_loading_image_saved_with_imageJ.tif
SUMS
)
