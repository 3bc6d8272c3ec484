#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "concurrency/BlockPool.h"
#include "model/SpanRecord.h"
#include "support/SpanRecordConversion.h"

namespace jaegertracing {
namespace detail {
namespace {

const SpanTag* findTag(const std::vector<SpanTag>& tags, const std::string& key) {
  for (const SpanTag& tag : tags) {
    if (tag.key == key) return &tag;
  }
  return nullptr;
}

TEST(SpanRecordTest, KeepsIdsNameAndEveryValueKind) {
  SpanRecord record;
  record.traceID = TraceID(1, 2);
  record.spanID = 3;
  record.parentID = 4;
  record.flags = 1;
  record.startMicros = 5;
  record.durationMicros = 6;
  record.setOperationName("first");
  record.setOperationName("renamed");
  const std::string owned = "std::string";
  const char* null = nullptr;
  record.addTag("bool", opentracing::Value(true));
  record.addTag("double", opentracing::Value(1.5));
  record.addTag("int64", opentracing::Value(int64_t{-7}));
  record.addTag("uint64-small", opentracing::Value(uint64_t{8}));
  record.addTag("uint64-large", opentracing::Value(std::numeric_limits<uint64_t>::max()));
  record.addTag("string", opentracing::Value(owned));
  record.addTag("string_view", opentracing::Value(opentracing::string_view("view")));
  record.addTag("c-string", opentracing::Value("literal"));
  record.addTag("null-c-string", opentracing::Value(null));
  record.addTag("nullptr", opentracing::Value(nullptr));
  record.addTag("list", opentracing::Value(opentracing::Values{1, "two"}));
  record.addTag("empty-string", opentracing::Value(""));
  record.addReference(true, TraceID(9, 10), 11);

  const SpanData data = toSpanData(record);
  EXPECT_EQ(data.traceID, TraceID(1, 2));
  EXPECT_EQ(data.spanID, 3u);
  EXPECT_EQ(data.parentID, 4u);
  EXPECT_EQ(data.flags, 1);
  EXPECT_EQ(data.startMicros, 5);
  EXPECT_EQ(data.durationMicros, 6);
  EXPECT_EQ(data.operationName, "renamed");
  ASSERT_EQ(data.tags.size(), 12u);
  EXPECT_EQ(record.tagCount(), 12u);
  EXPECT_EQ(std::get<bool>(findTag(data.tags, "bool")->value), true);
  EXPECT_EQ(std::get<double>(findTag(data.tags, "double")->value), 1.5);
  EXPECT_EQ(std::get<int64_t>(findTag(data.tags, "int64")->value), -7);
  EXPECT_EQ(std::get<int64_t>(findTag(data.tags, "uint64-small")->value), 8);
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "uint64-large")->value),
            "18446744073709551615");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "string")->value), "std::string");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "string_view")->value), "view");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "c-string")->value), "literal");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "null-c-string")->value), "null");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "nullptr")->value), "null");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "list")->value), "[1,\"two\"]");
  EXPECT_EQ(std::get<std::string>(findTag(data.tags, "empty-string")->value), "");
  ASSERT_EQ(data.references.size(), 1u);
  EXPECT_TRUE(data.references[0].followsFrom);
  EXPECT_EQ(data.references[0].traceID, TraceID(9, 10));
  EXPECT_EQ(data.references[0].spanID, 11u);
}

TEST(SpanRecordTest, KeepsTagsAndLogsInOrderPastTheBlock) {
  // Far more than the block holds: the record continues in heap chunks, in order.
  SpanRecord record;
  record.setOperationName("many");
  for (int i = 0; i < 200; ++i) {
    record.addTag("tag-" + std::to_string(i), TagValue(std::string(i, 'x')));
    if (i % 10 == 0) {
      const std::vector<std::pair<std::string, opentracing::Value>> fields = {
          {"index", i}, {"text", std::string(i * 3, 'y')}};
      record.addLog(1000 + i, fields);
    }
  }
  // One value larger than a chunk.
  record.addTag("huge", TagValue(std::string(100000, 'z')));

  const SpanData data = toSpanData(record);
  EXPECT_EQ(data.operationName, "many");
  ASSERT_EQ(data.tags.size(), 201u);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(data.tags[i].key, "tag-" + std::to_string(i));
    EXPECT_EQ(std::get<std::string>(data.tags[i].value), std::string(i, 'x'));
  }
  EXPECT_EQ(std::get<std::string>(data.tags[200].value).size(), 100000u);
  ASSERT_EQ(data.logs.size(), 20u);
  for (int log = 0; log < 20; ++log) {
    const int i = log * 10;
    EXPECT_EQ(data.logs[log].timestampMicros, 1000 + i);
    ASSERT_EQ(data.logs[log].fields.size(), 2u);
    EXPECT_EQ(std::get<int64_t>(data.logs[log].fields[0].value), i);
    EXPECT_EQ(std::get<std::string>(data.logs[log].fields[1].value), std::string(i * 3, 'y'));
  }
}

TEST(SpanRecordTest, ConvertsBackAndForthWithoutLoss) {
  SpanData data;
  data.traceID = TraceID(0xabc, 0xdef);
  data.spanID = 12;
  data.parentID = 13;
  data.flags = 3;
  data.operationName = std::string(300, 'n');
  data.startMicros = 1700000000000000;
  data.durationMicros = 42;
  data.references = {SpanReference{false, TraceID(0xabc, 0xdef), 13}};
  data.tags = {SpanTag{"s", std::string("v")}, SpanTag{"d", 2.5}, SpanTag{"b", false},
               SpanTag{"l", int64_t{99}}};
  data.logs = {LogRecord{7, {SpanTag{"event", std::string("e")}}}, LogRecord{8, {}}};

  const SpanData back = toSpanData(*toSpanRecord(data));
  EXPECT_EQ(back.traceID, data.traceID);
  EXPECT_EQ(back.spanID, data.spanID);
  EXPECT_EQ(back.parentID, data.parentID);
  EXPECT_EQ(back.flags, data.flags);
  EXPECT_EQ(back.operationName, data.operationName);
  EXPECT_EQ(back.startMicros, data.startMicros);
  EXPECT_EQ(back.durationMicros, data.durationMicros);
  ASSERT_EQ(back.references.size(), 1u);
  EXPECT_FALSE(back.references[0].followsFrom);
  ASSERT_EQ(back.tags.size(), 4u);
  for (size_t i = 0; i < data.tags.size(); ++i) {
    EXPECT_EQ(back.tags[i].key, data.tags[i].key);
    EXPECT_EQ(back.tags[i].value, data.tags[i].value);
  }
  ASSERT_EQ(back.logs.size(), 2u);
  EXPECT_EQ(back.logs[0].timestampMicros, 7);
  ASSERT_EQ(back.logs[0].fields.size(), 1u);
  EXPECT_EQ(back.logs[1].timestampMicros, 8);
  EXPECT_TRUE(back.logs[1].fields.empty());
}

TEST(SpanRecordTest, RecordsMadeOnOneThreadAreFreedOnAnother) {
  // The reporter's thread frees what the application's threads made; the pool takes the
  // blocks back there and hands them out again here.
  using RecordPool = BlockPool<SpanRecord::kBlockSize>;
  constexpr int kRecords = 1000;
  std::set<uintptr_t> freedLastRound;
  for (int round = 0; round < 20; ++round) {
    SCOPED_TRACE(round);
    std::vector<std::unique_ptr<SpanRecord>> made;
    size_t reused = 0;
    for (int i = 0; i < kRecords; ++i) {
      auto record = std::make_unique<SpanRecord>();
      // A recycled block starts as a new record: nothing of its last use shows.
      ASSERT_TRUE(toSpanData(*record).tags.empty());
      record->spanID = static_cast<uint64_t>(i);
      record->setOperationName("op" + std::to_string(i));
      record->addTag("round", TagValue(int64_t{round}));
      record->addTag("text", TagValue(std::string(i % 300, 'x')));
      reused += freedLastRound.count(reinterpret_cast<uintptr_t>(record.get()));
      made.push_back(std::move(record));
    }
#ifndef JAEGERTRACING_POOL_DISABLED
    // Apart from what this thread's cache still held (at most a cache's worth), the blocks
    // come from those the other thread gave back.
    if (round > 0) {
      EXPECT_GE(reused, kRecords - RecordPool::kMaxCachedPerThread);
    }
    EXPECT_LE(RecordPool::cachedOnThisThread(), RecordPool::kMaxCachedPerThread);
#endif
    freedLastRound.clear();
    size_t intact = 0;
    size_t cachedThere = 0;
    std::thread consumer([&] {
      for (size_t i = 0; i < made.size(); ++i) {
        // What the other thread wrote arrives whole.
        const SpanData data = toSpanData(*made[i]);
        const bool whole = data.spanID == i && data.operationName == "op" + std::to_string(i) &&
                           data.tags.size() == 2 && data.tags[0].key == "round" &&
                           std::get<int64_t>(data.tags[0].value) == round &&
                           std::get<std::string>(data.tags[1].value) == std::string(i % 300, 'x');
        intact += whole ? 1 : 0;
        freedLastRound.insert(reinterpret_cast<uintptr_t>(made[i].get()));
        made[i].reset();
      }
      cachedThere = RecordPool::cachedOnThisThread();
    });
    consumer.join();
    EXPECT_EQ(intact, made.size());
#ifndef JAEGERTRACING_POOL_DISABLED
    // The freeing thread keeps a cache's worth; the rest went to the shared stack.
    EXPECT_EQ(cachedThere, RecordPool::kMaxCachedPerThread);
#else
    static_cast<void>(cachedThere);
#endif
  }
}

}  // namespace
}  // namespace detail
}  // namespace jaegertracing
