// The whole public API. Includes only the standard library and the SDK's own headers.
#pragma once

#include <modelarts/error.hpp>
#include <modelarts/http.hpp>
#include <modelarts/session.hpp>
#include <modelarts/signer.hpp>
#include <modelarts/status.hpp>
