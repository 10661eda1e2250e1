// SPDX-License-Identifier: Apache-2.0
// The one query-string parser (SDK raw calls, emulator, CLI raw, tests) and its agreement with the wire form.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <modelarts/url_codec.hpp>

using namespace modelarts;

BOOST_AUTO_TEST_SUITE(url_codec)

BOOST_AUTO_TEST_CASE(parse_query_decodes_pairs_in_order) {
  const QueryParams parsed = parse_query("b=x%20y&a=%25&flag&&c=&d=1=2&e=a+b&%3D=%26");
  const QueryParams expected = {{"b", "x y"}, {"a", "%"}, {"flag", ""}, {"c", ""},
                                {"d", "1=2"}, {"e", "a+b"}, {"=", "&"}};
  BOOST_TEST((parsed == expected));
  BOOST_TEST(parse_query("").empty());
  BOOST_TEST(parse_query("&&").empty());
  BOOST_TEST((parse_query_pair("k=v%2Fw") == std::pair<std::string, std::string>{"k", "v/w"}));
  BOOST_TEST((parse_query_pair("k") == std::pair<std::string, std::string>{"k", ""}));
}

BOOST_AUTO_TEST_CASE(parse_query_inverts_the_wire_query) {
  const QueryParams query = {{"search_content", "a&b=c d"}, {"path", "a/b"}, {"empty", ""}, {"u", "\xC3\xBC"}};
  const std::string target = wire_target("/v1/p/jobs", query);
  QueryParams parsed = parse_query(std::string_view(target).substr(target.find('?') + 1));
  QueryParams sorted = query;
  std::sort(sorted.begin(), sorted.end());
  BOOST_TEST((parsed == sorted));  // the wire form is the canonical (sorted) query
}

BOOST_AUTO_TEST_SUITE_END()
