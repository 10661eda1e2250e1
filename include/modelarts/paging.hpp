// SPDX-License-Identifier: Apache-2.0
// Pager<T>: a lazy input range over a paged list call. Page N+1 is fetched only when iteration moves past
// the last item of page N, and only the current page is held, so memory stays at about one page however
// many items the service has. Iteration stops at the reported total count or at an empty page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <modelarts/list_page.hpp>

namespace modelarts {

template <class T>
class Pager {
  struct State;  // declared before iterator names it (clang requires it; defined below)

 public:
  /// Fetches the page with this number (the service's own numbering); may throw modelarts::Error. Its
  /// total_count (when > 0) ends the iteration once that many items were delivered.
  using Fetch = std::function<ListPage<T>(std::int64_t page_number)>;

  Pager(Fetch fetch, std::int64_t first_page) : state_(std::make_shared<State>()) {
    state_->fetch = std::move(fetch);
    state_->next_page = first_page;
  }

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    iterator() = default;
    reference operator*() const { return state_->items[state_->index]; }
    pointer operator->() const { return &state_->items[state_->index]; }
    iterator& operator++() {
      state_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.at_end() == b.at_end(); }
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class Pager;
    explicit iterator(std::shared_ptr<typename Pager::State> state) : state_(std::move(state)) {}
    bool at_end() const noexcept { return !state_ || state_->done; }
    std::shared_ptr<typename Pager::State> state_;
  };

  /// Fetches the first page on the first call; an input range, so a second begin() continues where
  /// iteration stands.
  iterator begin() {
    if (!state_->started) {
      state_->started = true;
      state_->load_next();
    }
    return iterator(state_);
  }
  iterator end() { return iterator(); }

  /// Requests made so far (for tests and progress displays).
  std::size_t pages_fetched() const noexcept { return state_->pages_fetched; }
  /// The total count from the latest page, if the service reported one.
  std::optional<std::int64_t> total() const noexcept { return state_->total; }

 private:
  struct State {
    Fetch fetch;
    std::int64_t next_page = 1;
    std::vector<T> items;
    std::size_t index = 0;
    std::int64_t seen = 0;  // items delivered by all pages so far
    std::optional<std::int64_t> total;
    std::size_t pages_fetched = 0;
    bool started = false;
    bool done = false;

    void load_next() {
      items.clear();
      index = 0;
      if (total && seen >= *total) {
        done = true;
        return;
      }
      ListPage<T> page = fetch(next_page);
      ++pages_fetched;
      ++next_page;
      if (page.total_count > 0) total = page.total_count;  // 0 may mean "not reported"
      items = std::move(page.items);
      seen += static_cast<std::int64_t>(items.size());
      done = items.empty();
    }
    void advance() {
      if (done) return;
      if (++index >= items.size()) load_next();
    }
  };
  std::shared_ptr<State> state_;
};

}  // namespace modelarts
