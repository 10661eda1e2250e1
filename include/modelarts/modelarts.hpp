// SPDX-License-Identifier: Apache-2.0
// The whole public API. Includes only the standard library and the SDK's own headers.
#pragma once

#include <modelarts/clock.hpp>
#include <modelarts/config_info.hpp>
#include <modelarts/endpoints.hpp>
#include <modelarts/error.hpp>
#include <modelarts/estimator.hpp>
#include <modelarts/http.hpp>
#include <modelarts/inputs.hpp>
#include <modelarts/job_info.hpp>
#include <modelarts/label_api.hpp>
#include <modelarts/label_job.hpp>
#include <modelarts/label_job_info.hpp>
#include <modelarts/list_options.hpp>
#include <modelarts/list_page.hpp>
#include <modelarts/logging.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/obs_signer.hpp>
#include <modelarts/paging.hpp>
#include <modelarts/retry_options.hpp>
#include <modelarts/session.hpp>
#include <modelarts/session_options.hpp>
#include <modelarts/signer.hpp>
#include <modelarts/spec_info.hpp>
#include <modelarts/status.hpp>
#include <modelarts/training_config_info.hpp>
#include <modelarts/training_job.hpp>
#include <modelarts/training_job_config.hpp>
#include <modelarts/url_codec.hpp>
#include <modelarts/v2.hpp>
#include <modelarts/version.hpp>
#include <modelarts/visualization_job.hpp>
#include <modelarts/visualization_job_info.hpp>
#include <modelarts/wait.hpp>
