#pragma once
/// @file
/// Reading a period's dataset (TOML): the figures ku report builds its tables from, and the
/// staffing and grant-application files it names. docs/formats.md describes the format.

#include <filesystem>
#include <optional>
#include <string>

#include "ku/report/period_dataset.hpp"

namespace ku {

/// A period's dataset as read: its figures, its title, and the CSV files it names beside them.
struct dataset_file {
    period_dataset figures; ///< the areas, management and reorganisation; source is the file name
    std::string title; ///< the report's title; by default "Kommunal utveckling, PERIOD"
    std::optional<std::filesystem::path> staffing; ///< `bemanning`: årsarbetare (ku staffing's CSV)
    std::optional<std::filesystem::path> applications; ///< `ansokningar`: grant applications (ku indicators' CSV)
};

/// Reads the dataset at `path`; file names in it are relative to its folder. Throws
/// ku::parse_error for a file that cannot be read, a TOML syntax error, an unknown field, a
/// malformed amount, period, share or area name, or a missing field, each naming the file, line,
/// column and field; ku::lookup_error for an unknown kind of funding source.
[[nodiscard]] dataset_file read_period_dataset(const std::filesystem::path& path);

} // namespace ku
