#include "senders/OtlpSpanMapping.h"

#include <jaegertracing/Constants.h>
#include <jaegertracing/Version.h>

#include <type_traits>
#include <variant>

namespace jaegertracing {
namespace detail {
namespace otlp {
namespace {

constexpr std::string_view kSpanKindTag = "span.kind";
constexpr std::string_view kErrorTag = "error";
constexpr std::string_view kStatusDescriptionTag = "otel.status_description";
constexpr std::string_view kHttpStatusMessageTag = "http.status_message";

}  // namespace

int32_t spanKindOf(std::string_view tagValue) {
  if (tagValue == "server") return kServer;
  if (tagValue == "client") return kClient;
  if (tagValue == "producer") return kProducer;
  if (tagValue == "consumer") return kConsumer;
  if (tagValue == "internal") return kInternal;
  return kUnspecified;
}

SpanShape shapeOf(const SpanRecord& span) {
  SpanShape shape;
  std::string_view description;
  std::string_view httpStatusMessage;
  bool hasDescription = false;
  // The last tag of a key wins, as in the translator's attribute map.
  span.forEachTag([&](const FieldView& tag) {
    if (tag.key == kSpanKindTag) {
      shape.kind =
          tag.type == FieldView::Type::kString ? spanKindOf(tag.stringValue) : kUnspecified;
    } else if (tag.key == kErrorTag && tag.type == FieldView::Type::kBool) {
      shape.error = tag.boolValue;
    } else if (tag.key == kStatusDescriptionTag && tag.type == FieldView::Type::kString) {
      description = tag.stringValue;
      hasDescription = true;
    } else if (tag.key == kHttpStatusMessageTag && tag.type == FieldView::Type::kString) {
      httpStatusMessage = tag.stringValue;
    }
  });
  if (shape.error) {
    shape.messageFromDescription = hasDescription;
    shape.statusMessage = hasDescription ? description : httpStatusMessage;
  }
  return shape;
}

bool SpanShape::keepsTag(const FieldView& tag) const {
  if (tag.key == kSpanKindTag) return false;
  if (error && tag.key == kErrorTag && tag.type == FieldView::Type::kBool) return false;
  if (messageFromDescription && tag.key == kStatusDescriptionTag &&
      tag.type == FieldView::Type::kString) {
    return false;
  }
  return true;
}

std::vector<SpanTag> resourceAttributes(const std::string& serviceName,
                                        const std::vector<SpanTag>& processTags) {
  std::vector<SpanTag> attributes;
  attributes.push_back(SpanTag{"service.name", serviceName});
  for (const SpanTag& tag : processTags) {
    if (tag.key == kJaegerClientVersionTagKey) continue;  // telemetry.sdk.version says it
    if (tag.key == kTracerHostnameTagKey) {
      attributes.push_back(SpanTag{"host.name", tag.value});
    } else {
      attributes.push_back(tag);
    }
  }
  attributes.push_back(SpanTag{"telemetry.sdk.name", std::string("jaegertracing-cpp")});
  attributes.push_back(SpanTag{"telemetry.sdk.language", std::string("cpp")});
  attributes.push_back(SpanTag{"telemetry.sdk.version", std::string(JAEGERTRACING_VERSION)});
  return attributes;
}

FieldView fieldViewOf(const SpanTag& tag) {
  FieldView view;
  view.key = tag.key;
  std::visit(
      [&view](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
          view.type = FieldView::Type::kString;
          view.stringValue = value;
        } else if constexpr (std::is_same_v<T, double>) {
          view.type = FieldView::Type::kDouble;
          view.doubleValue = value;
        } else if constexpr (std::is_same_v<T, bool>) {
          view.type = FieldView::Type::kBool;
          view.boolValue = value;
        } else {
          view.type = FieldView::Type::kLong;
          view.longValue = value;
        }
      },
      tag.value);
  return view;
}

}  // namespace otlp
}  // namespace detail
}  // namespace jaegertracing
