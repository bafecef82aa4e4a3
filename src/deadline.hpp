// A record's deadline, polled from inside the long stages (private to src/).
//
// The problem: --time-budget-ms used to be checked between stages, so a
// stage that ran away on a hostile page (35 s of speaker resolution on a
// 1 MB text) was stopped only when it finished, and Ctrl-C waited for it
// too. A stage cannot be made to look at a clock on every step for free.
//
// The method: Extractor::run opens a DeadlineScope on its thread (the
// budget's end and the run's cancel flag). Loops in the stages call
// poll_deadline(), which counts calls in a thread-local and, every
// kDeadlinePollEvery-th call, reads the clock and the flag; once the
// deadline has passed or the flag is up it throws DeadlineExpired, which
// Extractor::run catches and turns into the record's "over the time
// budget" (or "interrupted") skip. Stages hold their memory in RAII types,
// so unwinding from a poll leaks nothing; Gumbo's own parse, one C call,
// cannot be polled and is bounded by --max-doc-bytes.
//
// The cost: an increment and a test per poll; a clock read per
// kDeadlinePollEvery polls (about 20 ns). Outside a scope, polls are free.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace winnow {

struct DeadlineExpired {
  bool cancelled = false;  // the run's cancel flag (Ctrl-C), not the clock
};

namespace deadline_detail {

struct State {
  bool active = false;
  bool timed = false;
  std::chrono::steady_clock::time_point until{};
  const std::atomic<bool>* cancel = nullptr;
  std::uint32_t polls = 0;
};

inline thread_local State current;

[[noreturn]] inline void expire(bool cancelled) { throw DeadlineExpired{cancelled}; }

inline void check_now() {
  State& s = current;
  if (s.cancel && s.cancel->load(std::memory_order_relaxed)) expire(true);
  if (s.timed && std::chrono::steady_clock::now() > s.until) expire(false);
}

}  // namespace deadline_detail

inline constexpr std::uint32_t kDeadlinePollEvery = 64;

// Throws DeadlineExpired when the current record's budget is spent or the
// run was cancelled; cheap enough for an inner loop.
inline void poll_deadline() {
  deadline_detail::State& s = deadline_detail::current;
  if (s.active && ++s.polls % kDeadlinePollEvery == 0) deadline_detail::check_now();
}

// The deadline of one record on this thread, for as long as the scope lives.
class DeadlineScope {
 public:
  DeadlineScope(std::chrono::steady_clock::time_point start, std::uint32_t budget_ms,
                const std::atomic<bool>* cancel)
      : saved_(deadline_detail::current) {
    deadline_detail::State& s = deadline_detail::current;
    s.active = budget_ms > 0 || cancel != nullptr;
    s.timed = budget_ms > 0;
    s.until = start + std::chrono::milliseconds(budget_ms);
    s.cancel = cancel;
    s.polls = 0;
  }
  ~DeadlineScope() { deadline_detail::current = saved_; }
  DeadlineScope(const DeadlineScope&) = delete;
  DeadlineScope& operator=(const DeadlineScope&) = delete;

 private:
  deadline_detail::State saved_;
};

}  // namespace winnow
