// The observer through which a run publishes results: the ensemble library feeds finished
// replicates to it, and the HDF5 writer implements it.
#pragma once

#include <string>

#include "primsim/models/results/result_rows.hpp"

namespace primsim::output {

class ResultSink {
 public:
  ResultSink() = default;
  ResultSink(const ResultSink&) = delete;
  ResultSink& operator=(const ResultSink&) = delete;
  virtual ~ResultSink() = default;

  // Called once per finished replicate, from any thread and in any order; an implementation is
  // thread-safe and may block while earlier replicates are written (back-pressure).
  virtual void publish(models::results::ReplicateResults results) = 0;

  // Called once after every replicate was published; end_time is wall clock, ISO 8601 UTC.
  // Only after this returns does the run's output exist at the requested path.
  virtual void finish(const std::string& end_time) = 0;
};

}  // namespace primsim::output
