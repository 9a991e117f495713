#!/usr/bin/env Rscript
# Builds datasets/concrete.csv from the `concrete` data set in Debian's r-cran-modeldata
# (UCI Concrete Compressive Strength data, I-Cheng Yeh).
# Run after `apt-get install r-base-core r-cran-modeldata`:
#     Rscript datasets/scripts/make_concrete.R > datasets/concrete.csv
# Rows are kept as published (order and duplicates included); columns are renamed to carry units.
data("concrete", package = "modeldata", envir = environment())
d <- as.data.frame(concrete)
stopifnot(identical(names(d), c("cement", "blast_furnace_slag", "fly_ash", "water", "superplasticizer",
                                "coarse_aggregate", "fine_aggregate", "age", "compressive_strength")))
names(d) <- c("cement_kg_m3", "blast_furnace_slag_kg_m3", "fly_ash_kg_m3", "water_kg_m3",
              "superplasticizer_kg_m3", "coarse_aggregate_kg_m3", "fine_aggregate_kg_m3",
              "age_days", "compressive_strength_mpa")
stopifnot(!anyNA(d))
# plain decimal notation, trailing zeros dropped (all source values have at most 2 decimals)
fmt <- function(x) sub("\\.?0+$", "", formatC(x, format = "f", digits = 4))
out <- as.data.frame(lapply(d, fmt), stringsAsFactors = FALSE)
write.table(out, stdout(), sep = ",", quote = FALSE, row.names = FALSE, col.names = TRUE, eol = "\n")
