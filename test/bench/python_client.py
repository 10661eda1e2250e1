#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Measurement 2, Python side: the same sequential get_visualization_job_info call with requests.Session
(keep-alive), signed per call with AK/SK. The official Python core (huaweicloud-sdk-core) is not reachable
here (no PyPI), so this implements its documented SDK-HMAC-SHA256 signer: every header but names with '_',
values stripped, Content-Type application/json, Host, X-Project-Id, X-Sdk-Date, User-Agent signed.

usage: python_client.py calls ENDPOINT PROJECT_ID JOB_ID AK SK SECONDS ROUNDS
       python_client.py token ENDPOINT ACCOUNT USER PASSWORD PROJECT_ID   (prints an IAM token, for wrk)
"""
import hashlib
import hmac
import sys
import time
from datetime import datetime, timezone
from urllib.parse import quote, urlsplit

import requests


def canonical_uri(path):
    encoded = "/".join(quote(segment, safe="-_.~") for segment in path.split("/"))
    return encoded if encoded.endswith("/") else encoded + "/"


def sign(method, url, headers, body, ak, sk):
    """Adds X-Sdk-Date and Authorization to `headers` (the Python core's signer.py, SDK-HMAC-SHA256)."""
    parts = urlsplit(url)
    headers["X-Sdk-Date"] = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    headers["Host"] = parts.netloc
    signed = sorted((name.lower(), value.strip()) for name, value in headers.items() if "_" not in name)
    signed_headers = ";".join(name for name, _ in signed)
    canonical_headers = "".join(f"{name}:{value}\n" for name, value in signed)
    canonical_request = "\n".join([method, canonical_uri(parts.path), parts.query, canonical_headers,
                                   signed_headers, hashlib.sha256(body).hexdigest()])
    string_to_sign = "\n".join(["SDK-HMAC-SHA256", headers["X-Sdk-Date"],
                                hashlib.sha256(canonical_request.encode()).hexdigest()])
    signature = hmac.new(sk.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    headers["Authorization"] = (f"SDK-HMAC-SHA256 Access={ak}, SignedHeaders={signed_headers}, "
                                f"Signature={signature}")


def calls(endpoint, project_id, job_id, ak, sk, seconds, rounds):
    session = requests.Session()
    url = f"{endpoint}/v1/{project_id}/visualization-jobs/{job_id}"

    def get_visualization_job_info():
        headers = {"Content-Type": "application/json", "X-Project-Id": project_id,
                   "User-Agent": "python-requests-bench"}
        sign("GET", url, headers, b"", ak, sk)
        reply = session.get(url, headers=headers)
        if reply.status_code != 200:
            raise RuntimeError(f"{reply.status_code}: {reply.text}")
        return reply.json()["job_name"]

    for _ in range(100):
        get_visualization_job_info()
    best, best_cpu = 0.0, float("inf")
    for _ in range(int(rounds)):
        count, start, cpu_start = 0, time.perf_counter(), time.process_time()
        while True:
            get_visualization_job_info()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= float(seconds):
                break
        best = max(best, count / elapsed)
        best_cpu = min(best_cpu, (time.process_time() - cpu_start) * 1e6 / count)
    print(f"RESULT seq.python_requests.calls_per_s {best:.6g} calls/s", flush=True)
    print(f"RESULT seq.python_requests.cpu_us_per_call {best_cpu:.6g} us", flush=True)


def token(endpoint, account, user, password, project_id):
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "password": password, "domain": {"name": account}}}},
        "scope": {"project": {"id": project_id}}}}
    reply = requests.post(f"{endpoint}/v3/auth/tokens", json=body)
    reply.raise_for_status()
    print(reply.headers["X-Subject-Token"])


if __name__ == "__main__":
    {"calls": calls, "token": token}[sys.argv[1]](*sys.argv[2:])
