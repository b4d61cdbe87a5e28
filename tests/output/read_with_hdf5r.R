# Opens a results file with R's hdf5r as docs/output.md shows: every table becomes a data.frame
# with the contract's columns, and enums carry the names of their /meta lookup table.
args <- commandArgs(trailingOnly = TRUE)
library(hdf5r)
f <- H5File$new(args[1], mode = "r")
contract <- list(
  summary = c("replicate", "party", "eligible", "votes", "turnout", "votes_online", "votes_paper",
              "votes_in_person", "extension_hours", "applicants", "registered", "removed",
              "on_ballot", "selected", "removed_ineligible", "removed_registration_error",
              "removed_skipped_debates", "removed_complaint_upheld", "withdrawn",
              "complaints_filed", "complaints_upheld", "memberships_voided", "vote_share"),
  funnel = c("replicate", "party", "region", "stage", "count"),
  turnout = c("replicate", "party", "region", "time", "eligible", "votes_cumulative"),
  platform = c("replicate", "party", "time", "attempts", "failures", "sessions"),
  list = c("replicate", "party", "position", "candidate", "gender", "age", "route", "region"),
  democracy = c("replicate", "party", "participation", "candidates_per_place", "margin_last_selected",
                "incumbents_running", "incumbents_defeated", "women_share_list",
                "women_share_selectorate", "under35_share_list", "under35_share_selectorate",
                "regional_disproportionality", "turnover"))
for (name in names(contract)) {
  table <- f[[name]]$read()
  stopifnot(is.data.frame(table), identical(names(table), contract[[name]]), nrow(table) > 0)
  cat(sprintf("/%s: %d rows\n", name, nrow(table)))
}
stages <- f[["meta/stages"]]$read()$name
stopifnot(identical(levels(f[["funnel"]]$read()$stage), stages))

# The example of docs/output.md.
funnel <- H5File$new(args[1], mode = "r")[["funnel"]]$read()
funnel$stage <- as.character(funnel$stage)
national <- aggregate(count ~ replicate + stage, data = funnel, FUN = sum)
means <- aggregate(count ~ stage, data = national, FUN = mean)
print(means)
stopifnot(setequal(means$stage, stages))
stopifnot(means$count[means$stage == "nominated"] > means$count[means$stage == "selected"])
