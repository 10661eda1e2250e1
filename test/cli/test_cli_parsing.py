#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Argument parsing, the exit-code table in --help, and invalid UTF-8 in an argument (a usage error naming
the flag, before anything is sent)."""
import re
import subprocess
import unittest

from cli_support import CLI, CliTestCase, unique


class ParsingTests(CliTestCase):
    def test_unknown_option_before_the_group_is_named_as_an_option(self):
        result = self.assert_usage_error("--regoin", "cn-north-4", "training-job", "list", message="unknown option '--regoin'")
        self.assertIn("did you mean '--region'?", result.stderr)
        self.assertNotIn("command group", result.stderr)

    def test_unknown_option_after_the_verb_suggests_the_verbs_option(self):
        result = self.assert_usage_error("training-job", "list", "--per-pag", "5", message="unknown option '--per-pag'")
        self.assertIn("did you mean '--per-page'?", result.stderr)
        result = self.assert_usage_error("training-job", "list", "--outptu=json", message="unknown option '--outptu'")
        self.assertIn("did you mean '--output'?", result.stderr)

    def test_unknown_group_and_verb_suggest_the_nearest(self):
        result = self.assert_usage_error("trainig-job", "list", message="unknown command group 'trainig-job'")
        self.assertIn("did you mean 'training-job'?", result.stderr)
        result = self.assert_usage_error("training-job", "lsit", message="unknown verb 'lsit' for training-job")
        self.assertIn("did you mean 'list'?", result.stderr)
        result = self.assert_usage_error("zzzzzz", message="unknown command group 'zzzzzz'")
        self.assertNotIn("did you mean", result.stderr)

    def test_version_flag_and_verb(self):
        flag = self.run_cli("--version").stdout
        self.assertRegex(flag, r"^modelarts \d+\.\d+\.\d+ \(library \d+\.\d+\.\d+\)\n$")
        self.assertEqual(self.run_cli("version").stdout, flag)

    def test_help_marks_required_options(self):
        out = self.run_cli("visualization-job", "create", "--help").stdout
        line = [l for l in out.splitlines() if "--train-url" in l][0]
        self.assertIn("REQUIRED", line)
        line = [l for l in out.splitlines() if "--description" in l][0]
        self.assertNotIn("REQUIRED", line)
        out = self.run_cli("label-job", "save-validation", "--help").stdout
        self.assertRegex(out, r"--pass-rate PERCENT +REQUIRED")

    def test_help_lists_the_exit_status_table(self):
        out = self.run_cli("--help").stdout
        table = out.split("Exit status:")[1]
        for code in range(8):
            self.assertRegex(table, r"\n  %d  \S" % code)
        for words in ["not found", "auth", "wait timed out", "unsuccessfully", "network"]:
            self.assertIn(words, table)

    def test_global_options_anywhere(self):
        self.assertIn('"items"', self.run_cli("-o", "json", "engine", "list").stdout)
        self.assertIn('"items"', self.run_cli("engine", "-o", "json", "list").stdout)
        self.assertIn('"items"', self.run_cli("engine", "list", "--output=json").stdout)

    def test_missing_value_names_the_option(self):
        self.assert_usage_error("training-job", "list", "--per-page", message="--per-page")


class Utf8ArgumentTests(CliTestCase):
    """Invalid UTF-8 in an argument, CLI side: `--description $'bad\\xff\\xfe'` never reaches the service."""

    def run_bytes(self, *args):
        return subprocess.run([CLI.encode(), *[a if isinstance(a, bytes) else a.encode() for a in args]],
                              capture_output=True, timeout=60)

    def test_invalid_utf8_in_an_option_value_is_a_usage_error_naming_it(self):
        name = unique("utf")
        for form in [[b"--description", b"bad\xff\xfe"], [b"--description=bad\xff\xfe"], [b"--description", b"\xc0\xaf"],
                     [b"--description", b"\xed\xa0\x80"], [b"--description", b"cut\xe4\xb8"]]:
            result = self.run_bytes("visualization-job", "create", name, "--train-url", "/bucket/out/", *form)
            self.assertEqual(result.returncode, 2, result.stderr)
            stderr = result.stderr.decode("utf-8")  # the error itself is clean UTF-8
            self.assertIn("--description", stderr)
            self.assertIn("not valid UTF-8", stderr)
            self.assertEqual(result.stdout, b"")
        # Nothing was sent: no job of that name exists.
        self.assertEqual(self.run_json("visualization-job", "list", "--search", name)["items"], [])

    def test_invalid_utf8_in_a_positional_argument(self):
        result = self.run_bytes("visualization-job", "create", b"n\xff", "--train-url", "/bucket/out/")
        self.assertEqual(result.returncode, 2)
        self.assertIn("argument 3", result.stderr.decode())

    def test_valid_utf8_passes(self):
        name = unique("utf")
        created = self.run_json("visualization-job", "create", name, "--train-url", "/bucket/out/",
                                "--description", "训练 — ok")
        self.assertEqual(self.run_json("visualization-job", "get", str(created["job_id"]))["job_desc"], "训练 — ok")


if __name__ == "__main__":
    unittest.main()
