// oneTBB's fork-join calls, with the ordering they guarantee told to ThreadSanitizer.
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <tbb/task_arena.h>

// The oneTBB that Debian ships (libtbb.so.12) is not built with -fsanitize=thread, so TSan sees
// neither the spawn of a task nor the wait for it, and takes every access to the same data before,
// inside and after a parallel_for for a race. Under TSan these wrappers state those edges with
// __tsan_release and __tsan_acquire, and only edges oneTBB guarantees: what the calling thread did
// before the call happens before each body; each body and each join of a reduction happens
// before the call returns or rethrows a body's exception; a body object, or a reduction's partial
// value, happens before its use on the next thread oneTBB hands it to, and its end before
// oneTBB's pool reuses its memory. Bodies of the same call are left unordered otherwise, so TSan
// still reports two of them touching the same data. Without TSan the annotations are empty and the
// calls are oneTBB's own.
#if defined(__SANITIZE_THREAD__)
#define PRIMSIM_TSAN_ANNOTATIONS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PRIMSIM_TSAN_ANNOTATIONS 1
#endif
#endif

#ifdef PRIMSIM_TSAN_ANNOTATIONS
#include <sanitizer/tsan_interface.h>
#endif

namespace primsim::sim::tbb_hb {
namespace detail {

// What one thread did before release(address) happens before what another does after
// acquire(address). A sync address only names an edge: nothing is read or written there.
inline void release(const void* address) {
#ifdef PRIMSIM_TSAN_ANNOTATIONS
  __tsan_release(const_cast<void*>(address));
#else
  (void)address;
#endif
}

inline void acquire(const void* address) {
#ifdef PRIMSIM_TSAN_ANNOTATIONS
  __tsan_acquire(const_cast<void*>(address));
#else
  (void)address;
#endif
}

// A body may throw: oneTBB then cancels the rest, waits for every task it started and rethrows in
// the caller. These guards make the edges at the end of a body and of a call hold on that path too.
class ReleaseAtExit {
 public:
  explicit ReleaseAtExit(const void* address) : address_(address) {}
  ReleaseAtExit(const ReleaseAtExit&) = delete;
  ReleaseAtExit& operator=(const ReleaseAtExit&) = delete;
  ~ReleaseAtExit() { release(address_); }

 private:
  const void* address_;
};

class AcquireAtExit {
 public:
  explicit AcquireAtExit(const void* address) : address_(address) {}
  AcquireAtExit(const AcquireAtExit&) = delete;
  AcquireAtExit& operator=(const AcquireAtExit&) = delete;
  ~AcquireAtExit() { acquire(address_); }

 private:
  const void* address_;
};

// A first base class acquires before any member of the new object is written. oneTBB builds
// body objects in memory of its own pool that another thread may have used and freed a moment
// before: each object releases its own address when it dies and acquires it when built there, so
// the last use of the memory happens before its reuse, as the pool's hand-over guarantees; a copy
// also acquires the object it copies, last released on the thread that made it.
struct AcquireFirst {
  template <typename... Objects>
  explicit AcquireFirst(const Objects*... addresses) {
    (acquire(addresses), ...);
  }
};

// parallel_for copies its body into each task it splits off; each copy releases itself once made,
// and the thread that runs it acquires it first, so the copy and all that preceded it (back to the
// caller's state before the call) happen before the body runs.
template <typename Index, typename Function>
class ForBody : private AcquireFirst {
 public:
  ForBody(const Function& function, const void* done)
      : AcquireFirst(this), function_(&function), done_(done) {
    release(this);
  }
  ForBody(const ForBody& other) : AcquireFirst(this, &other), function_(other.function_), done_(other.done_) {
    release(this);
  }
  ForBody& operator=(const ForBody&) = delete;
  ~ForBody() { release(this); }

  void operator()(const tbb::blocked_range<Index>& range) const {
    acquire(this);
    const ReleaseAtExit done(done_);
    for (Index i = range.begin(); i != range.end(); ++i) (*function_)(i);
  }

 private:
  const Function* function_;
  const void* done_;
};

// parallel_reduce's body in oneTBB's imperative form, doing what its functional form does. A body
// is split on the thread that steals a range and joined on whichever thread finishes a subtree
// last. Two sync addresses per body: &fixed_ for the members set once at construction, &value_
// for the partial value, released after each step and acquired before the next, so that a thief
// splitting a body is ordered after its construction only, not after work the owner does on it.
template <typename Range, typename Value, typename Body, typename Reduction>
class ReduceBody : private AcquireFirst {
 public:
  ReduceBody(const Value& identity, const Body& body, const Reduction& reduction, const void* done)
      : AcquireFirst(&fixed_, &value_), fixed_{&identity, &body, &reduction, done}, value_(identity) {
    release(&fixed_);
    release(&value_);
  }
  ReduceBody(ReduceBody& other, tbb::split)
      : AcquireFirst(&fixed_, &value_, &other.fixed_), fixed_(other.fixed_), value_(*fixed_.identity) {
    release(&fixed_);
    release(&value_);
  }
  ReduceBody(const ReduceBody&) = delete;
  ReduceBody& operator=(const ReduceBody&) = delete;
  ~ReduceBody() {
    release(&fixed_);
    release(&value_);
  }

  // The constructor's release of &value_ came after fixed_ was set: one acquire orders both.
  void operator()(const Range& range) {
    acquire(&value_);
    const ReleaseAtExit done(fixed_.done);
    const ReleaseAtExit value(&value_);
    value_ = (*fixed_.body)(range, static_cast<const Value&>(value_));
  }

  void join(ReduceBody& rhs) {
    acquire(&value_);
    acquire(&rhs.value_);
    const ReleaseAtExit done(fixed_.done);
    const ReleaseAtExit value(&value_);
    value_ = (*fixed_.reduction)(static_cast<const Value&>(value_), static_cast<const Value&>(rhs.value_));
  }

  [[nodiscard]] const Value& result() const { return value_; }

 private:
  struct Fixed {
    const Value* identity;
    const Body* body;
    const Reduction* reduction;
    const void* done;
  };
  Fixed fixed_;
  Value value_;
};

}  // namespace detail

// tbb::parallel_for(first, last, function): function(i) for each i in [first, last).
template <typename Index, typename Function>
void parallel_for(Index first, Index last, const Function& function) {
  if (!(first < last)) return;
  char done = 0;
  const detail::ForBody<Index, Function> body(function, &done);
  const detail::AcquireAtExit finished(&done);
  tbb::parallel_for(tbb::blocked_range<Index>(first, last), body);
}

// tbb::parallel_reduce(range, identity, body, reduction): body(subrange, value) over pieces of the
// range, their values combined by reduction(a, b).
template <typename Range, typename Value, typename Body, typename Reduction>
Value parallel_reduce(const Range& range, const Value& identity, const Body& body,
                      const Reduction& reduction) {
  char done = 0;
  detail::ReduceBody<Range, Value, Body, Reduction> reduce(identity, body, reduction, &done);
  {
    const detail::AcquireAtExit finished(&done);
    tbb::parallel_reduce(range, reduce);
  }
  return reduce.result();
}

// arena.execute(function): oneTBB may run function on one of the arena's threads when the caller
// cannot join the arena.
template <typename Function>
void execute(tbb::task_arena& arena, const Function& function) {
  char before = 0;
  char after = 0;
  detail::release(&before);
  const detail::AcquireAtExit finished(&after);
  arena.execute([&] {
    detail::acquire(&before);
    const detail::ReleaseAtExit done(&after);
    function();
  });
}

}  // namespace primsim::sim::tbb_hb
