#include "ResultTable.h"

#include <algorithm>
#include <cstdio>

namespace jaegertracing {
namespace compare {
namespace {

constexpr size_t kLabelWidth = 32;
constexpr size_t kUnitWidth = 18;

std::string formatNumber(double value) {
  char text[32];
  if (value >= 1000) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else if (value >= 10) {
    std::snprintf(text, sizeof text, "%.1f", value);
  } else {
    std::snprintf(text, sizeof text, "%.2f", value);
  }
  return text;
}

std::string ratio(const Result& cell, const Result& reference) {
  if (!cell.measured || !reference.measured || reference.median == 0) return "-";
  return formatNumber(cell.median / reference.median) + "x";
}

std::string padLeft(const std::string& text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string padRight(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

}  // namespace

void printTable(std::ostream& out, const std::vector<std::string>& tracers,
                const std::vector<WorkloadRow>& rows, int floorColumn, int baselineColumn) {
  std::vector<size_t> widths;
  for (const std::string& tracer : tracers) widths.push_back(std::max<size_t>(tracer.size(), 10));

  const auto printRow = [&](const std::string& label, const std::string& unit,
                            const std::vector<std::string>& cells) {
    out << padRight(label, kLabelWidth) << padRight(unit, kUnitWidth);
    for (size_t i = 0; i < cells.size(); ++i) out << "  " << padLeft(cells[i], widths[i]);
    out << '\n';
  };

  printRow("workload (median)", "", tracers);
  std::vector<std::string> notes;
  for (const WorkloadRow& row : rows) {
    std::vector<std::string> medians;
    std::vector<std::string> toFloor;
    std::vector<std::string> toBaseline;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const Result& cell = row.cells[i];
      medians.push_back(cell.measured ? formatNumber(cell.median) : "-");
      if (!cell.note.empty()) notes.push_back(row.label + ", " + tracers[i] + ": " + cell.note);
      if (floorColumn >= 0) toFloor.push_back(ratio(cell, row.cells[floorColumn]));
      if (baselineColumn >= 0) toBaseline.push_back(ratio(cell, row.cells[baselineColumn]));
    }
    printRow(row.label, row.unit, medians);
    if (floorColumn >= 0 && row.ratioToFloor) printRow("", "/ " + tracers[floorColumn], toFloor);
    if (baselineColumn >= 0) printRow("", "/ " + tracers[baselineColumn], toBaseline);
  }
  for (const std::string& note : notes) out << "note: " << note << '\n';
}

}  // namespace compare
}  // namespace jaegertracing
