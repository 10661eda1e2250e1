#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Makes the listing benchmark's emulator state: N visualization jobs, each a copy of the one job the SDK
created through the API (so every field is as the emulator itself writes it), with its own ID and name.
The emulator refuses creates beyond its quota of 1,000 jobs, so 100,000 cannot be made through the API;
this keeps the emulator's own record format and only multiplies the rows.

usage: seed_state.py IN_STATE OUT_STATE COUNT
"""
import copy
import json
import sys


def main(source, target, count):
    state = json.load(open(source))
    template = state["visualization_jobs"][0]
    jobs = []
    for i in range(int(count)):
        job = copy.copy(template)
        job["job_id"] = template["job_id"] + i
        job["job_name"] = template["job_name"] if i == 0 else f"bench-vis-{i:06d}"
        jobs.append(job)
    state["visualization_jobs"] = jobs
    state["next_visualization_id"] = template["job_id"] + int(count)
    with open(target, "w") as out:
        json.dump(state, out)


if __name__ == "__main__":
    main(*sys.argv[1:])
