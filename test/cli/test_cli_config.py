#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Configuration: timeouts and the waiting note, profiles and configure, exit codes, and a wrong password
printing one line."""
import os
import stat
import tempfile
import time
import unittest

from cli_support import CLI, SECRET, CliTestCase, SilentServer, unique

AK = os.environ.get("HUAWEICLOUD_SDK_AK", "")
PROJECT = os.environ.get("HUAWEICLOUD_SDK_PROJECT_ID", "")
REGION = os.environ.get("MODELARTS_REGION", "")


def read(path):
    with open(path) as text:
        return text.read()


def without_settings(**extra):
    """The environment less every setting the SDK reads, plus `extra`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HUAWEICLOUD_SDK_", "MODELARTS_REGION", "MODELARTS_PROFILE", "MODELARTS_ACCOUNT",
                                "MODELARTS_USERNAME", "MODELARTS_PASSWORD"))}
    env.update(extra)
    return env


class ProfileTests(CliTestCase):
    def setUp(self):
        self.home = tempfile.TemporaryDirectory()
        self.addCleanup(self.home.cleanup)
        self.file = os.path.join(self.home.name, "credentials")
        with open(self.file, "w") as out:
            out.write("# kept\n[basic]\nak = NOPE\nsk = nope-nope\nregion = cn-north-4\n\n"
                      "[dev]\nak = %s\nsk = %s\nregion = %s\nproject_id = %s\n" % (AK, SECRET, REGION, PROJECT))
        self.env = without_settings(HUAWEICLOUD_SDK_CREDENTIALS_FILE=self.file,
                                    MODELARTS_ENDPOINT=os.environ["MODELARTS_ENDPOINT"],
                                    HUAWEICLOUD_SDK_IAM_ENDPOINT=os.environ["MODELARTS_ENDPOINT"],
                                    MODELARTS_CA_FILE=os.environ.get("MODELARTS_CA_FILE", ""))

    def test_profile_by_flag_and_environment(self):
        self.assertIn("PyTorch", self.run_cli("--profile", "dev", "engine", "list", env=self.env).stdout)
        self.assertIn("PyTorch", self.run_cli("engine", "list", env=dict(self.env, MODELARTS_PROFILE="dev")).stdout)
        # [basic] is the default: its keys are wrong, so the service refuses them (auth: exit 4).
        self.run_cli("engine", "list", env=self.env, status=4)

    def test_region_from_the_file_is_honoured(self):
        # [dev2] has no project ID: the region from the file names the IAM project to look up.
        with open(self.file, "a") as out:
            out.write("[dev2]\nak = %s\nsk = %s\nregion = %s\n" % (AK, SECRET, REGION))
        self.assertIn("PyTorch", self.run_cli("--profile", "dev2", "engine", "list", env=self.env).stdout)
        with open(self.file, "a") as out:
            out.write("[noregion]\nak = %s\nsk = %s\n" % (AK, SECRET))
        result = self.run_cli("--profile", "noregion", "engine", "list", env=self.env, status=4)
        self.assertIn("region_name (--region, MODELARTS_REGION or region in [noregion])", result.stderr)
        self.assertIn(self.file, result.stderr)

    def test_unknown_profile_is_a_configuration_error(self):
        result = self.run_cli("--profile", "nope", "engine", "list", env=self.env, status=4)
        self.assertIn("profile 'nope'", result.stderr)

    def test_configure_with_flags_writes_0600_and_keeps_the_rest(self):
        self.run_cli("configure", "--profile", "ci", "--access-key", AK, "--secret-key", SECRET, "--region", REGION,
                     "--project-id", PROJECT, env=self.env)
        self.assertEqual(stat.S_IMODE(os.stat(self.file).st_mode), 0o600)
        text = read(self.file)
        self.assertIn("# kept\n[basic]\nak = NOPE\n", text)
        self.assertIn("[ci]\n", text)
        self.assertIn("PyTorch", self.run_cli("--profile", "ci", "engine", "list", env=self.env).stdout)
        # Changing one key keeps the others.
        self.run_cli("configure", "--profile", "ci", "--region", "cn-north-9", env=self.env)
        text = read(self.file)
        self.assertIn("region = cn-north-9", text)
        self.assertIn("sk = %s" % SECRET, text)
        self.assertEqual(text.count("[ci]"), 1)

    def test_configure_in_a_new_home_creates_the_file(self):
        with tempfile.TemporaryDirectory() as home:
            env = without_settings(HOME=home)
            self.run_cli("configure", "--access-key", AK, "--secret-key", SECRET, "--region", REGION, env=env)
            path = os.path.join(home, ".huaweicloud", "credentials")
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
            self.assertIn("[basic]\n", read(path))

    def test_configure_list_masks_secrets(self):
        result = self.run_cli("configure", "list", "--profile", "dev", env=self.env)
        self.assertNotIn(SECRET, result.stdout)
        self.assertNotIn(AK, result.stdout)
        self.assertIn(AK[-4:], result.stdout)
        self.assertRegex(result.stdout, r"\nregion +%s +file \[dev\]\n" % REGION)
        self.assertRegex(result.stdout, r"\nsk +\*+ +file \[dev\]\n")
        env = dict(self.env, MODELARTS_REGION="eu-west-101")
        listed = self.run_json("configure", "list", "--profile", "dev", env=env)
        self.assertEqual(listed["settings"]["region"], {"value": "eu-west-101", "source": "env MODELARTS_REGION"})

    def test_configure_without_flags_and_terminal_is_a_usage_error(self):
        self.assert_usage_error("configure", message="no settings given")

    def test_configure_asks_on_a_terminal_without_echoing_the_secret(self):
        env = dict(self.env, HUAWEICLOUD_SDK_CREDENTIALS_FILE=os.path.join(self.home.name, "new"))
        status, seen = self.run_pty("configure", "--profile", "tty", env=env,
                                    stdin_text="\n".join([AK, SECRET, REGION, PROJECT, ""]), status=0)
        self.assertIn("Secret access key", seen)
        self.assertNotIn(SECRET, seen)
        text = read(env["HUAWEICLOUD_SDK_CREDENTIALS_FILE"])
        self.assertIn("sk = %s" % SECRET, text)
        self.assertIn("region = %s" % REGION, text)
        self.assertNotIn("modelarts_endpoint", text)  # Enter kept it unset
        self.assertIn("PyTorch", self.run_cli("--profile", "tty", "engine", "list", env=env).stdout)


class ExitStatusTests(CliTestCase):
    def test_each_failure_class_has_its_code(self):
        self.run_cli("training-job", "get", "987654321", status=3)
        self.run_cli("engine", "list", env=dict(os.environ, HUAWEICLOUD_SDK_SK="wrong-secret-0123456789"), status=4)
        self.run_cli("engine", "list", "--endpoint", "http://127.0.0.1:1", "--retries", "0", status=7)
        vis = self.run_json("visualization-job", "create", unique("vis"), "--train-url", "/bucket/out/")
        result = self.run_cli("visualization-job", "wait", str(vis["job_id"]), "--until", "ended", "--timeout", "0.05",
                              "--interval", "0.02", status=5)
        self.assertIn("after --timeout", result.stderr)
        self.run_cli("bogus", status=2)


class TimeoutTests(CliTestCase):
    def setUp(self):
        self.server = SilentServer()
        self.addCleanup(self.server.close)
        self.endpoint = "http://127.0.0.1:%d" % self.server.port

    def test_read_timeout_and_retries_flags(self):
        started = time.time()
        result = self.run_cli("engine", "list", "--endpoint", self.endpoint, "--read-timeout", "0.3", "--retries", "0",
                              status=7)
        self.assertLess(time.time() - started, 5)
        self.assertIn("timeout", result.stderr.lower())
        self.assertNotIn("waiting for", result.stderr)  # not a terminal

    def test_environment_equivalents(self):
        env = dict(os.environ, MODELARTS_ENDPOINT=self.endpoint, MODELARTS_READ_TIMEOUT="0.3", MODELARTS_RETRIES="0",
                   MODELARTS_CONNECT_TIMEOUT="1")
        started = time.time()
        self.run_cli("engine", "list", env=env, status=7)
        self.assertLess(time.time() - started, 5)
        self.assert_usage_error("engine", "list", "--read-timeout", "soon", message="--read-timeout")

    def test_waiting_note_on_a_terminal(self):
        env = dict(os.environ, MODELARTS_WAITING_NOTE_AFTER="0.2")
        status, seen = self.run_pty("engine", "list", "--endpoint", self.endpoint, "--read-timeout", "1",
                                    "--retries", "0", env=env, status=7)
        self.assertIn("modelarts: waiting for 127.0.0.1:%d ..." % self.server.port, seen)


class PasswordTests(CliTestCase):
    def test_wrong_password_prints_one_line(self):
        env = without_settings(MODELARTS_ENDPOINT=os.environ["MODELARTS_ENDPOINT"],
                               HUAWEICLOUD_SDK_IAM_ENDPOINT=os.environ["MODELARTS_ENDPOINT"],
                               MODELARTS_REGION=REGION, MODELARTS_ACCOUNT="emulator-account",
                               MODELARTS_USERNAME="emulator-user", MODELARTS_PASSWORD="not-the-password-42",
                               MODELARTS_CA_FILE=os.environ.get("MODELARTS_CA_FILE", ""))
        result = self.run_cli("engine", "list", env=env, status=4)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertNotIn("not-the-password-42", result.stderr)
        self.assertNotIn("[warning]", result.stderr)
        env["MODELARTS_PASSWORD"] = "Z8qT3nV6rK1xW9mP"
        self.assertIn("PyTorch", self.run_cli("engine", "list", env=env).stdout)


if __name__ == "__main__":
    unittest.main()
