// The one table compare prints: a row per workload, a column per tracer, the median in each
// cell, and under each workload its ratios to the no-op tracer and to ours.
#ifndef JAEGERTRACING_BENCH_COMPARE_RESULTTABLE_H
#define JAEGERTRACING_BENCH_COMPARE_RESULTTABLE_H

#include <ostream>
#include <string>
#include <vector>

#include "Workloads.h"

namespace jaegertracing {
namespace compare {

struct WorkloadRow {
  std::string label;          // e.g. "unsampled StartSpan+Finish"
  std::string unit;           // e.g. "ns/op"
  bool ratioToFloor = true;   // false where the no-op tracer has nothing to compare (the burst)
  std::vector<Result> cells;  // one per tracer, in column order
};

// floorColumn and baselineColumn index the tracers; -1 leaves that ratio row out.
void printTable(std::ostream& out, const std::vector<std::string>& tracers,
                const std::vector<WorkloadRow>& rows, int floorColumn, int baselineColumn);

}  // namespace compare
}  // namespace jaegertracing

#endif  // JAEGERTRACING_BENCH_COMPARE_RESULTTABLE_H
