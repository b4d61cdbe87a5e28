// Voting channels (the online platform, paper ballots in remote settlements, in-person PPO
// meetings), each with its window and capacity, and the policy that extends voting.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

enum class ChannelKind { online, paper, in_person };

inline constexpr std::array<std::string_view, 3> kChannelKindNames{"online", "paper", "in_person"};
constexpr std::span<const std::string_view> names_of(ChannelKind) { return kChannelKindNames; }

// Who may use a channel.
enum class ChannelAccess {
  everyone,            // every eligible selector
  online_access,       // members with online access (membership.online_access_share)
  remote_settlements,  // members living in settlements without internet
  others               // members not covered by another channel's access
};

inline constexpr std::array<std::string_view, 4> kChannelAccessNames{"everyone", "online_access",
                                                                     "remote_settlements", "others"};
constexpr std::span<const std::string_view> names_of(ChannelAccess) { return kChannelAccessNames; }

// An attempt that fails whatever the platform's load, for a kind of voter.
struct ExtraFailureSpec {
  std::string name;  // an age band of the membership, or a region
  double probability = 0.0;
};

struct ChannelSpec {
  std::string name;  // unique; the key under voting
  ChannelKind kind = ChannelKind::online;
  ChannelAccess access = ChannelAccess::everyone;
  // Opening hours in the scenario's time; with `regional_local_time` the same clock times are
  // read in each region's own zone (paper ballots 08:00-14:00 local).
  TimeWindow window;
  bool regional_local_time = false;
  // Concurrent sessions the channel serves nationwide (online: the platform's limit) or per
  // polling place (paper, in person). An attempt above capacity fails.
  std::int64_t capacity = 1;
  // Mean length of one session (exponential service time).
  sim::Duration mean_session = sim::Duration::minutes(5);
  // A failed attempt is retried after an exponential back-off with this mean ...
  sim::Duration retry_backoff_mean = sim::Duration::minutes(30);
  // ... at most this many times; after that, or with abandon_probability per failure, the
  // voter gives up.
  std::int32_t max_retries = 5;
  double abandon_probability = 0.1;
  // A voter who gave up for the day comes back on the next local day with this probability (and
  // again after each day given up), while the channel is open.
  double return_next_day = 0.0;
  // A voter whose time has come puts it off to the next local day with this probability (each
  // day): the procrastinators a longer window or an extension catches.
  double postpone_probability = 0.0;
  // C of the calculus of voting for selectors whose channel this is (travel to a polling place,
  // an evening meeting), on the turnout logit scale.
  double cost = 0.0;
  // Online: extra chance that an attempt fails whatever the load, by the voter's age band
  // (verification problems of older voters); by name of membership.age_bands.
  std::vector<ExtraFailureSpec> failure_by_age;
  // ... and by the voter's region (poor connections where most live in the countryside); a
  // voter's chances combine: 1 - (1 - age's) x (1 - region's).
  std::vector<ExtraFailureSpec> failure_by_region;
  // Regions where the channel is open; empty: all.
  std::vector<std::string> regions;
};

// "Extend 24 h if failed attempts exceed X": checked at each decision point before a channel's
// window closes (3 Oct 2020: online voting extended by 24 h).
struct ExtensionPolicySpec {
  bool enabled = false;
  std::string channel;  // the channel whose window is extended
  // Extend when failed attempts so far exceed this share of all attempts ...
  double failed_share_threshold = 0.1;
  // ... or this absolute count; 0 disables the count test.
  std::int64_t failed_attempts_threshold = 0;
  // The decision is taken this long before the window closes.
  sim::Duration decided_before_close = sim::Duration::hours(6);
  sim::Duration extension = sim::Duration::hours(24);
  std::int32_t max_extensions = 1;
};

struct VotingSpec {
  std::vector<ChannelSpec> channels;
  ExtensionPolicySpec extension;
};

}  // namespace primsim::models::spec
