#define BOOST_TEST_MODULE modelarts
#include <boost/test/unit_test.hpp>
