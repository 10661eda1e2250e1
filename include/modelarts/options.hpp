// SPDX-License-Identifier: Apache-2.0
// MODELARTS_OPTION declares one keyword-argument-like option: a private field, a getter and a fluent
// setter of the same name, so that `Opts{}.a(1).b("x")` reads like Python keyword arguments.
#pragma once

#include <utility>

#define MODELARTS_OPTION(Type, name)                                   \
 public:                                                               \
  const Type& name() const noexcept { return name##_; }                \
  auto& name(Type value) {                                             \
    name##_ = std::move(value);                                        \
    return *this;                                                      \
  }                                                                    \
                                                                       \
 private:                                                              \
  Type name##_
