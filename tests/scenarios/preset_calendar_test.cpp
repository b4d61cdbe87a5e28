// The presets' calendars as they ran and their territories: the published phase dates of 2020
// after the COVID-19 postponement, the first schedule when nothing is suspended, and the
// 20 regions of the territory from 2022.
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "primsim/models/calendar/effective_calendar.hpp"
#include "primsim/models/territory/territory.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "time_format.hpp"

using namespace primsim;

namespace {

const std::string kPresets = std::string(PRIMSIM_SCENARIO_FIXTURES) + "/../../scenarios/presets/";

// Phase name -> "start .. end" in the scenario's local time, as the calendar ran.
std::map<std::string, std::string> phases_as_run(const models::spec::ScenarioSpec& scenario) {
  const auto epoch = scenarios::parse_date_time(scenario.calendar.epoch_iso);
  REQUIRE(epoch.has_value());
  const models::EffectiveCalendar calendar(scenario.calendar, scenario.disruptions);
  std::map<std::string, std::string> dates;
  for (const auto& phase : calendar.phases()) {
    dates[phase.name] =
        scenarios::format_date_time(epoch->local_seconds + phase.window.start.seconds_since_epoch()) +
        " .. " + scenarios::format_date_time(epoch->local_seconds + phase.window.end.seconds_since_epoch());
  }
  return dates;
}

}  // namespace

TEST_CASE("the 2020 calendar with the postponement runs on the published new dates", "[scenarios]") {
  const auto loaded = scenarios::load_scenario(kPresets + "nur_otan_2020.yaml");
  const auto dates = phases_as_run(loaded.spec);
  // FACTS.md, 2020: new schedule 17 Aug - 3 Oct (seed, party decree); nomination and registration
  // 17 - 28 Aug (Astana Times); preparation 31 Aug - 6 Sep and campaign from 7 Sep (vestikavkaza);
  // debates 14 - 30 Sep (almaty.tv); online voting 1 Oct - 3 Oct 14:00 (tengrinews); list
  // approved at the congress of 25 Nov (seed). Windows end at the start of the next day.
  CHECK(dates.at("nomination") == "2020-08-17 .. 2020-08-29");
  CHECK(dates.at("preparation") == "2020-08-31 .. 2020-09-07");
  CHECK(dates.at("campaign") == "2020-09-07 .. 2020-10-01");
  CHECK(dates.at("debates") == "2020-09-14 .. 2020-10-01");
  CHECK(dates.at("voting") == "2020-10-01 .. 2020-10-03T14:00");
  CHECK(dates.at("congress") == "2020-11-25 .. 2020-11-26");
}

TEST_CASE("without the suspension the first schedule of 30 Mar - 16 May holds", "[scenarios]") {
  const auto loaded = scenarios::load_scenario(kPresets + "nur_otan_2020_no_covid.yaml");
  REQUIRE(loaded.spec.disruptions.suspensions.empty());
  const auto dates = phases_as_run(loaded.spec);
  // FACTS.md, 2020: first schedule 30 Mar - 16 May (seed, news.am).
  CHECK(dates.at("nomination") == "2020-03-30 .. 2020-04-11");
  CHECK(dates.at("debates") == "2020-04-27 .. 2020-05-14");
  CHECK(dates.at("voting") == "2020-05-14 .. 2020-05-16T14:00");
  CHECK(dates.at("congress") == "2020-11-25 .. 2020-11-26");
}

TEST_CASE("the territory has 17 regions in 2020 and 20 from 2022", "[scenarios]") {
  // FACTS.md, territory in 2020: 14 oblasts + 3 cities; from 8 Jun 2022 17 oblasts + 3 cities
  // (Abai, Jetisu, Ulytau added) (Astana Times).
  const auto in_2020 = scenarios::load_scenario(kPresets + "nur_otan_2020.yaml");
  CHECK(models::Territory(in_2020.spec.territory).region_count() == 17);
  const auto in_2025 = scenarios::load_scenario(kPresets + "mandatory_primaries_2025.yaml");
  const models::Territory territory(in_2025.spec.territory);
  CHECK(territory.region_count() == 20);
  std::map<std::string, bool> names;
  for (const auto& region : in_2025.spec.territory.regions) names[region.name] = true;
  CHECK(names.count("Abai") == 1);
  CHECK(names.count("Jetisu") == 1);
  CHECK(names.count("Ulytau") == 1);
}
