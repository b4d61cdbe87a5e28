// Whole tables written and read in one call, for the small files and datasets that are not
// streamed replicate by replicate: a design's /points and a calibration's posterior file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hdf5_handle.hpp"
#include "table_layout.hpp"

namespace primsim::output {

// Creates dataset `spec.name` under `location` holding `count` rows of spec.row_size bytes,
// packed, chunked and compressed like every results table, with its column attributes.
void write_compound_table(hid_t location, const TableSpec& spec, const void* rows, std::size_t count);

// Reads every row of `spec.name` under `location` (the columns of the spec, by name) into
// `rows`, resized; false when the dataset is missing.
bool read_compound_table(hid_t location, const TableSpec& spec, void* (*resize)(void*, std::size_t),
                         void* rows);

template <class Row>
void write_rows(hid_t location, const TableSpec& spec, const std::vector<Row>& rows) {
  write_compound_table(location, spec, rows.data(), rows.size());
}

template <class Row>
std::vector<Row> read_rows(hid_t location, const TableSpec& spec) {
  std::vector<Row> rows;
  read_compound_table(
      location, spec,
      [](void* vector, std::size_t count) -> void* {
        auto& typed = *static_cast<std::vector<Row>*>(vector);
        typed.resize(count);
        return typed.data();
      },
      &rows);
  return rows;
}

}  // namespace primsim::output
