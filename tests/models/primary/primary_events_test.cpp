// The registry of event types and random purposes: no two share a number, and a nominee's typed
// payload survives the trip from a region to the party centre.
#include <set>

#include <catch2/catch.hpp>

#include "primsim/models/primary/nominee_message.hpp"
#include "primsim/models/primary/primary_events.hpp"

using namespace primsim;
using namespace primsim::models;

TEST_CASE("every event type of a primary has a number of its own", "[models]") {
  const std::set<sim::EventType> distinct(primary_events::kAllEventTypes.begin(),
                                          primary_events::kAllEventTypes.end());
  CHECK(distinct.size() == primary_events::kAllEventTypes.size());
}

TEST_CASE("every random purpose of a primary has a number of its own", "[models]") {
  const std::set<sim::RandomPurpose> distinct(random_purposes::kAll.begin(), random_purposes::kAll.end());
  CHECK(distinct.size() == random_purposes::kAll.size());
}

TEST_CASE("a nominee's message decodes to what was encoded", "[models]") {
  NomineeMessage sent;
  sent.id = 123456;
  sent.region = 16;
  sent.branch = 19;
  sent.scaled_share = 1.75F;
  sent.contest_rank = 2;
  sent.age = 34;
  sent.set(true, true, results::Route::public_association);
  const NomineeMessage received = NomineeMessage::decode(sent.encode());
  CHECK(received.id == 123456);
  CHECK(received.region == 16);
  CHECK(received.branch == 19);
  CHECK(received.scaled_share == 1.75F);
  CHECK(received.contest_rank == 2);
  CHECK(received.age == 34);
  CHECK(received.is_woman());
  CHECK(received.is_incumbent());
  CHECK(received.route() == results::Route::public_association);
  sent.set(false, false, results::Route::leadership_quota);
  CHECK_FALSE(NomineeMessage::decode(sent.encode()).is_woman());
  CHECK(NomineeMessage::decode(sent.encode()).route() == results::Route::leadership_quota);
}
