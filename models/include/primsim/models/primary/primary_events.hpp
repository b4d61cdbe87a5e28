// The registry of a primary's event types (exchanged by the regional LPs and the national LP, or
// local to one) and of its random purposes: one place, so that no two share a number
// (tests/models/primary/primary_events_test.cpp checks it).
#pragma once

#include <array>

#include "primsim/models/voting/online_platform.hpp"
#include "primsim/sim/event.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::models::primary_events {

// National -> regions. payload[0]: phase index in the effective calendar.
inline constexpr sim::EventType kPhaseStart = 1;
inline constexpr sim::EventType kPhaseEnd = 2;
// National -> regions: a suspension began (payload[0]: suspension index), a new calendar was
// announced (payload[0]: suspension index).
inline constexpr sim::EventType kSuspended = 3;
inline constexpr sim::EventType kCalendarAnnounced = 4;
// National -> regions. payload[0]: channel index; payload[1]: new close, seconds since epoch.
inline constexpr sim::EventType kVotingExtended = 5;
// Regions -> national: a winner of a contest for the list office. payload: a NomineeMessage.
inline constexpr sim::EventType kNominee = 6;

// Region -> national: a complaint routed up to the centre. payload[0]: complaint key
// (region << 32 | complaint index in the region).
inline constexpr sim::EventType kComplaintToCentre = 16;
// National -> region: the centre's ruling. payload[0]: complaint index; payload[1]: 1 if upheld.
inline constexpr sim::EventType kComplaintRuling = 17;

// Local events of a region.
inline constexpr sim::EventType kApplication = 20;
// A complaint is filed. payload[0]: candidate id; payload[1]: 1 if against the memberships of
// the candidate's PPO rather than the candidate.
inline constexpr sim::EventType kComplaint = 21;
// A complaint decided inside the region ends its review. payload[0]: complaint index.
inline constexpr sim::EventType kComplaintReviewed = 22;
// A voter tries again, or returns on a later day. payload[0]: the voter (RegionModel's slot);
// payload[1]: the channel, with RegionModel::kNewDay for a return.
inline constexpr sim::EventType kVoteAttempt = 23;
// Voting is over in the region (at the last close, extensions included): count the ballots.
inline constexpr sim::EventType kTally = 24;
// The next voters' first tries are due (the region's time-sorted list of first attempts).
inline constexpr sim::EventType kFirstAttempts = 25;
// One candidate's transitions, each at its own time. payload[0]: candidate id.
inline constexpr sim::EventType kScreening = 30;     // eligibility decided
inline constexpr sim::EventType kRegistration = 31;  // registered, or rejected for a faulty registration
inline constexpr sim::EventType kDebate = 32;        // the candidate's debate: attended or skipped
inline constexpr sim::EventType kWithdrawal = 33;

// Local events of the national LP.
inline constexpr sim::EventType kAnnounce = 40;  // payload: the event to send to every region
inline constexpr sim::EventType kExtensionDecision = 41;
inline constexpr sim::EventType kOutageStart = 42;  // payload[0]: outage index
inline constexpr sim::EventType kOutageEnd = 43;
inline constexpr sim::EventType kFormList = 44;
// A conference of the second stage meets. payload[0]: index into conference_stages(),
// payload[1]: the conference.
inline constexpr sim::EventType kConference = 45;
// A complaint routed to the centre ends its review. payload: as kComplaintToCentre.
inline constexpr sim::EventType kComplaintReview = 50;

inline constexpr std::array kAllEventTypes{kPhaseStart,
                                           kPhaseEnd,
                                           kSuspended,
                                           kCalendarAnnounced,
                                           kVotingExtended,
                                           kNominee,
                                           kComplaintToCentre,
                                           kComplaintRuling,
                                           kApplication,
                                           kComplaint,
                                           kComplaintReviewed,
                                           kVoteAttempt,
                                           kTally,
                                           kFirstAttempts,
                                           kScreening,
                                           kRegistration,
                                           kDebate,
                                           kWithdrawal,
                                           kAnnounce,
                                           kExtensionDecision,
                                           kOutageStart,
                                           kOutageEnd,
                                           kFormList,
                                           kConference,
                                           kComplaintReview,
                                           OnlinePlatform::kAttempt,
                                           OnlinePlatform::kSessionEnd,
                                           OnlinePlatform::kServed,
                                           OnlinePlatform::kRejected};

}  // namespace primsim::models::primary_events

// Random purposes: with the seed, the replicate and an entity they key a stream
// (sim::RandomStream), so a purpose used twice for the same entity would draw the same numbers.
namespace primsim::models::random_purposes {

// A region's streams, keyed by the region.
inline constexpr sim::RandomPurpose kMembers = 1;
inline constexpr sim::RandomPurpose kCandidates = 2;
inline constexpr sim::RandomPurpose kVoting = 3;
inline constexpr sim::RandomPurpose kContestTie = 4;  // keyed by region << 32 | contest
inline constexpr sim::RandomPurpose kBallots = 5;     // the rankings on the ballots cast
// The party centre's.
inline constexpr sim::RandomPurpose kList = 10;
inline constexpr sim::RandomPurpose kConference = 11;      // keyed by stage << 32 | conference
inline constexpr sim::RandomPurpose kConferenceTime = 12;  // keyed by stage
inline constexpr sim::RandomPurpose kConferenceTie = 13;   // as kConference
inline constexpr sim::RandomPurpose kComplaintRuling = 14;
inline constexpr sim::RandomPurpose kPlatformService = OnlinePlatform::kServicePurpose;

inline constexpr std::array kAll{
    kMembers,    kCandidates,     kVoting,        kContestTie,      kBallots,        kList,
    kConference, kConferenceTime, kConferenceTie, kComplaintRuling, kPlatformService};

}  // namespace primsim::models::random_purposes
