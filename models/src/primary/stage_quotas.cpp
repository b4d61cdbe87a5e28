// Quotas at the place a stage fills, with the scenario's shortfall rule and its warnings.
#include "primsim/models/primary/stage_quotas.hpp"

#include <algorithm>
#include <cmath>

namespace primsim::models {
namespace {

std::size_t needed(double share, std::size_t places) {
  return static_cast<std::size_t>(std::ceil(share * static_cast<double>(places) - 1e-9));
}

}  // namespace

results::QuotaGroupCode code_of(spec::QuotaGroup group) {
  switch (group) {
    case spec::QuotaGroup::women:
      return results::QuotaGroupCode::women;
    case spec::QuotaGroup::youth:
      return results::QuotaGroupCode::youth;
    case spec::QuotaGroup::women_or_youth:
      return results::QuotaGroupCode::women_or_youth;
  }
  return results::QuotaGroupCode::none;
}

bool in_quota_group(const rules::ListCandidate& candidate, spec::QuotaGroup group) {
  switch (group) {
    case spec::QuotaGroup::women:
      return candidate.is_woman;
    case spec::QuotaGroup::youth:
      return candidate.is_youth;
    case spec::QuotaGroup::women_or_youth:
      return candidate.is_woman || candidate.is_youth;
  }
  return false;
}

rules::MinimumShares minimum_shares(std::span<const spec::QuotaSpec> quotas) {
  rules::MinimumShares shares;
  for (const auto& quota : quotas) {
    double& share = quota.group == spec::QuotaGroup::women   ? shares.women
                    : quota.group == spec::QuotaGroup::youth ? shares.youth
                                                             : shares.women_or_youth;
    share = std::max(share, quota.min_share);
  }
  return shares;
}

std::vector<rules::ListCandidate> fill_under_quotas(std::span<const rules::ListCandidate> ranked,
                                                    std::size_t places, const spec::RuleSpec& rule,
                                                    const QuotaSite& site, WarningLog& log,
                                                    bool keep_leadership) {
  const rules::QuotaOptions options{rules::QuotaMethod::least_displacement, keep_leadership, true};
  std::vector<rules::ListCandidate> chosen =
      rules::enforce_minimum_shares(ranked, places, minimum_shares(rule.quotas), options);
  if (rule.quotas.empty()) return chosen;
  // The quota is on the places the stage fills, not on a pool that happens to be shorter.
  const std::size_t filled = chosen.size();
  for (const auto& quota : rule.quotas) {
    const std::size_t need = needed(quota.min_share, filled);
    const auto have = static_cast<std::size_t>(
        std::count_if(chosen.begin(), chosen.end(),
                      [&](const rules::ListCandidate& c) { return in_quota_group(c, quota.group); }));
    if (have >= need) continue;
    if (rule.quota_shortfall != spec::QuotaShortfall::leave_empty) {
      log.add(results::WarningKind::quota_unmet, code_of(quota.group), site.stage, site.office,
              static_cast<std::int64_t>(need), static_cast<std::int64_t>(have));
      continue;
    }
    // The places the quota keeps for the group and the group cannot fill stay empty: they are
    // taken back from the lowest-ranked others (never a leadership place).
    std::size_t to_empty = need - have;
    for (std::size_t i = chosen.size(); i-- > 0 && to_empty > 0;) {
      if (in_quota_group(chosen[i], quota.group)) continue;
      if (keep_leadership && chosen[i].route == rules::ListRoute::leadership) continue;
      chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(i));
      --to_empty;
    }
    log.add(results::WarningKind::places_empty, code_of(quota.group), site.stage, site.office,
            static_cast<std::int64_t>(need), static_cast<std::int64_t>(have));
  }
  return chosen;
}

}  // namespace primsim::models
