#pragma once
// Test support for Catch2: failed comparisons of amounts print them in kronor, and what()
// matches an exception's message while CHECK_THROWS_MATCHES checks its type.

#include <catch2/catch.hpp>

#include <exception>
#include <string>
#include <utility>

#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"

namespace Catch {
template <>
struct StringMaker<ku::money> {
    static std::string convert(ku::money m) { return ku::format_plain(m) + " kr"; }
};
template <>
struct StringMaker<ku::partnerskap> {
    static std::string convert(const ku::partnerskap& area) { return "\"" + area.name() + "\" (" + area.id() + ")"; }
};
} // namespace Catch

namespace ku::test {

/// Matches an exception whose what() satisfies a string matcher (with its type checked by
/// CHECK_THROWS_MATCHES).
template <typename Inner>
class what_matcher : public Catch::MatcherBase<std::exception> {
public:
    explicit what_matcher(Inner inner) : inner_{std::move(inner)} {}
    bool match(const std::exception& e) const override { return inner_.match(std::string{e.what()}); }
    std::string describe() const override { return "has a message that " + inner_.toString(); }

private:
    Inner inner_;
};

/// what(Contains("...")): the exception's message satisfies the string matcher.
template <typename Inner>
what_matcher<Inner> what(Inner inner)
{
    return what_matcher<Inner>{std::move(inner)};
}

} // namespace ku::test
