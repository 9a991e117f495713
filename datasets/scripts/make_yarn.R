#!/usr/bin/env Rscript
# Builds datasets/spectra/yarn/ from the `yarn` data set in Debian's r-cran-pls
# (NIR spectra of PET yarns and their densities, Swierenga et al. 1999, Chemometr. Intell. Lab. Syst. 49, 1-17).
# Run after `apt-get install r-base-core r-cran-pls`:
#     Rscript datasets/scripts/make_yarn.R datasets/spectra/yarn
# Writes one two-column file per spectrum (channel, absorbance), labels.csv (file, density, set), LICENSE and
# COPYRIGHT.debian (the package's debian/copyright).
# The package gives no wavelengths (268 channels without an axis), so the axis is the channel number 1..268.
# The package's own calibration/test division is kept as `set` (train: 21 spectra, test: 7), in the published order.
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 1)
out <- args[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
data("yarn", package = "pls", envir = environment())
stopifnot(identical(dim(yarn$NIR), c(28L, 268L)), !anyNA(yarn$NIR), !anyNA(yarn$density))
fmt <- function(x) sub("\\.?0+$", "", formatC(x, format = "f", digits = 6))
files <- sprintf("yarn-%02d.csv", seq_len(nrow(yarn$NIR)))
for (i in seq_len(nrow(yarn$NIR))) {
  con <- file(file.path(out, files[i]), open = "wb")
  writeLines(c("channel,absorbance", paste(seq_len(268), fmt(yarn$NIR[i, ]), sep = ",")), con, sep = "\n")
  close(con)
}
labels <- data.frame(file = files, density = fmt(yarn$density),
                     set = ifelse(yarn$train, "train", "test"))
con <- file(file.path(out, "labels.csv"), open = "wb")
write.table(labels, con, sep = ",", quote = FALSE, row.names = FALSE, col.names = TRUE, eol = "\n")
close(con)
# the licence beside the data, and the package's debian/copyright as Debian installs it
con <- file(file.path(out, "LICENSE"), open = "wb")
writeLines(c(
  "The spectra and densities in this folder are the `yarn` data set of the R package pls (Bjørn-Helge Mevik, Ron Wehrens,",
  "Kristian Hovde Liland; https://cran.r-project.org/package=pls), Debian package r-cran-pls 2.8-1-1, licensed under the",
  "GNU General Public License, version 2 (see /usr/share/common-licenses/GPL-2 on Debian or",
  "https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt). The data were contributed to the package by Erik Swierenga",
  "(Swierenga et al., Chemometrics and Intelligent Laboratory Systems 49 (1999) 1-17). They were rewritten as one text file",
  "per spectrum by datasets/scripts/make_yarn.R; no value was changed. They are separate data files read by Anneal at run",
  "time, not part of Anneal's program code. COPYRIGHT.debian is the package's debian/copyright."), con, sep = "\n")
close(con)
stopifnot(file.copy("/usr/share/doc/r-cran-pls/copyright", file.path(out, "COPYRIGHT.debian"), overwrite = TRUE))
