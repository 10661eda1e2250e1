#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""What the CLI prints: no control byte from the service reaches the terminal, in every output path; -o json,
paging, times (East Asian Width) and status names."""
import json
import os
import re
import unicodedata
import unittest

from cli_support import TRAINING, CannedServer, CliTestCase, unique

# Every C0 control, DEL and every C1 control (U+0080..U+009F), as the service may send them in JSON.
HOSTILE = "job" + "".join(chr(c) for c in range(0x20)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0)) + "end"


def visualization_job(name=HOSTILE, status=8):
    return {"job_id": 1, "job_name": name, "status": status, "create_time": 1700000000000, "duration": 61000,
            "job_desc": name, "service_url": "https://x/" + name, "train_url": "/bucket/" + name}


class CleanOutputTests(CliTestCase):
    """Every byte 0x00-0x1f, 0x7f and every C1 control, through the table, FIELD/VALUE, error line, progress
    line and JSON paths (piped and on a terminal)."""

    def assert_clean(self, data, allow_tab=False):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        for byte in list(range(0x20)) + [0x7F]:
            if byte == 0x0A or (allow_tab and byte == 0x09):
                continue
            self.assertNotIn(bytes([byte]), data, "control byte 0x%02x in %r" % (byte, data))
        for c1 in range(0x80, 0xA0):
            self.assertNotIn(bytes([0xC2, c1]), data, "C1 control U+%04X in %r" % (c1, data))
        data.decode("utf-8")  # and valid UTF-8: no stray 0x80-0x9F byte either

    def serve(self, status, body):
        server = CannedServer(status, body)
        self.addCleanup(server.close)
        return dict(os.environ, MODELARTS_ENDPOINT=server.endpoint, HUAWEICLOUD_SDK_IAM_ENDPOINT=server.endpoint)

    def test_table_path(self):
        env = self.serve(200, {"is_success": True, "job_total_count": 1, "job_count_limit": 10,
                               "jobs": [visualization_job()]})
        out = self.run_cli("visualization-job", "list", env=env).stdout
        self.assert_clean(out)
        self.assertIn("\\x1b", out)
        self.assertIn("\\u009b", out)
        self.assertIn("\\x7f", out)
        status, seen = self.run_pty("visualization-job", "list", env=env, status=0)
        self.assert_clean(seen.replace("\r\n", "\n"))

    def test_fields_path(self):
        env = self.serve(200, dict(visualization_job(), is_success=True))
        out = self.run_cli("visualization-job", "get", "1", env=env).stdout
        self.assert_clean(out)
        self.assertIn("job\\x00\\x01\\x02", out)

    def test_error_line_path(self):
        # what() is a C string: a NUL ends the message there, so the other controls go without it.
        env = self.serve(400, {"is_success": False, "error_code": "ModelArts.0104", "error_msg": HOSTILE.replace("\0", "")})
        result = self.run_cli("visualization-job", "get", "1", "--retries", "0", env=env, status=1)
        self.assert_clean(result.stderr)
        self.assertIn("\\x1b", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)

    def test_error_line_with_raw_invalid_bytes(self):
        # Not JSON: the error carries the raw body, with C1 bytes outside any UTF-8 sequence.
        env = self.serve(400, b"bad \x1b[2J \x9b \x85 \xc2\x9b \xff end")
        result = self.run_cli("visualization-job", "get", "1", "--retries", "0", env=env, status=1)
        self.assert_clean(result.stderr)

    def test_raw_text_body_path(self):
        env = self.serve(200, b"text \x07\x1b]0;title\x07 \x9b\x80 \xc2\x85 end")
        result = self.run_cli("raw", "GET", "/v1/x", env=env)
        self.assert_clean(result.stdout, allow_tab=True)
        self.assertIn("\\x9b", result.stdout)
        self.assertIn("\\u0085", result.stdout)

    def test_progress_line_path(self):
        env = self.serve(200, dict(visualization_job(), is_success=True))
        result = self.run_cli("visualization-job", "wait", "1", env=env)
        self.assert_clean(result.stderr)
        self.assertIn("visualization job 1 job\\x00", result.stderr)
        status, seen = self.run_pty("visualization-job", "wait", "1", env=env, status=0)
        # On a terminal the CLI's own \r rewrites the line; nothing else may be a control byte.
        self.assert_clean(seen.replace("\r\n", "\n").replace("\r", ""))

    def test_json_path_stays_valid_json(self):
        env = self.serve(200, dict(visualization_job(), is_success=True))
        for extra in [[], ["--utc"]]:
            out = self.run_cli("visualization-job", "get", "1", "-o", "json", *extra, env=env).stdout
            self.assert_clean(out)
            self.assertEqual(json.loads(out)["job_name"], HOSTILE)  # escaped, not lost
        status, seen = self.run_pty("visualization-job", "get", "1", "-o", "json", env=env, status=0)
        self.assert_clean(seen.replace("\r\n", "\n"))
        self.assertEqual(json.loads(seen)["job_name"], HOSTILE)


class JsonShapeTests(CliTestCase):
    def test_every_list_has_one_shape(self):
        job = self.run_json("training-job", "create", unique("shape"), *TRAINING)
        job_id = str(job["job_id"])
        name = unique("cfg")
        self.run_cli("training-job-config", "create", name, *TRAINING)
        label = self.run_json("label-job", "create", unique("shape_"), "--path", "/bucket/images/")
        self.run_json("visualization-job", "create", unique("vis"), "--train-url", "/bucket/out/")
        self.run_cli("training-job", "wait", job_id, "--interval", "0.02", "--timeout", "60")
        for args in [["training-job", "list"], ["training-job", "list", "--all"], ["training-job-config", "list"],
                     ["training-job-config", "list", "--all"], ["visualization-job", "list"],
                     ["visualization-job", "list", "--all"], ["label-job", "list"], ["label-job", "list", "--all"],
                     ["spec", "list"], ["engine", "list"], ["algorithm", "list"],
                     ["training-job-version", "list", job_id], ["training-job", "log-files", job_id]]:
            document = self.run_json(*args)
            self.assertEqual(set(document), {"items", "total"}, args)
            self.assertIsInstance(document["items"], list, args)
            self.assertIsInstance(document["total"], int, args)
            self.assertGreaterEqual(document["total"], len(document["items"]), args)
        self.assertTrue(label["job_id"])

    def test_numbers_are_numbers_in_create_and_get(self):
        created = self.run_json("training-job", "create", unique("num"), *TRAINING)
        shown = self.run_json("training-job", "get", str(created["job_id"]))
        for document in [created, shown]:
            self.assertIsInstance(document["job_id"], int, document)
            self.assertIsInstance(document["version_id"], int, document)
        self.assertIsInstance(shown["spec_id"], int)
        updated = self.run_json("training-job", "update", str(created["job_id"]), "--description", "d")
        self.assertEqual(updated, {"is_success": True, "job_id": created["job_id"]})

    def test_times_are_iso_8601(self):
        created = self.run_json("visualization-job", "create", unique("vis"), "--train-url", "/bucket/out/")
        shown = self.run_json("visualization-job", "get", str(created["job_id"]))
        self.assertRegex(shown["create_time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")
        self.assertIsInstance(shown["duration"], int)

    def test_compact_when_piped_pretty_on_a_terminal(self):
        out = self.run_cli("engine", "list", "-o", "json").stdout
        self.assertEqual(out.count("\n"), 1)
        status, seen = self.run_pty("engine", "list", "-o", "json", status=0)
        lines = seen.replace("\r\n", "\n").splitlines()
        self.assertGreater(len(lines), 5)
        self.assertEqual(lines[0], "{")
        self.assertTrue(lines[1].startswith('  "items": ['), lines[1])
        self.assertEqual(json.loads(seen), json.loads(out))


class DisplayTests(CliTestCase):
    def serve(self, body):
        server = CannedServer(200, body)
        self.addCleanup(server.close)
        return dict(os.environ, MODELARTS_ENDPOINT=server.endpoint)

    def test_wide_characters_take_two_columns(self):
        env = self.serve({"is_success": True, "job_total_count": 3, "jobs": [
            visualization_job("训练作业"), visualization_job("ab"), visualization_job("ｆｕｌｌ-ｗｉｄｔｈ")]})
        out = self.run_cli("visualization-job", "list", env=env).stdout

        def columns(text):
            return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

        lines = out.splitlines()[:4]
        starts = {columns(line[:line.index("RUNNING")]) for line in lines[1:]}
        self.assertEqual(starts, {columns(lines[0][:lines[0].index("STATUS")])}, out)

    def test_local_time_with_offset_or_utc(self):
        env = self.serve(dict(visualization_job("t"), is_success=True))
        env["TZ"] = "CST-8"
        out = self.run_cli("visualization-job", "get", "1", env=env).stdout
        self.assertRegex(out, r"\ncreate_time +2023-11-15 06:13:20\+08:00\n")
        out = self.run_cli("visualization-job", "get", "1", "--utc", env=env).stdout
        self.assertRegex(out, r"\ncreate_time +2023-11-14 22:13:20\+00:00\n")
        shown = json.loads(self.run_cli("visualization-job", "get", "1", "-o", "json", env=env).stdout)
        self.assertEqual(shown["create_time"], "2023-11-15T06:13:20.000+08:00")
        shown = json.loads(self.run_cli("visualization-job", "get", "1", "-o", "json", "--utc", env=env).stdout)
        self.assertEqual(shown["create_time"], "2023-11-14T22:13:20.000+00:00")


class StatusAndPagingTests(CliTestCase):
    def test_status_filter_takes_names(self):
        created = self.run_json("training-job", "create", unique("st"), *TRAINING)
        job_id = str(created["job_id"])
        self.run_cli("training-job", "wait", job_id, "--interval", "0.02", "--timeout", "60")
        for status in ["completed", "COMPLETED", "JOBSTAT_COMPLETED", "10"]:
            listed = self.run_json("training-job", "list", "--status", status, "--per-page", "1000")
            self.assertIn(job_id, [str(j["job_id"]) for j in listed["items"]], status)
            self.assertTrue(all(j["status"] == 10 for j in listed["items"]))
        self.assertNotIn(job_id, [str(j["job_id"]) for j in self.run_json(
            "training-job", "list", "--status", "running", "--per-page", "1000")["items"]])
        result = self.assert_usage_error("training-job", "list", "--status", "runing", message="unknown status 'runing'")
        self.assertIn("running, killing, completed", result.stderr)
        out = self.run_cli("training-job", "list", "--status", "completed", "--per-page", "1000").stdout
        self.assertIn("COMPLETED", self.row_of(out, job_id))

    def test_footer_names_page_and_all_and_max_items_limits(self):
        prefix = unique("pg")
        for i in range(3):
            self.run_cli("visualization-job", "create", "%s%d" % (prefix, i), "--train-url", "/bucket/out/")
        out = self.run_cli("visualization-job", "list", "--search", prefix, "--per-page", "1").stdout
        self.assertRegex(out, r"\n1 of 3 visualization jobs \(page 1 of 3; next: --page 2, every page: --all\)\n")
        out = self.run_cli("visualization-job", "list", "--search", prefix, "--per-page", "1", "--page", "3").stdout
        self.assertRegex(out, r"\n1 of 3 visualization jobs\n")
        every = self.run_json("visualization-job", "list", "--search", prefix, "--per-page", "1", "--all")
        self.assertEqual(len(every["items"]), 3)
        capped = self.run_json("visualization-job", "list", "--search", prefix, "--per-page", "1", "--all", "--max-items", "2")
        self.assertEqual((len(capped["items"]), capped["total"]), (2, 2))
        one_page = self.run_json("visualization-job", "list", "--search", prefix, "--per-page", "3", "--max-items", "1")
        self.assertEqual((len(one_page["items"]), one_page["total"]), (1, 3))

    def test_label_jobs_page_with_the_same_words(self):
        prefix = unique("lp_")
        for i in range(2):
            self.run_cli("label-job", "create", "%s%d" % (prefix, i), "--path", "/bucket/images/")
        out = self.run_cli("label-job", "list", "--search", prefix, "--per-page", "1").stdout
        self.assertIn("next: --page 2, every page: --all", out)
        second = self.run_json("label-job", "list", "--search", prefix, "--per-page", "1", "--page", "2")
        self.assertEqual(len(second["items"]), 1)
        self.assert_usage_error("label-job", "list", "--limit", "1", message="unknown option '--limit'")


if __name__ == "__main__":
    unittest.main()
