// Cross-section checks. Each is skipped when a value it needs already failed to read, so that
// one mistake gives one error line, never a cascade.
#include "scenario_checks.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "primsim/models/rules/count_limits.hpp"
#include "suggest.hpp"
#include "target_checks.hpp"
#include "time_format.hpp"

namespace primsim::scenarios {
namespace {

using namespace models::spec;

template <typename T>
std::vector<std::string_view> names_in(const std::vector<T>& items) {
  std::vector<std::string_view> names;
  for (const T& item : items) names.push_back(item.name);
  return names;
}

class Checker {
 public:
  Checker(ScenarioSpec& spec, SpecReader& reader) : spec_(spec), reader_(reader) {}

  void run() {
    check_parties();
    check_calendar();
    check_territory();
    check_membership();
    check_candidacy();
    check_stages();
    check_voting();
    check_disruptions();
    check_turnout();
  }

 private:
  // `name` at `path` must be one of `known` (the entries of `where`).
  void reference(const std::string& path, const std::string& name, const std::vector<std::string_view>& known,
                 std::string_view what) {
    if (!reader_.ok(path)) return;
    if (std::find(known.begin(), known.end(), name) != known.end()) return;
    reader_.report_at(path,
                      fmt::format("the name of {} ({})", what,
                                  known.empty() ? "none defined" : fmt::format("{}", fmt::join(known, ", "))),
                      fmt::format("\"{}\"{}", name, suggestion_suffix(name, known)));
  }

  // A time at `path` must not lie after the horizon.
  void within_horizon(const std::string& path, sim::SimTime t) {
    if (!reader_.ok(path) || !reader_.ok("calendar.horizon")) return;
    if (t > spec_.calendar.horizon) {
      reader_.report_at(
          path, fmt::format("a time at or before calendar.horizon ({})", format_time(spec_.calendar.horizon)),
          format_time(t));
    }
  }

  [[nodiscard]] std::string format_time(sim::SimTime t) const {
    return fmt::format("\"{}\"", format_date_time(t.seconds_since_epoch() + reader_.epoch_utc() +
                                                  spec_.calendar.utc_offset.count()));
  }

  void check_parties() {
    if (spec_.parties.empty() && reader_.ok("parties")) {
      spec_.parties.push_back(PartySpec{spec_.name, 1.0, 1, 1.0});
      return;
    }
    if (reader_.ok("parties") && spec_.parties.size() > models::rules::kMaxParties) {
      reader_.report_at("parties", fmt::format("at most {} parties", models::rules::kMaxParties),
                        fmt::format("{}", spec_.parties.size()));
    }
    // The scenario's figures are the first party's; the others are as large as their support.
    const double first_support = spec_.parties.empty() ? 1.0 : spec_.parties.front().support_share;
    for (std::size_t p = 0; p < spec_.parties.size(); ++p) {
      PartySpec& party = spec_.parties[p];
      // The model gives each party one slate per contest; more would be silently ignored.
      const std::string lists_path = fmt::format("parties[{}].lists", p);
      if (party.lists != 1 && reader_.ok(lists_path)) {
        reader_.report_at(lists_path, "1 (one slate per party and contest; several are not simulated)",
                          fmt::format("{}", party.lists));
      }
      if (party.scale) continue;
      if (p == 0) {
        party.scale = 1.0;
      } else if (first_support > 0.0) {
        party.scale = party.support_share / first_support;
      } else if (reader_.ok("parties")) {
        reader_.report_at(fmt::format("parties[{}]", p),
                          "a scale, since the first party's support_share of 0 cannot size the others",
                          "no scale");
      }
    }
    double sum = 0.0;
    for (const PartySpec& party : spec_.parties) sum += party.support_share;
    if (reader_.ok("parties") && sum > 1.0 + 1e-6) {
      reader_.report_at("parties", "support shares that sum to at most 1",
                        fmt::format("a sum of {:.6g}", sum));
    }
  }

  void check_calendar() {
    CalendarSpec& calendar = spec_.calendar;
    if (reader_.ok("calendar.horizon") && reader_.ok("calendar.epoch") &&
        calendar.horizon <= sim::SimTime::epoch()) {
      reader_.report_at("calendar.horizon", "a time after calendar.epoch", format_time(calendar.horizon));
    }
    for (const PhaseSpec& phase : calendar.phases) {
      within_horizon("calendar.phases." + phase.name + ".end", phase.window.end);
    }
    note_date_only_ends();
    std::stable_sort(calendar.phases.begin(), calendar.phases.end(),
                     [](const PhaseSpec& a, const PhaseSpec& b) { return a.window.start < b.window.start; });
  }

  // A date-only end is midnight as that day begins, so the day itself is not in the phase. That
  // reading keeps calendars whose next phase starts on the same date contiguous, but a reader
  // may take "end: 2020-10-05" to include 5 October: the first such end is pointed out once.
  void note_date_only_ends() {
    std::vector<const PhaseSpec*> date_only;
    for (const PhaseSpec& phase : spec_.calendar.phases) {
      const std::string path = "calendar.phases." + phase.name + ".end";
      if (reader_.ok(path) && reader_.date_only(path)) date_only.push_back(&phase);
    }
    if (date_only.empty()) return;
    const PhaseSpec& first = *date_only.front();
    const std::int64_t local =
        first.window.end.seconds_since_epoch() + reader_.epoch_utc() + spec_.calendar.utc_offset.count();
    constexpr std::int64_t kDay = 86400;
    const std::size_t others = date_only.size() - 1;
    reader_.note_at(
        "calendar.phases." + first.name + ".end",
        fmt::format("a date-only end is midnight as that day begins: the phase's last day is {}, "
                    "and end: {} would include {}{}",
                    format_date_time(local - kDay), format_date_time(local + kDay), format_date_time(local),
                    others == 0 ? std::string{}
                                : fmt::format(" ({} more phase{} end{} on a date alone)", others,
                                              others == 1 ? "" : "s", others == 1 ? "s" : "")));
  }

  void check_territory() {
    if (reader_.ok("territory.regions") && spec_.territory.regions.empty()) {
      reader_.report_at("territory.regions", "at least one region", "none");
    }
    for (const RegionSpec& region : spec_.territory.regions) {
      const std::string base = "territory.regions." + region.name;
      if (region.remote_member_share > 0.0 && region.remote_settlements == 0 && reader_.ok(base)) {
        reader_.report_at(base + ".remote_member_share", "0 when remote_settlements is 0",
                          fmt::format("\"{}\"", region.remote_member_share));
      }
    }
  }

  void check_membership() {
    for (std::size_t i = 0; i < spec_.membership.age_bands.size(); ++i) {
      const AgeBandSpec& band = spec_.membership.age_bands[i];
      const std::string base = fmt::format("membership.age_bands[{}]", i);
      if (reader_.ok(base) && band.max_age < band.min_age) {
        reader_.report_at(base + ".max_age", fmt::format("an age of at least min_age ({})", band.min_age),
                          fmt::format("\"{}\"", band.max_age));
      }
    }
    check_member_counts();
  }

  // membership.size is the whole roll and a region's `members` its part of it; regions without
  // `members` share the rest by population. When the two disagree one would silently win (the
  // regions' sum, or the size), so the disagreement is an error that shows both.
  void check_member_counts() {
    if (!reader_.ok("membership.size") || !reader_.ok("territory.regions")) return;
    std::int64_t given = 0;
    std::int64_t population_left = 0;
    bool every_region_given = true;
    std::vector<std::string> where_given;
    for (const RegionSpec& region : spec_.territory.regions) {
      const std::string path = "territory.regions." + region.name + ".members";
      if (!reader_.ok("territory.regions." + region.name)) return;
      if (region.members) {
        given += *region.members;
        where_given.push_back(path);
      } else {
        every_region_given = false;
        population_left += region.population;
      }
    }
    if (where_given.empty()) return;
    const std::int64_t size = spec_.membership.size;
    const SourceLocation at = reader_.where(where_given.front());
    const std::string regions =
        where_given.size() == 1
            ? fmt::format("{} at {}:{}:{}", where_given.front(), *at.file, at.line, at.column)
            : fmt::format("territory.regions.*.members of {} regions, the first at {}:{}:{}",
                          where_given.size(), *at.file, at.line, at.column);
    const std::string found = fmt::format("\"{}\"", size);
    if (every_region_given && given != size) {
      reader_.report_at("membership.size",
                        fmt::format("the sum of the regions' members, {} ({})",
                                    grouped(static_cast<std::uint64_t>(given)), regions),
                        found);
    } else if (!every_region_given && given > size) {
      reader_.report_at("membership.size",
                        fmt::format("at least the {} members the regions give ({})",
                                    grouped(static_cast<std::uint64_t>(given)), regions),
                        found);
    } else if (!every_region_given && given < size && population_left == 0) {
      reader_.report_at("membership.size",
                        fmt::format("{} members, as the regions without members have no population to share "
                                    "the other {} ({})",
                                    grouped(static_cast<std::uint64_t>(given)),
                                    grouped(static_cast<std::uint64_t>(size - given)), regions),
                        found);
    }
  }

  void check_candidacy() {
    const CandidacySpec& candidacy = spec_.candidacy;
    const auto phases = names_in(spec_.calendar.phases);
    if (!candidacy.nomination_phase.empty()) {
      reference("candidacy.nomination_phase", candidacy.nomination_phase, phases,
                "a phase in calendar.phases");
    } else if (!candidacy.arrival_profile.empty() && reader_.ok("candidacy.arrival_profile")) {
      reader_.report_at("candidacy.nomination_phase", "the phase the arrival profile lies in",
                        "nothing (the key is required with arrival_profile)");
    }
    const auto phase = std::find_if(spec_.calendar.phases.begin(), spec_.calendar.phases.end(),
                                    [&](const PhaseSpec& p) { return p.name == candidacy.nomination_phase; });
    if (phase == spec_.calendar.phases.end()) return;
    for (std::size_t i = 0; i < candidacy.arrival_profile.size(); ++i) {
      const TimeWindow& window = candidacy.arrival_profile[i].window;
      const std::string base = fmt::format("candidacy.arrival_profile[{}]", i);
      if (!reader_.ok(base) || !reader_.ok("calendar.phases." + phase->name)) continue;
      if (window.start < phase->window.start || window.end > phase->window.end) {
        reader_.report_at(base + ".start",
                          fmt::format("a window inside the nomination phase {} ({} to {})", phase->name,
                                      format_time(phase->window.start), format_time(phase->window.end)),
                          fmt::format("{} to {}", format_time(window.start), format_time(window.end)));
      }
    }
  }

  void check_stages() {
    // With no stage nothing is selected: every run would report empty lists.
    if (reader_.ok("selection.stages") && spec_.selection.stages.empty()) {
      reader_.report_at("selection.stages", "at least one stage", "none");
    }
    const auto phases = names_in(spec_.calendar.phases);
    const auto channels = names_in(spec_.voting.channels);
    const auto offices = names_in(spec_.candidacy.offices);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < spec_.selection.stages.size(); ++i) {
      const StageSpec& stage = spec_.selection.stages[i];
      const std::string base = fmt::format("selection.stages[{}]", i);
      if (reader_.ok(base + ".name") && !seen.insert(stage.name).second) {
        reader_.report_at(base + ".name", "a stage name not used by an earlier stage",
                          fmt::format("\"{}\" again", stage.name));
      }
      if (!stage.phase.empty()) reference(base + ".phase", stage.phase, phases, "a phase in calendar.phases");
      for (std::size_t j = 0; j < stage.channels.size(); ++j) {
        reference(fmt::format("{}.channels[{}]", base, j), stage.channels[j], channels,
                  "a channel in voting.channels");
      }
      for (std::size_t j = 0; j < stage.offices.size(); ++j) {
        reference(fmt::format("{}.offices[{}]", base, j), stage.offices[j], offices,
                  "an office in candidacy.offices");
      }
      if (!reader_.ok(base + ".method") || !reader_.ok(base + ".channels")) continue;
      if (stage.method == SelectionMethod::vote && stage.channels.empty()) {
        reader_.report_at(base + ".channels", "at least one voting channel for a stage whose method is vote",
                          "none");
      }
      if (stage.method == SelectionMethod::appoint && !stage.channels.empty()) {
        reader_.report_at(base + ".channels", "no channels for a stage whose method is appoint",
                          fmt::format("{} channel(s)", stage.channels.size()));
      }
      if (reader_.ok(base + ".rule.kind") &&
          (stage.method == SelectionMethod::appoint) != (stage.rule.kind == RuleKind::appointment)) {
        reader_.report_at(base + ".rule.kind",
                          stage.method == SelectionMethod::appoint
                              ? "appointment for a stage whose method is appoint"
                              : "a voting rule for a stage whose method is vote",
                          fmt::format("\"{}\"", name_of(stage.rule.kind)));
      }
      check_stage_rules(stage, base);
      const SelectorateSpec& selectorate = stage.selectorate;
      if (!reader_.ok(base + ".selectorate")) continue;
      if ((selectorate.kind == SelectorateKind::committee ||
           selectorate.kind == SelectorateKind::delegates) &&
          selectorate.size == 0) {
        reader_.report_at(base + ".selectorate.size",
                          fmt::format("a positive size for a {} selectorate", name_of(selectorate.kind)),
                          "nothing or 0");
      }
      if (selectorate.kind == SelectorateKind::all_voters && selectorate.voters == 0) {
        reader_.report_at(base + ".selectorate.voters",
                          "a positive number of voters for an all_voters selectorate", "nothing or 0");
      }
      check_selector_groups(stage, i == first_vote_stage(), base + ".selectorate.groups");
    }
  }

  // The index of the first stage whose method is vote: the one whose selectors the run draws.
  [[nodiscard]] std::size_t first_vote_stage() const {
    const auto& stages = spec_.selection.stages;
    return static_cast<std::size_t>(
        std::find_if(stages.begin(), stages.end(),
                     [](const StageSpec& stage) { return stage.method == SelectionMethod::vote; }) -
        stages.begin());
  }

  void check_selector_groups(const StageSpec& stage, bool first_vote, const std::string& base) {
    if (stage.selectorate.groups.empty() || !reader_.ok(base)) return;
    if (stage.method == SelectionMethod::vote && !first_vote) {
      reader_.report_at(base,
                        "selector groups on the first vote stage only (a later vote stage is a conference "
                        "of delegates)",
                        fmt::format("{} group(s)", stage.selectorate.groups.size()));
      return;
    }
    if (stage.method != SelectionMethod::vote) {
      reader_.report_at(base,
                        "no selector groups for a stage whose method is appoint (groups are the selectors of "
                        "a vote)",
                        fmt::format("{} group(s)", stage.selectorate.groups.size()));
      return;
    }
    std::vector<std::string_view> stage_channels(stage.channels.begin(), stage.channels.end());
    const SelectorGroupSpec* members_group = nullptr;
    for (const SelectorGroupSpec& group : stage.selectorate.groups) {
      const std::string path = base + "." + group.name;
      if (!reader_.ok(path)) continue;
      if (group.source == SelectorSource::members) {
        if (members_group != nullptr) {
          reader_.report_at(path + ".source", "at most one group of source members (the membership roll)",
                            fmt::format("a second one (\"{}\" is the first)", members_group->name));
        } else {
          members_group = &group;
        }
        if (group.size != 0) {
          reader_.report_at(path + ".size", "no size for source members (the roll is membership.size)",
                            std::to_string(group.size));
        }
        // The members' own keys say these things; a group key would be ignored.
        if (group.registration_cutoff.count() != 0) {
          reader_.report_at(path + ".registration_cutoff",
                            "no registration_cutoff for source members (selectorate.min_tenure says who is "
                            "a member long enough)",
                            fmt::format("a cut-off of {} s", group.registration_cutoff.count()));
        }
        if (group.employer_dependent_share || group.online_access_share) {
          reader_.report_at(
              path + (group.employer_dependent_share ? ".employer_dependent_share" : ".online_access_share"),
              "no demography for source members (the membership block gives theirs)", "a share");
        }
      } else if (group.size == 0) {
        reader_.report_at(path + ".size",
                          fmt::format("a positive number of persons for source {}", name_of(group.source)),
                          "nothing or 0");
      }
      for (std::size_t j = 0; j < group.channels.size(); ++j) {
        reference(fmt::format("{}.channels[{}]", path, j), group.channels[j], stage_channels,
                  "a channel of the stage");
      }
      check_base_given(path + ".turnout");
    }
  }

  // base_logit and base_share say the same thing: one of them.
  void check_base_given(const std::string& path) {
    if (reader_.given(path + ".base_logit") && reader_.given(path + ".base_share")) {
      reader_.report_at(path + ".base_share",
                        "base_logit or base_share, not both (base_share is logistic(base_logit))", "both");
    }
  }

  void check_turnout() {
    check_base_given("turnout");
    const auto regions = names_in(spec_.territory.regions);
    for (const RegionTurnoutSpec& region : spec_.turnout.by_region) {
      const std::string path = "turnout.by_region." + region.name;
      if (reader_.ok(path) && std::find(regions.begin(), regions.end(), region.name) == regions.end()) {
        reference(path, region.name, regions, "a region in territory.regions");
      }
    }
  }

  // Keys that only some kinds of stage act on: elsewhere they are refused, never ignored.
  void check_stage_rules(const StageSpec& stage, const std::string& base) {
    if (!reader_.ok(base + ".level") || !reader_.ok(base + ".rule")) return;
    const auto phase = std::find_if(spec_.calendar.phases.begin(), spec_.calendar.phases.end(),
                                    [&](const PhaseSpec& p) { return p.name == stage.phase; });
    const bool congress = phase != spec_.calendar.phases.end() && phase->kind == PhaseKind::congress;
    if (stage.method == SelectionMethod::vote && stage.level == TerritorialLevel::national) {
      reader_.report_at(base + ".level",
                        "region, district or ppo for a stage whose method is vote (one national ballot of "
                        "every member is not simulated: members vote in the contests of their unit)",
                        "\"national\"");
    }
    if (stage.method == SelectionMethod::vote && stage.merge != MergeRule::apportioned) {
      reader_.report_at(base + ".merge",
                        "no merge for a stage whose method is vote (its contests are tallied apart; a "
                        "later conference or congress stage merges them)",
                        fmt::format("\"{}\"", name_of(stage.merge)));
    }
    check_reserved_positions(stage, base);
    if (stage.rule.quota_shortfall == QuotaShortfall::appoint && !congress) {
      reader_.report_at(base + ".rule.quota_shortfall",
                        "relax or leave_empty (appointees are named only to the list, at the stage held in "
                        "the congress phase)",
                        "\"appoint\"");
    }
  }

  // Explicit places for the centre: one per reserved place, distinct, on the list.
  void check_reserved_positions(const StageSpec& stage, const std::string& base) {
    const std::string path = base + ".reserved_positions";
    if (!reader_.ok(path) || !reader_.ok(base + ".reserved_placement")) return;
    const bool explicit_placement = stage.reserved_placement == ReservedPlacement::explicit_;
    if (!explicit_placement) {
      if (!stage.reserved_positions.empty()) {
        reader_.report_at(path, "no reserved_positions unless reserved_placement is explicit",
                          fmt::format("{} position(s)", stage.reserved_positions.size()));
      }
      return;
    }
    if (static_cast<std::int64_t>(stage.reserved_positions.size()) != stage.reserved_places) {
      reader_.report_at(path, fmt::format("one position per reserved place ({})", stage.reserved_places),
                        fmt::format("{} position(s)", stage.reserved_positions.size()));
      return;
    }
    std::int32_t places = 0;
    for (const OfficeSpec& office : spec_.candidacy.offices) {
      if (office.contest_level == TerritorialLevel::national) places = std::max(places, office.places);
    }
    std::set<std::int32_t> seen;
    for (std::size_t i = 0; i < stage.reserved_positions.size(); ++i) {
      const std::int32_t position = stage.reserved_positions[i];
      const std::string item = fmt::format("{}[{}]", path, i);
      if (!seen.insert(position).second) {
        reader_.report_at(item, "a position not named before", fmt::format("{} again", position));
      } else if (position > places) {
        reader_.report_at(item, fmt::format("a place on the list, 1 to {}", places),
                          std::to_string(position));
      }
    }
  }

  // A channel open outside the phase of the vote that uses it would take votes the stage never
  // counts (or lose the ones before it opens): its window lies inside the phase, as first
  // scheduled (suspensions move both alike). Only the first vote stage's channels are simulated;
  // a later vote stage is a conference of delegates, and an appointment's channels are refused.
  void check_channels_within_phases() {
    const auto vote = std::find_if(spec_.selection.stages.begin(), spec_.selection.stages.end(),
                                   [](const StageSpec& s) { return s.method == SelectionMethod::vote; });
    if (vote == spec_.selection.stages.end()) return;
    const StageSpec& stage = *vote;
    const auto phase = std::find_if(spec_.calendar.phases.begin(), spec_.calendar.phases.end(),
                                    [&](const PhaseSpec& p) { return p.name == stage.phase; });
    if (phase == spec_.calendar.phases.end() || !reader_.ok("calendar.phases." + phase->name)) return;
    for (const ChannelSpec& channel : spec_.voting.channels) {
      if (std::find(stage.channels.begin(), stage.channels.end(), channel.name) == stage.channels.end())
        continue;
      const std::string base = "voting.channels." + channel.name;
      if (!reader_.ok(base + ".start") || !reader_.ok(base + ".end")) continue;
      // Compared on the clock both are written in: a regional_local_time channel's clock times
      // are the same local times in every region, as a phase's are.
      const bool early = channel.window.start < phase->window.start;
      if (!early && channel.window.end <= phase->window.end) continue;
      const SourceLocation at = reader_.where("calendar.phases." + phase->name);
      reader_.report_at(
          base + (early ? ".start" : ".end"),
          fmt::format("a time {} the phase {} of stage {} ({} to {}, calendar.phases.{} at {}:{}:{})",
                      early ? "at or after the start of" : "at or before the end of", phase->name, stage.name,
                      format_time(phase->window.start), format_time(phase->window.end), phase->name, *at.file,
                      at.line, at.column),
          format_time(early ? channel.window.start : channel.window.end));
    }
  }

  void check_voting() {
    const auto regions = names_in(spec_.territory.regions);
    for (const ChannelSpec& channel : spec_.voting.channels) {
      const std::string base = "voting.channels." + channel.name;
      within_horizon(base + ".end", channel.window.end);
      for (std::size_t j = 0; j < channel.regions.size(); ++j) {
        reference(fmt::format("{}.regions[{}]", base, j), channel.regions[j], regions,
                  "a region in territory.regions");
      }
      const auto bands = names_in(spec_.membership.age_bands);
      for (const ExtraFailureSpec& band : channel.failure_by_age) {
        const std::string path = base + ".failure_by_age." + band.name;
        if (std::find(bands.begin(), bands.end(), band.name) == bands.end())
          reference(path, band.name, bands, "an age band in membership.age_bands");
      }
      for (const ExtraFailureSpec& region : channel.failure_by_region) {
        const std::string path = base + ".failure_by_region." + region.name;
        if (std::find(regions.begin(), regions.end(), region.name) == regions.end())
          reference(path, region.name, regions, "a region in territory.regions");
      }
      if (!channel.failure_by_region.empty() && channel.kind != ChannelKind::online &&
          reader_.ok(base + ".kind")) {
        reader_.report_at(base + ".failure_by_region",
                          fmt::format("no failure_by_region for a channel whose kind is {} (only online "
                                      "attempts fail)",
                                      name_of(channel.kind)),
                          fmt::format("{} region(s)", channel.failure_by_region.size()));
      }
      if (!channel.failure_by_age.empty() && channel.kind != ChannelKind::online &&
          reader_.ok(base + ".kind")) {
        reader_.report_at(base + ".failure_by_age",
                          fmt::format("no failure_by_age for a channel whose kind is {} (only online "
                                      "attempts fail)",
                                      name_of(channel.kind)),
                          fmt::format("{} age band(s)", channel.failure_by_age.size()));
      }
    }
    check_channels_within_phases();
    const ExtensionPolicySpec& extension = spec_.voting.extension;
    if (!reader_.ok("voting.extension")) return;
    if (extension.channel.empty()) {
      if (extension.enabled) {
        reader_.report_at("voting.extension.channel", "the channel to extend when enabled is true",
                          "nothing (the key is required)");
      }
      return;
    }
    reference("voting.extension.channel", extension.channel, names_in(spec_.voting.channels),
              "a channel in voting.channels");
  }

  void check_disruptions() {
    const auto phases = names_in(spec_.calendar.phases);
    for (std::size_t i = 0; i < spec_.disruptions.suspensions.size(); ++i) {
      const SuspensionSpec& suspension = spec_.disruptions.suspensions[i];
      const std::string base = fmt::format("disruptions.suspensions[{}]", i);
      if (reader_.ok(base + ".at") && reader_.ok(base + ".announced") &&
          suspension.announced <= suspension.at) {
        reader_.report_at(base + ".announced",
                          fmt::format("a time after at ({})", format_time(suspension.at)),
                          format_time(suspension.announced));
      }
      for (std::size_t j = 0; j < suspension.new_calendar.size(); ++j) {
        const RescheduledPhaseSpec& phase = suspension.new_calendar[j];
        const std::string item = fmt::format("{}.new_calendar[{}]", base, j);
        reference(item + ".phase", phase.phase, phases, "a phase in calendar.phases");
        if (reader_.ok(item) && reader_.ok(base + ".announced") &&
            phase.window.start < suspension.announced) {
          reader_.report_at(
              item + ".start",
              fmt::format("a time at or after the announcement ({})", format_time(suspension.announced)),
              format_time(phase.window.start));
        }
        within_horizon(item + ".end", phase.window.end);
      }
      const auto channel_names = names_in(spec_.voting.channels);
      for (std::size_t j = 0; j < suspension.closed_channels.size(); ++j) {
        reference(fmt::format("{}.closed_channels[{}]", base, j), suspension.closed_channels[j],
                  channel_names, "a channel in voting.channels");
      }
    }
    const auto channels = names_in(spec_.voting.channels);
    for (std::size_t i = 0; i < spec_.disruptions.outages.size(); ++i) {
      const OutageSpec& outage = spec_.disruptions.outages[i];
      const std::string base = fmt::format("disruptions.outages[{}]", i);
      reference(base + ".channel", outage.channel, channels, "a channel in voting.channels");
      within_horizon(base + ".end", outage.window.end);
    }
  }

  ScenarioSpec& spec_;
  SpecReader& reader_;
};

}  // namespace

void check_scenario(ScenarioSpec& spec, SpecReader& reader) {
  Checker(spec, reader).run();
  check_targets(spec, reader);
}

}  // namespace primsim::scenarios
