#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The CLI's obs group: `modelarts obs cp SRC DST [--recursive]` (local <-> OBS, shaped like ma-cli obs-copy),
`obs ls obs://bucket/prefix` and `obs rm`, against the emulator's OBS (its default bucket)."""
import json
import os
import shutil
import tempfile
import unittest

from cli_support import CliTestCase, unique

BUCKET = "modelarts-emulator"


class ObsTestCase(CliTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cli_obs_")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.prefix = "obs://%s/%s/" % (BUCKET, unique("cli"))

    def write(self, relative, data):
        path = os.path.join(self.tmp, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def keys(self, url, *flags):
        return [item["key"] for item in self.run_json("obs", "ls", url, *flags)["items"]]


class ObsCopyTests(ObsTestCase):
    def test_file_round_trip(self):
        data = bytes(range(256)) * 1000
        src = self.write("model.bin", data)
        out = self.run_cli("obs", "cp", src, self.prefix).stdout
        self.assertIn(self.prefix + "model.bin", out)
        listing = self.run_json("obs", "ls", self.prefix)
        self.assertEqual(listing["total"], 1)
        self.assertEqual(listing["items"][0]["size"], len(data))
        back = os.path.join(self.tmp, "back")
        os.makedirs(back)
        self.run_cli("obs", "cp", self.prefix + "model.bin", back + "/")
        with open(os.path.join(back, "model.bin"), "rb") as f:
            self.assertEqual(f.read(), data)

    def test_folder_upload_is_incremental(self):
        for i in range(5):
            self.write("code/pkg/m%d.py" % i, b"print(%d)\n" % i)
        self.write("code/train.py", b"print('train')\n")
        src = os.path.join(self.tmp, "code")
        first = self.run_json("obs", "cp", src, self.prefix, "--recursive")
        self.assertEqual((first["files_uploaded"], first["files_skipped"]), (6, 0))
        self.assertEqual(first["dst"], self.prefix + "code/")
        self.assertEqual(len(self.keys(self.prefix, "--recursive")), 6)
        again = self.run_json("obs", "cp", src, self.prefix, "--recursive")
        self.assertEqual((again["files_uploaded"], again["files_skipped"]), (0, 6))
        self.write("code/train.py", b"print('changed')\n")
        changed = self.run_json("obs", "cp", src, self.prefix, "--recursive")
        self.assertEqual((changed["files_uploaded"], changed["files_skipped"]), (1, 5))

    def test_folder_download(self):
        self.write("data/a.txt", b"a")
        self.write("data/sub/b.txt", b"bb")
        self.run_cli("obs", "cp", os.path.join(self.tmp, "data"), self.prefix, "--recursive")
        dst = os.path.join(self.tmp, "down")
        os.makedirs(dst)
        self.run_cli("obs", "cp", self.prefix + "data", dst, "--recursive")
        with open(os.path.join(dst, "data", "sub", "b.txt"), "rb") as f:
            self.assertEqual(f.read(), b"bb")

    def test_ls_rolls_up_folders_unless_recursive(self):
        self.write("t/a.txt", b"a")
        self.write("t/d/b.txt", b"b")
        self.run_cli("obs", "cp", os.path.join(self.tmp, "t"), self.prefix, "--recursive")
        items = self.run_json("obs", "ls", self.prefix + "t/")["items"]
        base = self.prefix[len("obs://%s/" % BUCKET):] + "t/"
        self.assertIn({"key": base + "d/", "is_prefix": True}, items)
        self.assertEqual(sorted(i["key"] for i in items if not i.get("is_prefix")), [base + "a.txt"])
        out = self.run_cli("obs", "ls", self.prefix + "t/").stdout
        self.assert_table(out, ["LAST_MODIFIED", "SIZE", "KEY"])
        self.assertIn("2 items", out)
        self.assertEqual(sorted(self.keys(self.prefix, "--recursive")), [base + "a.txt", base + "d/b.txt"])

    def test_rm_object_and_prefix(self):
        for name in ("x/1", "x/2", "x/3"):
            self.write(name, b"z")
        self.run_cli("obs", "cp", os.path.join(self.tmp, "x"), self.prefix, "--recursive")
        self.run_cli("obs", "rm", self.prefix + "x/1")
        self.assertEqual(len(self.keys(self.prefix, "--recursive")), 2)
        self.assert_usage_error("obs", "rm", self.prefix + "x/", message="is a folder")
        self.assertEqual(self.run_json("obs", "rm", self.prefix, "--recursive")["deleted"], 2)
        self.assertEqual(self.keys(self.prefix, "--recursive"), [])

    def test_rm_recursive_takes_the_folder_not_every_key_with_its_prefix(self):
        for name, data in (("proj/a.txt", b"a"), ("project-important/keep.txt", b"k"), ("proj.txt", b"p")):
            self.run_cli("obs", "cp", self.write(name, data), self.prefix + name)
        self.assertEqual(self.run_json("obs", "rm", self.prefix + "proj", "--recursive")["deleted"], 1)
        self.assertEqual(sorted(k[len(self.prefix) - len("obs://%s/" % BUCKET):] for k in self.keys(self.prefix, "--recursive")),
                         ["proj.txt", "project-important/keep.txt"])

    def test_progress_line_on_a_terminal_only(self):
        src = self.write("big.bin", os.urandom(3 * 1024 * 1024))
        status, seen = self.run_pty("obs", "cp", src, self.prefix, status=0)
        self.assertIn("uploading: ", seen)
        self.assertIn("3.0 MiB of 3.0 MiB", seen)
        piped = self.run_cli("obs", "cp", src, self.prefix + "again.bin")
        self.assertEqual(piped.stderr, "")
        self.assertNotIn("uploading", piped.stdout)


class ObsUsageTests(ObsTestCase):
    def test_folder_without_recursive_sends_nothing(self):
        self.write("dir/f.txt", b"f")
        self.assert_usage_error("obs", "cp", os.path.join(self.tmp, "dir"), self.prefix, message="is a folder")
        self.assertEqual(self.keys(self.prefix, "--recursive"), [])

    def test_both_sides_local_or_remote(self):
        self.assert_usage_error("obs", "cp", "a", "b", message="between a local path and obs://")
        self.assert_usage_error("obs", "cp", self.prefix + "a", self.prefix + "b", message="between a local path")

    def test_bad_paths_are_usage_errors(self):
        self.assert_usage_error("obs", "ls", "/not/obs", message="is not an OBS path")
        self.assert_usage_error("obs", "ls", "obs://Bad_Bucket/x", message="bucket name")
        self.assert_usage_error("obs", "rm", "obs://" + BUCKET, message="is a folder")

    def test_missing_object_is_a_service_error(self):
        self.assert_service_error("obs", "cp", self.prefix + "missing.bin", self.tmp + "/", code="NoSuchKey", status=3)  # not found

    def test_missing_local_file(self):
        result = self.run_cli("obs", "cp", os.path.join(self.tmp, "nope.txt"), self.prefix, status=2)
        self.assertIn("nope.txt", result.stderr)


if __name__ == "__main__":
    unittest.main()
