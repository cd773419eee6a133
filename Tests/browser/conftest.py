"""Starts a real `bonemet serve` (fresh SQLite data folder, free loopback port) for the browser
tests and stops it afterwards; the one-time administrator password is read from its output."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("BONEMET_BIN", os.path.join(ROOT, ".build", "debug", "bonemet"))
CHROMIUM = os.environ.get("BONEMET_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    data = tempfile.mkdtemp(prefix="bonemet-browser-")
    port = free_port()
    log_path = os.path.join(data, "serve.log")
    log = open(log_path, "w")
    process = subprocess.Popen(
        [BINARY, "serve", "--port", str(port), "--data", data],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        # A short idle timeout so test_connections.py can see a silent connection closed, and
        # a small per-client connection limit it can reach (the browser opens at most 6).
        env={**os.environ, "BONEMET_IDLE_TIMEOUT": "2", "BONEMET_MAX_CONNECTIONS_PER_CLIENT": "16",
             "BONEMET_HOSPITAL_NAME": "Example University Hospital"},
    )
    base = f"http://127.0.0.1:{port}"
    password = None
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                text = open(log_path).read()
                found = re.search(r"one-time password: (\S+)", text)
                if found:
                    password = found.group(1)
                    break
            except OSError:
                pass
            time.sleep(0.3)
        assert password, "server did not start: " + open(log_path).read()[-2000:]
        yield {"base": base, "password": password}
    finally:
        # SIGTERM must stop the server gracefully (exit status 0) within a few seconds.
        process.terminate()
        try:
            status = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            status = "killed after 20 s"
        log.close()
        shutil.rmtree(data, ignore_errors=True)
        assert status == 0, f"bonemet serve did not shut down gracefully: {status}"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()
