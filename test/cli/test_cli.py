#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Tests of the `modelarts` command-line client against the emulator: each group's verbs (cli_support.py
has the shared pieces; test_cli_*.py one theme each: parsing, output, configuration, commands)."""
import json
import os
import pty
import re
import shutil
import subprocess
import tempfile
import unittest

from cli_support import CLI, FAST_WAIT, SECRET, SPEC, TRAINING, CliTestCase, unique

class HelpTests(CliTestCase):
    def test_top_level_help_lists_every_group(self):
        out = self.run_cli("--help").stdout
        for group in ["training-job", "training-job-version", "training-job-config", "visualization-job",
                      "label-job", "spec", "engine", "algorithm", "raw"]:
            self.assertRegex(out, r"\n  %s +\S" % re.escape(group))
        self.assertIn("--endpoint", out)
        self.assertIn("Exit status", out)

    def test_group_help_lists_verbs(self):
        out = self.run_cli("visualization-job", "--help").stdout
        for verb in ["list", "create", "get", "update", "stop", "restart", "delete"]:
            self.assertRegex(out, r"\n  %s +\S" % verb)
        out = self.run_cli("training-job", "-h").stdout
        for verb in ["list", "create", "get", "wait", "logs", "log-files", "stop", "update", "delete"]:
            self.assertRegex(out, r"\n  %s +\S" % verb)

    def test_verb_help_shows_arguments_and_options(self):
        out = self.run_cli("training-job", "list", "--help").stdout
        self.assertIn("Usage: modelarts training-job list", out)
        for option in ["--status", "--per-page", "--page", "--sort-by", "--order", "--search", "--output"]:
            self.assertIn(option, out)
        out = self.run_cli("visualization-job", "delete", "--help").stdout
        self.assertIn("Usage: modelarts visualization-job delete JOB_ID", out)
        out = self.run_cli("raw", "--help").stdout
        self.assertIn("Usage: modelarts raw METHOD PATH", out)
        self.assertIn("--data", out)

    def test_every_group_and_verb_has_help(self):
        top = self.run_cli("--help").stdout
        groups = re.findall(r"^  ([a-z-]+) ", top.split("Groups:")[1].split("Global options")[0], re.M)
        self.assertGreaterEqual(len(groups), 9)
        for group in groups:
            out = self.run_cli(group, "--help").stdout
            if "Verbs:" not in out:  # a group that is itself the command (raw, configure, completion, version)
                self.assertIn("Usage: modelarts %s" % group, out)
                continue
            verbs = re.findall(r"^  ([a-z-]+) ", out.split("Verbs:")[1], re.M)
            self.assertTrue(verbs, group)
            for verb in verbs:
                self.assertIn("Usage: modelarts %s %s" % (group, verb), self.run_cli(group, verb, "--help").stdout)

    def test_no_arguments_is_a_usage_error(self):
        result = self.run_cli(status=2)
        self.assertIn("missing command group", result.stderr)


class UsageErrorTests(CliTestCase):
    def test_unknown_group(self):
        self.assert_usage_error("training-jobs", "list", message="unknown command group 'training-jobs'")

    def test_unknown_verb(self):
        self.assert_usage_error("visualization-job", "explode", message="unknown verb 'explode'")

    def test_missing_verb(self):
        self.assert_usage_error("label-job", message="missing verb")

    def test_missing_id(self):
        self.assert_usage_error("visualization-job", "get", message="missing JOB_ID")
        self.assert_usage_error("training-job-version", "get", "10", message="missing VERSION_ID")

    def test_unknown_option(self):
        self.assert_usage_error("training-job", "list", "--bogus", message="bogus")

    def test_bad_option_value(self):
        self.assert_usage_error("training-job", "list", "--per-page", "many", message="per-page")
        self.assert_usage_error("spec", "list", "-o", "yaml", message="unknown output format 'yaml'")
        self.assert_usage_error("training-job", "list", "--order", "sideways", message="--order")

    def test_extra_argument(self):
        self.assert_usage_error("visualization-job", "delete", "1", "2", message="unexpected argument '2'")

    def test_missing_required_option(self):
        self.assert_usage_error("visualization-job", "create", "v1", message="train-url")

    def test_missing_training_data(self):
        args = [a for a in TRAINING if a not in ("--data-url", "/bucket/data/")]
        self.assert_usage_error("training-job", "create", "j1", *args, message="missing training data")

    def test_id_the_sdk_refuses_is_a_usage_error(self):
        # The SDK refuses an empty ID before sending anything: a bad value on the command line.
        self.assert_usage_error("visualization-job", "get", "", message="empty")

    def test_path_tricking_id_stays_one_segment(self):
        # No ModelArts ID holds '/': the SDK refuses it before sending, a clear usage error.
        self.assert_usage_error("visualization-job", "delete", "../1", message="contains '/'")
        self.assert_usage_error("training-job", "get", "x/y", message="contains '/'")
        # Other tricks are sent percent-encoded as one path segment: the service answers "does not exist" (exit 3).
        result = self.run_cli("visualization-job", "delete", "..%2F1", status=3)
        self.assertIn("visualization-jobs/..%252F1 -> ", result.stderr)


class RawTests(CliTestCase):
    def test_get_engines(self):
        result = self.run_cli("raw", "GET", "/v1/{project}/job/ai-engines")
        body = json.loads(result.stdout)
        self.assertTrue(body["is_success"])
        names = {engine["engine_name"] for engine in body["engines"]}
        self.assertIn("PyTorch", names)

    def test_query_in_path_and_option(self):
        body = json.loads(self.run_cli("raw", "get", "/v1/{project_id}/job/resource-specs?job_type=train").stdout)
        self.assertIn(SPEC, [spec["spec_code"] for spec in body["specs"]])
        body = json.loads(self.run_cli("raw", "GET", "/v1/{project}/job/resource-specs", "--query", "job_type=train").stdout)
        self.assertTrue(body["specs"])

    def test_post_with_data_then_delete(self):
        name = unique("raw")
        created = json.loads(self.run_cli("raw", "POST", "/v1/{project}/visualization-jobs", "--data",
                                          json.dumps({"job_name": name, "train_url": "/bucket/out/"})).stdout)
        self.assertTrue(created["is_success"])
        job_id = str(created["job_id"])
        shown = self.run_json("visualization-job", "get", job_id)
        self.assertEqual(shown["job_name"], name)
        self.run_cli("raw", "DELETE", "/v1/{project}/visualization-jobs/" + job_id)

    def test_error_status_exits_by_its_kind_and_prints_the_body(self):
        # 400 ModelArts.0102 is "not found" by its code (Error::kind()), as the visualization-job group says: 3.
        result = self.run_cli("raw", "DELETE", "/v1/{project}/visualization-jobs/987654321", status=3)
        self.assertIn("is_success", result.stdout)
        self.assertIn("ModelArts.", result.stdout)
        self.assertRegex(result.stderr, r"modelarts: DELETE /v1/\w+/visualization-jobs/987654321 -> HTTP 4\d\d")
        # Another refusal (a bad body) stays 1.
        self.run_cli("raw", "POST", "/v1/{project}/visualization-jobs", "--data", "{}", status=1)

    def test_bad_method_and_path(self):
        self.assert_usage_error("raw", "FETCH", "/v1/x", message="unknown HTTP method")
        self.assert_usage_error("raw", "GET", "v1/x", message="PATH must start with '/'")
        self.assert_usage_error("raw", "GET", message="missing PATH")


class VisualizationJobTests(CliTestCase):
    def create(self, name=None, description="made by the CLI tests"):
        name = name or unique("vis")
        created = self.run_json("visualization-job", "create", name, "--train-url", "/bucket/out/",
                                "--description", description)
        self.assertEqual(created["job_name"], name)
        return str(created["job_id"]), name

    def status_of(self, job_id):
        return self.run_json("visualization-job", "get", job_id)["status"]

    def test_create_table_output(self):
        name = unique("vis")
        out = self.run_cli("visualization-job", "create", name, "--train-url", "/bucket/out/").stdout
        lines = self.assert_table(out, ["FIELD", "VALUE"])
        self.assertRegex(out, r"\njob_name +%s\n" % name)
        self.assertRegex(out, r"\njob_id +\d+\n")
        self.assertGreater(len(lines), 3)

    def test_list_table_and_json(self):
        job_id, name = self.create()
        out = self.run_cli("visualization-job", "list", "--per-page", "100").stdout
        self.assert_table(out, ["JOB_ID", "NAME", "STATUS", "CREATED", "DURATION", "TRAIN_URL", "DESCRIPTION"])
        row = self.row_of(out, job_id)
        self.assertIn(name, row)
        self.assertIn("/bucket/out/", row)
        header = out.splitlines()[0]
        self.assertEqual(row.index(name), header.index("NAME"))  # aligned under its header
        listed = self.run_json("visualization-job", "list", "--search", name)
        self.assertEqual(set(listed), {"items", "total"})
        self.assertEqual(listed["total"], 1)
        self.assertEqual([str(j["job_id"]) for j in listed["items"]], [job_id])
        for field in ["job_id", "job_name", "status", "create_time", "duration", "job_desc", "service_url", "train_url"]:
            self.assertIn(field, listed["items"][0])
        every = self.run_json("visualization-job", "list", "--all", "--per-page", "1")
        self.assertIn(job_id, [str(j["job_id"]) for j in every["items"]])
        self.assertEqual(every["total"], len(every["items"]))

    def test_get_update_stop_restart_delete(self):
        job_id, name = self.create()
        shown = self.run_json("visualization-job", "get", job_id)
        for field in ["job_id", "job_name", "job_desc", "status", "create_time", "service_url", "train_url"]:
            self.assertIn(field, shown)
        self.assertEqual(shown["job_desc"], "made by the CLI tests")
        out = self.run_cli("visualization-job", "get", job_id).stdout
        self.assertRegex(out, r"\nstatus +[A-Z_]+ \(\d+\)\n")

        self.assertIn("Updated visualization job " + job_id, self.run_cli(
            "visualization-job", "update", job_id, "--description", "new words").stdout)
        self.assertEqual(self.run_json("visualization-job", "get", job_id)["job_desc"], "new words")

        self.poll(lambda: self.status_of(job_id), lambda s: s in (7, 8), "the job to run")
        self.assertEqual(self.run_json("visualization-job", "stop", job_id), {"is_success": True, "job_id": int(job_id)})
        self.poll(lambda: self.status_of(job_id), lambda s: s == 10, "the job to stop")
        # Stopping a stopped job is refused by the service: exit 1 with its error.
        self.assert_service_error("visualization-job", "stop", job_id, code="ModelArts.0105")
        self.run_cli("visualization-job", "restart", job_id)
        self.poll(lambda: self.status_of(job_id), lambda s: s in (7, 8), "the job to run again")
        self.assertIn("Deleted visualization job " + job_id, self.run_cli("visualization-job", "delete", job_id).stdout)
        self.assert_service_error("visualization-job", "get", job_id, code="ModelArts.", status=3)

    def test_delete_unknown_job_fails_with_the_api_error(self):
        result = self.assert_service_error("visualization-job", "delete", "987654321", code="ModelArts.", status=3)
        self.assertIn("DELETE /v1/", result.stderr)
        self.assertIn("987654321", result.stderr)
        self.assertEqual(result.stdout, "")


class TrainingJobTests(CliTestCase):
    def create(self, *extra):
        name = unique("job")
        created = self.run_json("training-job", "create", name, *TRAINING, *extra)
        self.assertEqual(created["job_name"], name)
        return str(created["job_id"]), str(created["version_id"]), name

    def test_create_list_get(self):
        job_id, version_id, name = self.create("--description", "cli test job")
        out = self.run_cli("training-job", "list", "--per-page", "100").stdout
        self.assert_table(out, ["JOB_ID", "NAME", "VERSION_ID", "STATUS", "VERSIONS", "CREATED", "DURATION", "DESCRIPTION"])
        row = self.row_of(out, job_id)
        self.assertIn(name, row)
        self.assertIn("cli test job", row)
        listed = self.run_json("training-job", "list", "--search", name)
        self.assertEqual(set(listed), {"items", "total"})
        self.assertEqual(str(listed["items"][0]["job_id"]), job_id)
        for field in ["job_id", "job_name", "version_id", "status", "create_time", "duration", "version_count"]:
            self.assertIn(field, listed["items"][0])
        detail = self.run_json("training-job", "get", job_id)
        self.assertEqual(str(detail["version_id"]), version_id)
        for field in ["job_id", "job_name", "version_id", "version_name", "engine_name", "spec_id", "status", "train_url"]:
            self.assertIn(field, detail)
        out = self.run_cli("training-job", "get", job_id, "--version-id", version_id).stdout
        self.assertRegex(out, r"\nspec +%s\n" % re.escape(SPEC))
        self.assertRegex(out, r"\nengine +PyTorch \(PyTorch-1.0.0-python3.6\)\n")

    def test_dry_run_creates_nothing(self):
        config = json.loads(self.run_cli("training-job", "create", "dry", *TRAINING, "--dry-run").stdout)
        self.assertEqual(config["data_url"], "/bucket/data/")
        self.assertIn("spec_id", config)
        self.assertEqual(self.run_json("training-job", "list", "--search", "dry")["items"], [])

    def test_create_from_a_local_code_dir_uploads_first(self):
        root = tempfile.mkdtemp(prefix="cli_v1_code_")
        self.addCleanup(shutil.rmtree, root, True)
        with open(os.path.join(root, "train.py"), "w") as f:
            f.write("print('v1')\n")
        stage = "obs://modelarts-emulator/%s/" % unique("v1stage")
        local = [a for a in TRAINING]
        local[local.index("--code-dir") + 1] = root
        local[local.index("--boot-file") + 1] = "train.py"
        local += ["--obs-path", stage]
        dry = json.loads(self.run_cli("training-job", "create", "dry", *local, "--dry-run").stdout)
        self.assertEqual(self.run_json("obs", "ls", stage, "--recursive")["items"], [])  # a dry run uploads nothing
        job_id = str(self.run_json("training-job", "create", unique("job"), *local)["job_id"])
        detail = self.run_json("training-job", "get", job_id)
        self.assertEqual(detail["app_url"], dry["app_url"])
        self.assertTrue(detail["app_url"].startswith(stage[len("obs:/"):]), detail["app_url"])
        self.assertEqual(detail["boot_file_url"], detail["app_url"] + "train.py")
        self.assertEqual(len(self.run_json("obs", "ls", stage, "--recursive")["items"]), 1)
        for code_dir in ("./src", root):  # a local directory without --obs-path is refused, not sent
            args = [a for a in TRAINING]
            args[args.index("--code-dir") + 1] = code_dir
            self.assert_usage_error("training-job", "create", unique("job"), *args, message="--obs-path")

    def test_wait_prints_plain_progress_lines_when_piped(self):
        job_id, version_id, _ = self.create()
        result = self.run_cli("training-job", "wait", job_id, *FAST_WAIT)
        progress = [line for line in result.stderr.splitlines() if line.startswith("job %s version %s: " % (job_id, version_id))]
        self.assertGreaterEqual(len(progress), 1, result.stderr)
        self.assertNotIn("\r", result.stderr)
        self.assertIn("COMPLETED", progress[-1])
        self.assertRegex(result.stdout, r"\nstatus +COMPLETED \(10\)\n")

    def test_wait_rewrites_one_line_on_a_terminal(self):
        job_id, version_id, _ = self.create()
        master, slave = pty.openpty()
        try:
            process = subprocess.Popen([CLI, "training-job", "wait", job_id, *FAST_WAIT], stdout=subprocess.PIPE,
                                       stderr=slave, text=True)
            os.close(slave)
            slave = None
            out, _ = process.communicate(timeout=60)
            terminal = b""
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # EIO: the CLI closed the terminal
                    break
                if not chunk:
                    break
                terminal += chunk
        finally:
            os.close(master)
            if slave is not None:
                os.close(slave)
        self.assertEqual(process.returncode, 0, terminal)
        text = terminal.decode()
        self.assertIn("\rjob %s version %s: " % (job_id, version_id), text)
        self.assertIn("COMPLETED", text)
        self.assertEqual(text.count("\n"), 1, repr(text))  # one line, rewritten, ended once
        self.assertRegex(out, r"\nstatus +COMPLETED \(10\)\n")
        self.assertNotIn(SECRET, out + text)

    def test_wait_on_a_failing_job_exits_1(self):
        job_id, _, _ = self.create("--hyperparameter", "emulator_outcome=fail")
        result = self.run_cli("training-job", "wait", job_id, *FAST_WAIT, "-o", "json", status=6)
        self.assertEqual(json.loads(result.stdout)["status"], 11)
        self.assertIn("ended FAILED", result.stderr)

    def test_create_with_wait(self):
        name = unique("job")
        result = self.run_cli("training-job", "create", name, *TRAINING, "--wait", *FAST_WAIT)
        self.assertIn("Created training job", result.stderr)
        self.assertRegex(result.stdout, r"\nstatus +COMPLETED \(10\)\n")

    def test_logs_and_log_files(self):
        job_id, _, _ = self.create()
        self.run_cli("training-job", "wait", job_id, *FAST_WAIT)
        out = self.run_cli("training-job", "log-files", job_id).stdout
        lines = self.assert_table(out, ["LOG_FILE"])
        self.assertGreaterEqual(len(lines), 2)
        files = self.run_json("training-job", "log-files", job_id)["items"]
        self.assertEqual(files, [line.strip() for line in lines[1:]])
        log = self.run_cli("training-job", "logs", job_id, "--lines", "5").stdout
        self.assertTrue(log.strip(), "empty log")
        self.assertLessEqual(len(log.splitlines()), 5)
        read = self.run_json("training-job", "logs", job_id, "--file", files[0], "--lines", "3")
        for field in ["content", "lines", "start_line", "end_line"]:
            self.assertIn(field, read)
        # The Python SDK's start_byte/offset form, in bytes: -1 reads the newest |offset| bytes.
        newest = self.run_cli("training-job", "logs", job_id, "--start-byte", "-1", "--offset", "20").stdout
        self.assertEqual(len(newest), 20, newest)
        self.assertTrue(log.endswith(newest), newest)
        self.assert_usage_error("training-job", "logs", job_id, "--offset", "2", "--lines", "2", message="do not mix")

    def test_update_and_delete(self):
        job_id, _, name = self.create()
        self.assertIn("Updated training job " + job_id,
                      self.run_cli("training-job", "update", job_id, "--description", "changed").stdout)
        # The description belongs to the job (the jobs list); each version keeps the one it was created with.
        listed = self.run_json("training-job", "list", "--search", name)["items"]
        self.assertEqual([(str(j["job_id"]), j["job_desc"]) for j in listed], [(job_id, "changed")])
        self.assertIn("Deleted training job " + job_id, self.run_cli("training-job", "delete", job_id).stdout)
        self.poll(lambda: self.run_json("training-job", "list", "--search", job_id)["items"], lambda jobs: not any(
            str(j["job_id"]) == job_id for j in jobs), "the job to go")

    def test_delete_unknown_job_fails(self):
        result = self.assert_service_error("training-job", "delete", "987654321", code="ModelArts.", status=3)
        self.assertIn("DELETE /v1/", result.stderr)


class TrainingJobVersionTests(CliTestCase):
    def test_versions(self):
        name = unique("job")
        created = self.run_json("training-job", "create", name, *TRAINING)
        job_id, first = str(created["job_id"]), str(created["version_id"])
        self.run_cli("training-job", "wait", job_id, *FAST_WAIT)
        second = self.run_json("training-job-version", "create", job_id, *TRAINING, "--description", "v2")
        second_id = str(second["version_id"])
        self.assertNotEqual(second_id, first)

        out = self.run_cli("training-job-version", "list", job_id).stdout
        self.assert_table(out, ["VERSION_ID", "VERSION", "STATUS", "ENGINE", "SPEC", "WORKERS", "CREATED", "DURATION"])
        self.assertIn("COMPLETED", self.row_of(out, first))
        self.row_of(out, second_id)
        listed = self.run_json("training-job-version", "list", job_id)
        self.assertEqual(listed["total"], 2)
        self.assertEqual(sorted(str(v["version_id"]) for v in listed["items"]), sorted([first, second_id]))

        self.assertEqual(str(self.run_json("training-job-version", "get", job_id, first)["version_id"]), first)
        # training-job verbs default to the newest version
        self.assertEqual(str(self.run_json("training-job", "get", job_id)["version_id"]), second_id)

        self.run_cli("training-job-version", "wait", job_id, second_id, *FAST_WAIT)
        self.run_cli("training-job-version", "log-files", job_id, first)
        self.assertIn("Deleted training job %s version %s" % (job_id, second_id),
                      self.run_cli("training-job-version", "delete", job_id, second_id).stdout)
        self.poll(lambda: self.run_json("training-job-version", "list", job_id)["total"], lambda n: n == 1,
                  "the version to go")
        self.run_cli("training-job", "delete", job_id)

    def test_get_unknown_version_fails(self):
        self.assert_service_error("training-job-version", "get", "987654321", "1", code="ModelArts.", status=3)


class StopTests(CliTestCase):
    """Run with a slower emulator clock (CMake: --time-scale 10) so that a job is still running when stopped."""

    def test_stop_job_and_version(self):
        created = self.run_json("training-job", "create", unique("stop"), *TRAINING)
        job_id, first = str(created["job_id"]), str(created["version_id"])
        self.assertEqual(self.run_json("training-job", "stop", job_id),
                         {"is_success": True, "job_id": int(job_id), "version_id": int(first)})
        result = self.run_cli("training-job", "wait", job_id, *FAST_WAIT, status=6)
        self.assertIn("ended KILLED", result.stderr)
        self.assertRegex(result.stdout, r"\nstatus +KILLED \(12\)\n")

        second = str(self.run_json("training-job-version", "create", job_id, *TRAINING)["version_id"])
        self.assertIn("Stopping training job %s version %s" % (job_id, second),
                      self.run_cli("training-job-version", "stop", job_id, second).stdout)
        # A stopping version cannot be stopped again: the service's error, exit 1.
        self.assert_service_error("training-job-version", "stop", job_id, second, code="ModelArts.0105")
        result = self.run_cli("training-job-version", "wait", job_id, second, *FAST_WAIT, status=6)
        self.assertIn("ended KILLED", result.stderr)
        self.run_cli("training-job", "delete", job_id)


class TrainingJobConfigTests(CliTestCase):
    def test_config_lifecycle(self):
        name = unique("cfg")
        args = list(TRAINING)
        self.assertIn("Created training job config " + name,
                      self.run_cli("training-job-config", "create", name, *args, "--description", "preset").stdout)
        out = self.run_cli("training-job-config", "list", "--per-page", "100").stdout
        self.assert_table(out, ["NAME", "DESCRIPTION", "ENGINE", "CREATED"])
        self.assertIn("preset", self.row_of(out, name))
        listed = self.run_json("training-job-config", "list", "--search", name)
        self.assertEqual(listed["total"], 1)
        self.assertEqual(listed["items"][0]["config_name"], name)
        detail = self.run_json("training-job-config", "get", name)
        for field in ["config_name", "config_desc", "spec_id", "engine_id", "data_url", "train_url"]:
            self.assertIn(field, detail)
        self.assertEqual(detail["data_url"], "/bucket/data/")
        changed = [a if a != "/bucket/data/" else "/bucket/data2/" for a in args]
        self.run_cli("training-job-config", "update", name, *changed, "--description", "preset 2")
        detail = self.run_json("training-job-config", "get", name)
        self.assertEqual((detail["data_url"], detail["config_desc"]), ("/bucket/data2/", "preset 2"))
        self.run_cli("training-job-config", "delete", name)
        self.assert_service_error("training-job-config", "get", name, code="ModelArts.", status=3)


class LabelJobTests(CliTestCase):
    def test_label_job_lifecycle(self):
        name = unique("label_")
        created = self.run_json("label-job", "create", name, "--path", "/bucket/images/", "--description", "d1")
        job_id = created["job_id"]
        self.assertIn("dls_prj_id", created)
        out = self.run_cli("label-job", "list", "--per-page", "100").stdout
        self.assert_table(out, ["ID", "NAME", "TYPE", "DATA_TYPE", "PATH", "PROGRESS", "CREATED", "DESCRIPTION"])
        self.assertIn(name, self.row_of(out, job_id))
        listed = self.run_json("label-job", "list", "--search", name)
        self.assertEqual(listed["total"], 1)
        self.assertEqual([j["id"] for j in listed["items"]], [job_id])
        every = self.run_json("label-job", "list", "--all", "--per-page", "1")
        self.assertIn(job_id, [j["id"] for j in every["items"]])

        new_name = unique("renamed_")
        self.assertEqual(self.run_json("label-job", "update", job_id, "--name", new_name, "--description", "d2"),
                         {"job_id": job_id})
        job = self.run_json("label-job", "list", "--search", new_name)["items"][0]
        self.assertEqual((job["name"], job["description"]), (new_name, "d2"))

        self.run_cli("label-job", "save-validation", job_id, "--pass-rate", "95.5")
        validation = self.run_json("label-job", "validation", job_id)
        for field in ["image_count", "images", "last_pass_rate", "last_validation_time"]:
            self.assertIn(field, validation)
        self.assertAlmostEqual(float(validation["last_pass_rate"]), 95.5)
        self.assertRegex(self.run_cli("label-job", "validation", job_id).stdout, r"\nlast_pass_rate +95.50\n")
        self.assert_usage_error("label-job", "save-validation", job_id, "--pass-rate", "101", message="--pass-rate")

        self.assertIn("Deleted label job " + job_id, self.run_cli("label-job", "delete", job_id).stdout)
        self.assert_service_error("label-job", "delete", job_id, code="ModelArts.", status=3)


class CatalogTests(CliTestCase):
    def test_spec_list(self):
        out = self.run_cli("spec", "list").stdout
        self.assert_table(out, ["SPEC_ID", "SPEC_CODE", "CORE", "CPU", "GPU", "MAX_NUM", "STORAGE"])
        self.assertIn(SPEC, out)
        specs = self.run_json("spec", "list")["items"]
        self.assertIn(SPEC, [s["spec_code"] for s in specs])
        self.assertEqual(set(["spec_id", "spec_code", "core", "cpu", "gpu_num"]) - set(specs[0]), set())

    def test_engine_list(self):
        out = self.run_cli("engine", "list").stdout
        self.assert_table(out, ["ENGINE_ID", "FRAMEWORK_TYPE", "FRAMEWORK_VERSION", "ENGINE_TYPE"])
        self.assertRegex(out, r"PyTorch +PyTorch-1.0.0-python3.6")
        engines = self.run_json("engine", "list")["items"]
        self.assertIn("PyTorch-1.0.0-python3.6", [e["engine_version"] for e in engines])

    def test_algorithm_list(self):
        out = self.run_cli("algorithm", "list").stdout
        self.assert_table(out, ["MODEL_ID", "NAME", "USAGE", "PRECISION", "ENGINE", "DATASET_FORMAT"])
        algorithms = self.run_json("algorithm", "list")["items"]
        self.assertTrue(algorithms)
        self.assertIn("model_name", algorithms[0])
        self.assertIn(algorithms[0]["model_name"], out)


class SecretTests(CliTestCase):
    def test_verbose_logs_requests_without_the_secret(self):
        result = self.run_cli("--verbose", "engine", "list")
        self.assertIn("modelarts: [debug]", result.stderr)
        self.assertIn("ai-engines", result.stderr)
        result = self.run_cli("visualization-job", "delete", "987654321", "-v", status=3)
        self.assertIn("modelarts: [debug]", result.stderr)

    def test_wrong_secret_fails_without_printing_it(self):
        env = dict(os.environ, HUAWEICLOUD_SDK_SK="wrong-secret-value-0123456789")
        result = self.run_cli("--verbose", "spec", "list", env=env, status=4)
        self.assertNotIn("wrong-secret-value-0123456789", result.stdout + result.stderr)
        self.assertTrue(result.stderr.strip().splitlines()[-1].startswith("modelarts: "))
        self.assertIn("401", result.stderr)

    def test_missing_credentials_name_the_settings(self):
        with tempfile.TemporaryDirectory() as home:
            env = {k: v for k, v in os.environ.items() if not k.startswith("HUAWEICLOUD_SDK_")}
            env["HOME"] = home
            result = self.run_cli("spec", "list", env=env, status=4)
            self.assertIn("HUAWEICLOUD_SDK_AK", result.stderr)
            self.assertIn("ak in [basic]", result.stderr)

    def test_insecure_is_loudly_warned(self):
        result = self.run_cli("--insecure", "engine", "list")
        self.assertIn("WARNING", result.stderr)
        self.assertIn("not verified".upper(), result.stderr.upper())

    def test_global_options_override_the_environment(self):
        # A wrong --project-id reaches the service, which refuses it: the option was used.
        result = subprocess.run([CLI, "--project-id", "0123456789abcdef0123456789abcdef", "engine", "list"],
                                capture_output=True, text=True, timeout=60)
        self.assertNotEqual(result.returncode, 0, result.stderr)
        # An endpoint nobody listens on: a network error, exit 7.
        result = self.run_cli("engine", "list", "--endpoint", "http://127.0.0.1:1", status=7)
        self.assertTrue(result.stderr.startswith("modelarts: "))


class TlsTests(CliTestCase):
    """Run against an HTTPS emulator (CMake: --tls); with-emulator exports MODELARTS_CA_FILE for its certificate."""

    def setUp(self):
        self.ca_file = os.environ.get("MODELARTS_CA_FILE", "")
        self.assertTrue(os.environ.get("MODELARTS_ENDPOINT", "").startswith("https://"), "run with --tls")
        self.assertTrue(self.ca_file, "no MODELARTS_CA_FILE")
        self.without_ca = {k: v for k, v in os.environ.items() if k != "MODELARTS_CA_FILE"}

    def test_trusts_the_ca_file_from_the_environment(self):
        self.assertIn("PyTorch", self.run_cli("engine", "list").stdout)

    def test_unknown_certificate_is_refused(self):
        result = self.run_cli("engine", "list", env=self.without_ca, status=7)
        self.assertTrue(result.stderr.startswith("modelarts: "), result.stderr)
        self.assertIn("certificate", result.stderr)

    def test_ca_file_option(self):
        self.assertIn("PyTorch", self.run_cli("engine", "list", "--ca-file", self.ca_file, env=self.without_ca).stdout)

    def test_insecure_skips_verification_with_a_warning(self):
        result = self.run_cli("--insecure", "engine", "list", env=self.without_ca)
        self.assertIn("PyTorch", result.stdout)
        self.assertIn("WARNING", result.stderr)


if __name__ == "__main__":
    unittest.main()
