#pragma once
/// @file
/// Partnerskap (areas of work, verksamhetsområden): the rows of KU's balance and share tables.

#include <compare>
#include <string>
#include <utility>

#include "ku/core/error.hpp"

namespace ku {

/// An area of work: a short stable id ("social-valfard") and the name shown in reports
/// ("Social välfärd och hälso- och sjukvård"). Areas are reorganised over the years; the id
/// is what mappings between years refer to.
class partnerskap {
public:
    /// Throws ku::domain_error when the id or the name is empty or has surrounding spaces.
    partnerskap(std::string id, std::string name) : id_{std::move(id)}, name_{std::move(name)}
    {
        const auto padded = [](const std::string& s) {
            return s.empty() || s.front() == ' ' || s.back() == ' ';
        };
        if (padded(id_) || padded(name_)) {
            throw domain_error("partnerskap: the id \"" + id_ + "\" and the name \"" + name_ +
                               "\" must be non-empty without surrounding spaces");
        }
    }

    /// The stable id ("social-valfard").
    [[nodiscard]] const std::string& id() const noexcept { return id_; }
    /// The name shown in reports ("Social välfärd och hälso- och sjukvård").
    [[nodiscard]] const std::string& name() const noexcept { return name_; }

    /// Equal when id and name are.
    friend bool operator==(const partnerskap&, const partnerskap&) = default;
    /// Ordered by id.
    friend std::strong_ordering operator<=>(const partnerskap& a, const partnerskap& b) noexcept
    {
        return a.id_ <=> b.id_;
    }

private:
    std::string id_;
    std::string name_;
};

} // namespace ku
