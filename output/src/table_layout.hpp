// The on-disk layout of every results table: name, columns, units and descriptions, and the
// HDF5 compound type that maps a row struct to a row of the dataset. Writer and reader share it,
// so a column cannot be renamed in one and not the other.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "hdf5_handle.hpp"

namespace primsim::output {

enum class ColumnKind {
  u8,
  u16,
  u32,
  u64,
  i64,
  f64,
  stage,
  gender,
  route,
  reason,
  outcome,
  warning_kind,
  quota_group
};

struct ColumnSpec {
  const char* name;
  std::size_t offset;
  ColumnKind kind;
  const char* units;
  const char* description;
};

struct TableSpec {
  const char* name;  // dataset path under the root, without the slash
  const char* description;
  std::size_t row_size;
  std::vector<ColumnSpec> columns;
  bool has_time;  // a `time` column: the dataset carries the epoch attribute
};

// The spec of the table whose rows are Row (SummaryRow, FunnelRow, ... WarningRow: the row types of
// ReplicateResults::tables()).
template <class Row>
const TableSpec& table_spec();

// /points of a design (PointRow of ensemble_layout.hpp).
const TableSpec& point_table_spec();

// A native compound type with one member per column, enums as HDF5 enum types.
Hdf5Handle make_row_type(const TableSpec& spec);

// In a sweep every table starts with a `point` column (uint32, the row of /meta/sweep): a row
// in memory is the point at offset 0 and the table's row struct at point_row_offset.
inline constexpr std::size_t point_row_offset = 8;
Hdf5Handle make_point_row_type(const TableSpec& spec);

// An HDF5 enum over uint8 whose code i is names[i].
Hdf5Handle make_enum_type(std::span<const std::string_view> names);

}  // namespace primsim::output
