#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Commands: updates change only what is given and errors name the CLI flag; label-job get,
visualization-job wait, training-job logs --follow, raw --data @file / -, completion."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from cli_support import CLI, FAST_WAIT, TRAINING, CliTestCase, unique


class UpdateTests(CliTestCase):
    def test_label_job_update_description_only_keeps_the_name(self):
        name = unique("lu_")
        job_id = self.run_json("label-job", "create", name, "--path", "/bucket/images/", "--description", "d1")["job_id"]
        self.run_cli("label-job", "update", job_id, "--description", "d2")
        job = self.run_json("label-job", "get", job_id)
        self.assertEqual((job["name"], job["description"]), (name, "d2"))
        self.run_cli("label-job", "update", job_id, "--name", name + "x")
        job = self.run_json("label-job", "get", job_id)
        self.assertEqual((job["name"], job["description"]), (name + "x", "d2"))
        self.assert_usage_error("label-job", "update", job_id, message="nothing to change")

    def test_config_update_with_one_hyperparameter_keeps_the_rest(self):
        name = unique("cu")
        self.run_cli("training-job-config", "create", name, *TRAINING, "--description", "keep me")
        self.run_cli("training-job-config", "update", name, "--hyperparameter", "lr=0.1")
        detail = self.run_json("training-job-config", "get", name)
        self.assertEqual(detail["data_url"], "/bucket/data/")
        self.assertEqual(detail["train_url"], "/bucket/out/")
        self.assertEqual(detail["config_desc"], "keep me")
        self.assertEqual(detail["parameter"], [{"label": "lr", "value": "0.1"}])

    def test_new_version_with_only_new_data(self):
        created = self.run_json("training-job", "create", unique("nv"), *TRAINING)
        job_id = str(created["job_id"])
        self.run_cli("training-job", "wait", job_id, *FAST_WAIT)
        version = self.run_json("training-job-version", "create", job_id, "--data-url", "/bucket/data2/")
        detail = self.run_json("training-job-version", "get", job_id, str(version["version_id"]))
        self.assertEqual(detail["train_url"], "/bucket/out/")
        self.assertEqual(detail["data_url"], "/bucket/data2/")

    def test_errors_name_the_cli_flag(self):
        args = [a for a in TRAINING if a not in ("--output-path", "/bucket/out/")]
        result = self.assert_usage_error("training-job", "create", unique("f"), *args, message="--output-path is required")
        self.assertNotIn("output_path", result.stderr)
        args = [a for a in TRAINING if a not in ("--instance-type", "modelarts.vm.cpu.2u")]
        result = self.assert_usage_error("training-job", "create", unique("f"), *args, message="--instance-type is required")
        self.assertNotIn("train_instance_type", result.stderr)


class MissingCommandTests(CliTestCase):
    def test_label_job_get(self):
        name = unique("lg_")
        job_id = self.run_json("label-job", "create", name, "--path", "/bucket/images/")["job_id"]
        out = self.run_cli("label-job", "get", job_id).stdout
        self.assertRegex(out, r"\nname +%s\n" % name)
        self.assertEqual(self.run_json("label-job", "get", job_id)["id"], job_id)
        self.assertIn("does not exist", self.run_cli("label-job", "get", "no-such-job", status=3).stderr)

    def test_visualization_job_wait(self):
        created = self.run_json("visualization-job", "create", unique("vw"), "--train-url", "/bucket/out/")
        job_id = str(created["job_id"])
        result = self.run_cli("visualization-job", "wait", job_id, "--interval", "0.02", "-o", "json")
        self.assertEqual(json.loads(result.stdout)["status"], 8)
        self.assertIn("RUNNING", result.stderr)
        self.run_cli("visualization-job", "stop", job_id)
        result = self.run_cli("visualization-job", "wait", job_id, "--until", "ended", "--interval", "0.02")
        self.assertRegex(result.stdout, r"\nstatus +COMPLETED \(10\)\n")

    def test_training_job_logs_follow(self):
        created = self.run_json("training-job", "create", unique("lf"), *TRAINING)
        job_id = str(created["job_id"])
        result = self.run_cli("training-job", "logs", job_id, "--follow", "--interval", "0.02", "--lines", "500")
        self.run_cli("training-job", "wait", job_id, *FAST_WAIT)
        whole = self.run_cli("training-job", "logs", job_id, "--lines", "500").stdout
        self.assertTrue(result.stdout.strip())
        # Every line was printed once, in order, ending with the job's last line.
        self.assertEqual(result.stdout.splitlines()[-1], whole.splitlines()[-1])
        self.assertEqual(len(set(result.stdout.splitlines())), len(result.stdout.splitlines()))
        self.assert_usage_error("training-job", "logs", job_id, "--follow", "--offset", "3", message="--follow")

    def test_raw_data_from_a_file_and_stdin(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
            json.dump({"job_name": unique("raw"), "train_url": "/bucket/out/"}, body)
        self.addCleanup(os.unlink, body.name)
        created = json.loads(self.run_cli("raw", "POST", "/v1/{project}/visualization-jobs", "--data", "@" + body.name).stdout)
        self.assertTrue(created["is_success"])
        name = unique("raw")
        result = subprocess.run([CLI, "raw", "POST", "/v1/{project}/visualization-jobs", "--data", "-"], text=True,
                                input=json.dumps({"job_name": name, "train_url": "/bucket/out/"}), capture_output=True,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.run_json("visualization-job", "list", "--search", name)["total"], 1)
        self.assert_usage_error("raw", "POST", "/v1/x", "--data", "@/no/such/file.json", message="cannot read")

    def test_completion_scripts(self):
        script = self.run_cli("completion", "bash").stdout
        self.assertIn("complete -F _modelarts modelarts", script)
        for word in ["training-job", "label-job", "--per-page", "--follow", "--profile"]:
            self.assertIn(word, script)
        if shutil.which("bash"):
            def complete(*words):
                line = " ".join(words)
                command = ('source /dev/stdin; COMP_WORDS=(modelarts %s); COMP_CWORD=%d; _modelarts; '
                           'echo "${COMPREPLY[@]}"' % (line, len(words)))
                return subprocess.run(["bash", "-c", command], input=script, capture_output=True, text=True).stdout.split()
            self.assertEqual(complete("training-job-c"), ["training-job-config"])
            self.assertIn("log-files", complete("training-job", "l"))
            self.assertIn("--follow", complete("training-job", "logs", "--f"))
            self.assertIn("--region", complete("spec", "list", "--reg"))
        self.assertIn("bashcompinit", self.run_cli("completion", "zsh").stdout)
        self.assert_usage_error("completion", "fish", message="unknown shell 'fish'")


if __name__ == "__main__":
    unittest.main()
