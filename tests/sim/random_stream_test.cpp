// Keyed Philox streams: the generator matches Random123's published known answers, the first
// draws of a keyed stream are pinned, and draws do not depend on what other streams did.
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/sim/random_stream.hpp"

using namespace primsim::sim;

TEST_CASE("the zero stream reproduces Random123's philox4x64-10 known-answer vector", "[sim]") {
  // kat_vectors in the Random123 distribution: counter 0, key 0.
  RandomStream stream(StreamKey{0, 0, 0, 0});
  CHECK(stream.next_u64() == 0x16554d9eca36314cULL);
  CHECK(stream.next_u64() == 0xdb20fe9d672d0fdcULL);
  CHECK(stream.next_u64() == 0xd7e772cee186176bULL);
  CHECK(stream.next_u64() == 0x7e68b68aec7ba23bULL);
  CHECK(stream.blocks_drawn() == 1);
}

TEST_CASE("the first draws of a keyed stream are pinned", "[sim]") {
  // A change here changes every simulated result: update it only on purpose.
  RandomStream stream(StreamKey{2020, 3, 17, 42});
  const std::vector<std::uint64_t> expected{0xd9071ae8cf0f5da1ULL, 0x26c23b496c412d5eULL,
                                            0xcde30529795ebb4eULL, 0x5b412a43b75ec5ffULL,
                                            0xa98d0ed915bd5ee0ULL, 0xc5dba79e020a2205ULL};
  std::vector<std::uint64_t> got;
  for (std::size_t i = 0; i < expected.size(); ++i) got.push_back(stream.next_u64());
  CHECK(got == expected);
}

TEST_CASE("a stream's draws depend only on its key", "[sim]") {
  RandomStream a(StreamKey{1, 2, 3, 4});
  std::vector<std::uint64_t> alone;
  for (int i = 0; i < 10; ++i) alone.push_back(a.next_u64());

  RandomStream b(StreamKey{1, 2, 3, 4});
  RandomStream other(StreamKey{1, 2, 3, 5});
  std::vector<std::uint64_t> interleaved;
  for (int i = 0; i < 10; ++i) {
    other.next_u64();
    interleaved.push_back(b.next_u64());
  }
  CHECK(alone == interleaved);
  // Each key field changes the stream.
  CHECK(RandomStream(StreamKey{9, 2, 3, 4}).next_u64() != alone[0]);
  CHECK(RandomStream(StreamKey{1, 9, 3, 4}).next_u64() != alone[0]);
  CHECK(RandomStream(StreamKey{1, 2, 9, 4}).next_u64() != alone[0]);
  CHECK(RandomStream(StreamKey{1, 2, 3, 9}).next_u64() != alone[0]);
}

TEST_CASE("uniform_index stays in range and is close to uniform", "[sim]") {
  RandomStream stream(StreamKey{5, 0, 0, 0});
  constexpr std::uint64_t n = 7;
  constexpr int draws = 70000;
  std::vector<int> counts(n, 0);
  for (int i = 0; i < draws; ++i) {
    const auto k = stream.uniform_index(n);
    REQUIRE(k < n);
    ++counts[k];
  }
  double chi_square = 0;
  for (const int c : counts) {
    const double expected = static_cast<double>(draws) / n;
    chi_square += (c - expected) * (c - expected) / expected;
  }
  // 6 degrees of freedom: the 99.9% quantile is 22.46.
  CHECK(chi_square < 22.46);
}

TEST_CASE("exponential draws have the requested mean", "[sim]") {
  RandomStream stream(StreamKey{6, 0, 0, 0});
  constexpr int draws = 200000;
  double sum = 0;
  for (int i = 0; i < draws; ++i) {
    const double x = stream.exponential(2.5);
    REQUIRE(x >= 0.0);
    sum += x;
  }
  // Standard error of the mean is 2.5 / sqrt(200000) = 0.0056; allow five of them.
  CHECK(std::abs(sum / draws - 2.5) < 0.028);
}

TEST_CASE("uniform draws lie in [0, 1) and uniform_positive in (0, 1]", "[sim]") {
  RandomStream stream(StreamKey{8, 0, 0, 0});
  for (int i = 0; i < 10000; ++i) {
    const double u = stream.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    const double v = stream.uniform_positive();
    REQUIRE(v > 0.0);
    REQUIRE(v <= 1.0);
  }
}
