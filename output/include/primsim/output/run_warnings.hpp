// Where a run departed from its scenario (/warnings), summed over replicates: what `primsim run`
// prints on stderr and puts in its --json object, and what both reports show at their top
// (MODELLING.md point 5: no silent departures).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

// One kind of departure at one selection stage for one party's office, over the whole ensemble.
struct RunWarning {
  models::results::PartyCode party = 0;
  models::results::WarningKind kind = models::results::WarningKind::quota_unmet;
  models::results::QuotaGroupCode group = models::results::QuotaGroupCode::none;
  std::uint16_t selection_stage = 0;
  models::results::OfficeCode office = 0;
  std::uint64_t replicates = 0;  // replicates in which it happened at least once
  std::int64_t occurrences = 0;  // contests, conferences or lists, summed over replicates
  std::int64_t expected = 0;     // summed over replicates
  std::int64_t found = 0;        // summed over replicates
};

// Sorted by party, kind, selection stage and office; empty when the run did what the scenario
// said. Reads /warnings a block at a time.
std::vector<RunWarning> run_warnings(const RunFile& run);

// The names behind the codes, or "stage N", "party N" when the file does not name them.
std::string selection_stage_name(const RunFile& run, std::uint16_t stage);
std::string party_name(const RunFile& run, models::results::PartyCode party);

// What happened, as a phrase: "quota for women unmet", "places kept for youth not filled",
// "places not filled", "quota for women unmet from the candidates".
std::string warning_event(models::results::WarningKind kind,
                          models::results::QuotaGroupCode group = models::results::QuotaGroupCode::none);
// What the run did instead: "the quota was relaxed", "places left empty", "filled by appointees".
std::string warning_consequence(models::results::WarningKind kind);

// One line without a trailing newline: "members_vote (majilis): quota for women unmet 37 times in 8 of 10
// replicates (expected 80, found 43); the quota was relaxed", after "party NAME, " when the run
// has several parties.
std::string warning_text(const RunFile& run, const RunWarning& warning);

}  // namespace primsim::output
