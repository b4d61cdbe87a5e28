// A stage's quotas applied where its rule says (a contest's winners, a conference's nominees, the
// list), with the scenario's choice when the candidates cannot meet them: nothing is invented
// silently, and every quota left unmet is written to the warning log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/models/primary/warning_log.hpp"
#include "primsim/models/rules/list_formation.hpp"
#include "primsim/models/spec/selection_spec.hpp"

namespace primsim::models {

// Where a stage fills places, for its warnings.
struct QuotaSite {
  std::uint16_t stage = 0;  // index into selection.stages
  results::OfficeCode office = 0;
};

// The output code of a quota's group.
results::QuotaGroupCode code_of(spec::QuotaGroup group);
// Whether a candidate counts toward a quota's group.
bool in_quota_group(const rules::ListCandidate& candidate, spec::QuotaGroup group);

// The minimum shares of a list of quotas (the largest of each group's).
rules::MinimumShares minimum_shares(std::span<const spec::QuotaSpec> quotas);

// Up to `places` of `ranked` (best first) under the rule's quotas. A quota the pool cannot meet
// is relaxed (filled from whoever is left) or, with leave_empty, its unfilled places stay empty;
// either way a warning is logged. With keep_leadership no swap displaces a leadership place.
// `appoint` is handled by the caller, which puts the appointees it may name in `ranked`.
std::vector<rules::ListCandidate> fill_under_quotas(std::span<const rules::ListCandidate> ranked,
                                                    std::size_t places, const spec::RuleSpec& rule,
                                                    const QuotaSite& site, WarningLog& log,
                                                    bool keep_leadership = false);

}  // namespace primsim::models
