# SPDX-License-Identifier: Apache-2.0
"""The `job` group: new-version (v2) training jobs against the emulator.

Every verb (submit, list, get, wait, logs, metrics, events, stop, delete, update, flavors, engines), the three
algorithm forms and --file, the exit statuses (a v2 400 ModelArts.2775 is "not found", exit 3), and the JSON
list shape {"items", "total"}. The emulator runs at --time-scale 1000: a job completes about 65 ms after it is
submitted; EMULATOR_OUTCOME=hang keeps it Pending, =fail ends it Failed.
"""
import json
import os
import shutil
import tempfile
import unittest

from cli_support import CliTestCase, unique

ENGINE = ["--framework-type", "PyTorch", "--framework-version", "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64"]
PRESET = ENGINE + ["--code-dir", "obs://bkt/code/", "--boot-file", "train.py", "--instance-type", "modelarts.vm.cpu.8u"]
FAST = ["--interval", "0.02", "--max-interval", "0.05", "--timeout", "60"]


class JobTests(CliTestCase):
    def submit(self, *extra, name=None):
        return self.run_json("job", "submit", name or unique("v2-"), *PRESET, *extra)

    def test_help_tells_the_v2_group_from_the_v1_group(self):
        text = self.run_cli("--help").stdout
        job_line = next(line for line in text.splitlines() if line.strip().startswith("job "))
        self.assertIn("v2", job_line)
        self.assertIn("v1", next(line for line in text.splitlines() if line.strip().startswith("training-job ")))
        verbs = self.run_cli("job", "--help").stdout
        for verb in ("submit", "list", "get", "wait", "logs", "metrics", "events", "stop", "delete", "update",
                     "flavors", "engines"):
            self.assertIn(verb, verbs)

    def test_submit_a_preset_engine_job_and_get_it(self):
        name = unique("v2-preset-")
        job = self.submit("--input", "data_url=obs://bkt/data/", "--output", "train_url=obs://bkt/out/",
                          "--parameter", "epochs=3", "--parameter", "dist=", "--env", "NCCL_DEBUG=INFO",
                          "--log-export-path", "obs://bkt/logs/", "--description", "nightly", name=name)
        self.assertEqual(job["metadata"]["name"], name)
        algorithm = job["algorithm"]
        self.assertEqual(algorithm["boot_file"], "obs://bkt/code/train.py")
        self.assertEqual(algorithm["inputs"][0]["remote"]["obs"]["obs_url"], "obs://bkt/data/")
        self.assertEqual(algorithm["outputs"][0]["name"], "train_url")
        self.assertEqual([p["name"] for p in algorithm["parameters"]], ["epochs", "dist"])
        got = self.run_json("job", "get", job["metadata"]["id"])
        self.assertEqual(got["metadata"]["description"], "nightly")
        table = self.run_cli("job", "get", job["metadata"]["id"]).stdout
        self.assertIn(name, table)
        self.assertIn("modelarts.vm.cpu.8u", table)

    def test_submit_a_custom_image_and_from_a_file(self):
        image = self.run_json("job", "submit", unique("v2-image-"), "--image-url", "swr/team/train:1",
                              "--command", "python /app/train.py", "--instance-type", "modelarts.vm.cpu.2u")
        self.assertEqual(image["algorithm"]["command"], "python /app/train.py")
        body = {"kind": "job", "metadata": {"name": "ignored"},
                "algorithm": {"engine": {"image_url": "swr/team/train:2"}, "command": "sh run.sh"},
                "spec": {"resource": {"flavor_id": "modelarts.vm.cpu.2u", "node_count": 1}}}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(body, f)
        self.addCleanup(os.unlink, f.name)
        name = unique("v2-file-")
        created = self.run_json("job", "submit", name, "--file", f.name)
        self.assertEqual(created["metadata"]["name"], name)  # NAME replaces the file's name
        self.assertEqual(created["algorithm"]["command"], "sh run.sh")

    def code_tree(self):
        root = tempfile.mkdtemp(prefix="cli_code_")
        self.addCleanup(shutil.rmtree, root, True)
        for relative, data in (("train.py", "print('cli')\n"), ("pkg/util.py", "X = 1\n")):
            os.makedirs(os.path.dirname(os.path.join(root, relative)), exist_ok=True)
            with open(os.path.join(root, relative), "w") as f:
                f.write(data)
        return root

    def test_submit_uploads_a_local_code_dir_first(self):
        stage = "obs://modelarts-emulator/%s/" % unique("stage")
        local = ENGINE + ["--code-dir", self.code_tree(), "--boot-file", "train.py", "--obs-path", stage,
                          "--instance-type", "modelarts.vm.cpu.8u"]
        dry = json.loads(self.run_cli("job", "submit", unique("v2-dry-"), *local, "--dry-run").stdout)
        self.assertEqual(self.run_json("obs", "ls", stage, "--recursive")["items"], [])  # a dry run uploads nothing
        job = self.run_json("job", "submit", unique("v2-local-"), *local)
        code_dir = job["algorithm"]["code_dir"]
        self.assertEqual(dry["algorithm"]["code_dir"], code_dir)
        self.assertTrue(code_dir.startswith(stage) and code_dir.endswith("/code/"), code_dir)
        self.assertEqual(job["algorithm"]["boot_file"], code_dir + "train.py")
        listed = self.run_json("obs", "ls", code_dir, "--recursive")["items"]
        self.assertEqual(sorted(item["key"] for item in listed),
                         sorted(code_dir.split("/", 3)[3] + k for k in ("train.py", "pkg/util.py")))
        # On a terminal the upload shows a progress line; the same tree is not sent again.
        _, seen = self.run_pty("job", "submit", unique("v2-local-"), *local, status=0)
        self.assertIn("uploading code: ", seen)
        self.assertIn("2 of 2 files", seen)
        piped = self.run_cli("job", "submit", unique("v2-local-"), *local)
        self.assertNotIn("uploading", piped.stderr)

    def test_submit_local_code_usage_errors_upload_nothing(self):
        stage = "obs://modelarts-emulator/%s/" % unique("stage")
        tree = self.code_tree()
        base = ENGINE + ["--instance-type", "modelarts.vm.cpu.8u", "--obs-path", stage]
        self.assert_usage_error("job", "submit", unique("x"), *base, "--code-dir", tree + "/missing",
                                "--boot-file", "train.py", message="--code-dir")
        self.assert_usage_error("job", "submit", unique("x"), *base, "--code-dir", tree, "--boot-file", "../x.py",
                                message="--boot-file")
        self.assert_usage_error("job", "submit", unique("x"), *ENGINE, "--instance-type", "modelarts.vm.cpu.8u",
                                "--code-dir", tree, "--boot-file", "train.py", "--obs-path", "stage/",
                                message="--obs-path")
        # A local directory without --obs-path is not an OBS path: refused, not sent.
        self.assert_usage_error("job", "submit", unique("x"), *ENGINE, "--instance-type", "modelarts.vm.cpu.8u",
                                "--code-dir", tree, "--boot-file", "train.py", message="--code-dir")
        self.assertEqual(self.run_json("obs", "ls", stage, "--recursive")["items"], [])

    def test_submit_usage_errors_name_the_flag_and_send_nothing(self):
        self.assert_usage_error("job", "submit", unique("x"), "--instance-type", "modelarts.vm.cpu.2u",
                                message="--framework-type")
        self.assert_usage_error("job", "submit", unique("x"), *PRESET, "--image-url", "swr/a:1", "--command", "x",
                                message="exactly one algorithm form")
        self.assert_usage_error("job", "submit", unique("x"), *PRESET, "--input", "obs://bkt/data/",
                                message="bad --input")
        self.assert_usage_error("job", "submit", unique("x"), "--file", "/no/such/body.json", message="cannot read")
        self.assert_usage_error("job", "submit", "x", "--file", "/no/such/body.json", "--code-dir", "obs://b/c/",
                                message="does not mix with --code-dir")
        self.assert_usage_error("job", "submit", "bad/name", *PRESET, message="NAME")
        self.assert_usage_error("job", "list", "--per-page", "51", message="--per-page")
        self.assert_usage_error("job", "list", "--phase", "sleeping", message="--phase")

    def test_wait_and_submit_wait_exit_by_the_final_phase(self):
        done = self.run_cli("job", "submit", unique("v2-wait-"), *PRESET, "--wait", *FAST)
        self.assertIn("Completed", done.stdout)
        failed = self.run_cli("job", "submit", unique("v2-fail-"), *PRESET, "--env", "EMULATOR_OUTCOME=fail",
                              "--wait", *FAST, status=6)
        self.assertIn("Failed", failed.stderr)
        job = self.submit()
        self.assertEqual(self.run_json("job", "wait", job["metadata"]["id"], *FAST)["status"]["phase"], "Completed")

    def test_wait_reports_a_stall_and_a_timeout_as_exit_5(self):
        job = self.submit("--env", "EMULATOR_OUTCOME=hang")
        self.run_cli("job", "wait", job["metadata"]["id"], "--interval", "0.02", "--max-interval", "0.02",
                     "--stall-timeout", "0.2", status=5)
        self.run_cli("job", "wait", job["metadata"]["id"], "--interval", "0.02", "--timeout", "0.1", status=5)

    def test_logs_follow_metrics_and_events(self):
        name = unique("v2-follow-")
        followed = self.run_cli("job", "submit", name, *PRESET, "--follow", *FAST)
        lines = followed.stdout.splitlines()
        self.assertGreater(len(lines), 10, followed.stdout)
        self.assertEqual(len(lines), len(set(lines)), "no line twice")
        self.assertIn("Submitted training job", followed.stderr)
        job_id = self.run_json("job", "list", "--search", name)["items"][0]["metadata"]["id"]
        preview = self.run_json("job", "logs", job_id, "--task", "worker-0")
        self.assertEqual(preview["full_size"], len(preview["content"].encode()))
        self.assertEqual(self.run_cli("job", "logs", job_id).stdout.rstrip("\n"), followed.stdout.rstrip("\n"))
        metrics = self.run_json("job", "metrics", job_id)
        self.assertEqual(metrics["total"], len(metrics["items"]))
        self.assertIn("cpuUsage", [m["metric"] for m in metrics["items"]])
        self.assertIn("METRIC", self.run_cli("job", "metrics", job_id).stdout)
        events = self.run_json("job", "events", job_id, "--limit", "2")
        self.assertEqual(len(events["items"]), 2)
        self.assertGreater(events["total"], 2)
        self.assertIn("MESSAGE", self.run_cli("job", "events", job_id, "--level", "Info").stdout)

    def test_list_filters_pages_and_prints_items_and_total(self):
        tag = unique("v2-list-")
        for n in range(3):
            self.submit(name="%s-%d" % (tag, n))
        page = self.run_json("job", "list", "--search", tag, "--per-page", "2")
        self.assertEqual(sorted(page.keys()), ["items", "total"])
        self.assertEqual(page["total"], 3)
        self.assertEqual(len(page["items"]), 2)
        every = self.run_json("job", "list", "--search", tag, "--per-page", "2", "--all")
        self.assertEqual(sorted(j["metadata"]["name"] for j in every["items"]), ["%s-%d" % (tag, n) for n in range(3)])
        self.assertEqual(every["total"], 3)
        table = self.run_cli("job", "list", "--search", tag, "--per-page", "2").stdout
        self.assert_table(table, ["JOB_ID", "NAME", "PHASE", "CREATED", "DURATION", "FLAVOR", "NODES", "DESCRIPTION"])
        self.assertIn("next: --page 2", table)
        hung = self.submit("--env", "EMULATOR_OUTCOME=hang")
        pending = self.run_json("job", "list", "--phase", "pending", "--per-page", "50")
        self.assertIn(hung["metadata"]["id"], [j["metadata"]["id"] for j in pending["items"]])
        self.assertTrue(all(j["status"]["phase"] == "Pending" for j in pending["items"]))

    def test_update_stop_delete_and_not_found_is_exit_3(self):
        job_id = self.submit("--env", "EMULATOR_OUTCOME=hang")["metadata"]["id"]
        self.run_cli("job", "update", job_id, "--description", "renamed")
        self.assertEqual(self.run_json("job", "get", job_id)["metadata"]["description"], "renamed")
        self.assertIn("Terminating", self.run_cli("job", "stop", job_id).stdout)
        self.poll(lambda: self.run_json("job", "get", job_id)["status"]["phase"], lambda p: p == "Terminated",
                  "the job to be Terminated")
        # Terminating an ended job: 409 ModelArts.2796, a conflict: exit 1.
        self.assert_service_error("job", "stop", job_id, code="ModelArts.2796", status=1)
        self.assertEqual(self.run_json("job", "delete", job_id)["job_id"], job_id)
        # A deleted job answers 400 ModelArts.2775: "not found" by its code, exit 3, through the SDK and raw.
        self.assert_service_error("job", "get", job_id, code="ModelArts.2775", status=3)
        self.assert_service_error("job", "logs", job_id, code="ModelArts.2775", status=3)
        self.run_cli("raw", "GET", "/v2/{project}/training-jobs/" + job_id, status=3)

    def test_flavors_and_engines(self):
        flavors = self.run_json("job", "flavors")
        self.assertEqual(flavors["total"], len(flavors["items"]))
        self.assertIn("modelarts.vm.cpu.8u", [f["flavor_id"] for f in flavors["items"]])
        gpu = self.run_json("job", "flavors", "--type", "GPU")
        self.assertTrue(gpu["items"] and all(f["flavor_type"] == "GPU" for f in gpu["items"]))
        self.assert_table(self.run_cli("job", "flavors").stdout,
                          ["FLAVOR_ID", "NAME", "TYPE", "MAX_NODES", "CPU", "MEMORY", "GPU"])
        engines = self.run_json("job", "engines")
        self.assertIn("PyTorch", [e["engine_name"] for e in engines["items"]])
        self.assertIn("pytorch_1.8.0", self.run_cli("job", "engines").stdout)


if __name__ == "__main__":
    unittest.main()
