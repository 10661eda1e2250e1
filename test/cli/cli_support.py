# SPDX-License-Identifier: Apache-2.0
"""Shared pieces of the CLI tests: the CLI binary, the base test case, a pty runner and hostile test servers.

The tests run through scripts/with-emulator, which exports MODELARTS_ENDPOINT and the HUAWEICLOUD_SDK_*
credentials; MODELARTS_CLI names the CLI binary. Every command run here is also checked to never print the
secret key.
"""
import http.server
import json
import os
import pty
import select
import socket
import subprocess
import threading
import time
import unittest
import uuid

CLI = os.environ.get("MODELARTS_CLI", "build/bin/modelarts")
SECRET = os.environ.get("HUAWEICLOUD_SDK_SK", "")
SPEC = "modelarts.vm.cpu.2u"
TRAINING = ["--instance-type", SPEC, "--framework-type", "PyTorch", "--framework-version", "PyTorch-1.0.0-python3.6",
            "--code-dir", "/bucket/code/", "--boot-file", "/bucket/code/train.py", "--output-path", "/bucket/out/",
            "--data-url", "/bucket/data/"]
FAST_WAIT = ["--interval", "0.02", "--max-interval", "0.1", "--timeout", "60"]


def unique(prefix):
    return prefix + uuid.uuid4().hex[:8]


class CliTestCase(unittest.TestCase):
    def run_pty(self, *args, env=None, stdin_text=None, timeout=60, status=None):
        """Runs the CLI with stdin, stdout and stderr on one pseudo-terminal; returns (status, text seen)."""
        return run_on_pty([CLI, *args], env=env, stdin_text=stdin_text, timeout=timeout, test=self, status=status)

    def run_cli(self, *args, status=0, env=None):
        """Runs the CLI (stdout/stderr piped), checks its exit status and that no secret leaked."""
        result = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, env=env)
        context = "modelarts %s\nstdout: %s\nstderr: %s" % (" ".join(args), result.stdout, result.stderr)
        self.assertEqual(result.returncode, status, context)
        if SECRET:
            self.assertNotIn(SECRET, result.stdout + result.stderr, context)
        return result

    def run_json(self, *args, env=None):
        return json.loads(self.run_cli(*args, "-o", "json", env=env).stdout)

    def assert_usage_error(self, *args, message):
        result = self.run_cli(*args, status=2)
        self.assertIn("modelarts: ", result.stderr)
        self.assertIn(message, result.stderr)
        self.assertIn("hint: ", result.stderr)
        self.assertEqual(result.stdout, "")
        return result

    def assert_service_error(self, *args, code, status=1):
        result = self.run_cli(*args, status=status)
        lines = result.stderr.strip().splitlines()
        self.assertTrue(lines, result.stderr)
        self.assertTrue(lines[-1].startswith("modelarts: "), result.stderr)
        self.assertIn(code, lines[-1])
        return result

    def assert_table(self, output, headers):
        """The first line holds the headers in order, aligned: every row starts its columns where they do."""
        lines = output.splitlines()
        self.assertTrue(lines, output)
        self.assertEqual(lines[0].split(), headers, output)
        return lines

    def row_of(self, output, first_cell):
        for line in output.splitlines()[1:]:
            if line.split() and line.split()[0] == first_cell:
                return line
        self.fail("no row for %s in:\n%s" % (first_cell, output))

    def poll(self, fetch, done, what, limit=30.0):
        deadline = time.time() + limit
        while True:
            value = fetch()
            if done(value):
                return value
            if time.time() > deadline:
                self.fail("timed out waiting for %s (last: %r)" % (what, value))
            time.sleep(0.02)




def run_on_pty(argv, env=None, stdin_text=None, timeout=60, test=None, status=None):
    master, slave = pty.openpty()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen = b""
    answers = stdin_text.split("\n") if stdin_text is not None else []
    answered = 0
    deadline = time.time() + timeout
    try:
        while time.time() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # EIO: every writer closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            # Answer each prompt ("...]: ") once it has appeared.
            while answered < len(answers) and seen.count(b"]: ") > answered:
                os.write(master, (answers[answered] + "\n").encode())
                answered += 1
            if not ready and process.poll() is not None:
                break
        process.wait(timeout=max(1, deadline - time.time()))
    finally:
        os.close(master)
    text = seen.decode("utf-8", "replace")
    if test is not None and status is not None:
        test.assertEqual(process.returncode, status, text)
    if test is not None and SECRET:
        test.assertNotIn(SECRET, text)
    return process.returncode, text


class SilentServer:
    """A loopback server that accepts connections and never answers (a hung endpoint)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.clients = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.clients.append(client)

    def close(self):
        self.sock.close()
        for client in self.clients:
            client.close()


class CannedServer:
    """A loopback HTTP server answering every request with one status and JSON body (a hostile service)."""

    def __init__(self, status, body):
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def reply(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = reply

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.endpoint = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
