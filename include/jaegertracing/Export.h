// What libjaegertracing.so exports. The library is compiled with hidden visibility, so that its
// internals (jaegertracing::detail, the reporters, samplers and senders) are not part of its
// ABI and cannot interpose on another copy of them; the public classes and functions declared
// in these headers are marked JAEGERTRACING_API and stay visible.
#ifndef JAEGERTRACING_EXPORT_H
#define JAEGERTRACING_EXPORT_H

/// Marks a class or function of the public API: exported from libjaegertracing.so, which
/// hides everything else. Expands to nothing for compilers without ELF visibility attributes.
#if defined(__GNUC__) || defined(__clang__)
#define JAEGERTRACING_API __attribute__((visibility("default")))
#else
#define JAEGERTRACING_API
#endif

#endif  // JAEGERTRACING_EXPORT_H
