#!/usr/bin/env Rscript
# Builds datasets/glass.csv from the `Glass` data set in Debian's r-cran-mlbench
# (UCI Glass Identification data, B. German, Home Office Forensic Science Service, 1987).
# Run after `apt-get install r-base-core r-cran-mlbench`:
#     Rscript datasets/scripts/make_glass.R > datasets/glass.csv
# Rows are kept as published; columns renamed to carry units; the numeric class code is
# replaced by the class name given in the UCI documentation (glass.names).
data("Glass", package = "mlbench", envir = environment())
d <- Glass
stopifnot(identical(names(d), c("RI", "Na", "Mg", "Al", "Si", "K", "Ca", "Ba", "Fe", "Type")))
types <- c("1" = "building_windows_float_processed", "2" = "building_windows_non_float_processed",
           "3" = "vehicle_windows_float_processed", "4" = "vehicle_windows_non_float_processed",
           "5" = "containers", "6" = "tableware", "7" = "headlamps")
fmt <- function(x) sub("\\.?0+$", "", formatC(x, format = "f", digits = 6))
out <- data.frame(refractive_index = fmt(d$RI))
for (el in c("Na", "Mg", "Al", "Si", "K", "Ca", "Ba", "Fe")) {
  out[[paste0(tolower(el), "_wt_pct")]] <- fmt(d[[el]])
}
out$glass_type <- unname(types[as.character(d$Type)])
stopifnot(!anyNA(out))
write.table(out, stdout(), sep = ",", quote = FALSE, row.names = FALSE, col.names = TRUE, eol = "\n")
