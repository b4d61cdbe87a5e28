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
              "removed_loyalty_screening", "vetoed", "complaints_filed", "complaints_upheld", "memberships_voided",
              "vote_share", "attempts", "voters_intending", "voters_gave_up", "voters_pending_at_close"),
  funnel = c("replicate", "party", "region", "office", "stage", "count"),
  turnout = c("replicate", "party", "region", "time", "eligible", "votes_cumulative"),
  platform = c("replicate", "party", "time", "attempts", "failures", "sessions"),
  list = c("replicate", "party", "office", "position", "candidate", "gender", "age", "route", "region"),
  democracy = c("replicate", "party", "office", "participation", "candidates_per_place", "margin_last_selected",
                "incumbents_running", "incumbents_defeated", "women_share_list",
                "women_share_selectorate", "under35_share_list", "under35_share_selectorate",
                "regional_disproportionality", "turnover", "candidates_per_place_contest", "places",
                "places_by_vote", "places_leadership", "places_empty", "regional_disproportionality_vote",
                "regional_disproportionality_proportional", "regional_disproportionality_random"),
  candidates = c("replicate", "party", "candidate", "office", "region", "branch", "gender", "age", "route",
                 "incumbent", "reached", "outcome", "reason", "contest", "contest_candidates", "votes",
                 "share", "contest_rank", "scaled_share", "conferences", "list_position"),
  warnings = c("replicate", "party", "kind", "group", "selection_stage", "office", "occurrences", "expected",
               "found"),
  selectors = c("replicate", "party", "group", "region", "eligible", "votes"))
# A run that does what its scenario says has no /warnings rows.
may_be_empty <- c("warnings")
for (name in names(contract)) {
  table <- f[[name]]$read()
  stopifnot(is.data.frame(table), identical(names(table), contract[[name]]),
            nrow(table) > 0 || name %in% may_be_empty)
  cat(sprintf("/%s: %d rows\n", name, nrow(table)))
}
stages <- f[["meta/stages"]]$read()$name
stopifnot(identical(levels(f[["funnel"]]$read()$stage), stages))

# Enums read as factors whose levels are the /meta lookup's names: outcome is categorical.
candidates <- f[["candidates"]]$read()
outcomes <- f[["meta/outcomes"]]$read()$name
stopifnot(identical(levels(candidates$outcome), outcomes))
stopifnot(identical(levels(candidates$reason), f[["meta/reasons"]]$read()$name))
listed <- candidates[as.character(candidates$outcome) == "listed" & candidates$replicate == 0, ]
stopifnot(nrow(listed) > 0, all(listed$list_position > 0))
offices <- f[["meta/offices"]]$read()
stopifnot(all(candidates$office %in% offices$code))
print(table(office = offices$name[match(candidates$office, offices$code)], outcome = as.character(candidates$outcome)))
warnings <- f[["warnings"]]$read()
stopifnot(identical(levels(warnings$kind), f[["meta/warning_kinds"]]$read()$name))
if (nrow(warnings) > 0) {
  selection_stages <- f[["meta/selection_stages"]]$read()
  print(data.frame(kind = as.character(warnings$kind),
                   stage = selection_stages$name[match(warnings$selection_stage, selection_stages$code)],
                   occurrences = warnings$occurrences))
}

# The example of docs/output.md.
funnel <- H5File$new(args[1], mode = "r")[["funnel"]]$read()
funnel$stage <- as.character(funnel$stage)
national <- aggregate(count ~ replicate + stage, data = funnel, FUN = sum)
means <- aggregate(count ~ stage, data = national, FUN = mean)
print(means)
stopifnot(setequal(means$stage, stages))
stopifnot(means$count[means$stage == "nominated"] > means$count[means$stage == "selected"])
