"""Issue #11: the OpenAPI document declares every header and status the server uses, checked by
schemathesis against a real `bonemet serve` (its own data folder, a clinician's API token made
through the admin pages): zero server errors and zero conformance failures. Bounded: a fixed
number of examples per operation and a timeout on the whole run."""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("BONEMET_BIN", os.path.join(ROOT, ".build", "debug", "bonemet"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    """A browser-like session: cookies and the CSRF token of the last page."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return self._absorb(response.read().decode())

    def post(self, path, fields):
        data = urllib.parse.urlencode({**fields, "_csrf": self.csrf}).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=30) as response:
            return self._absorb(response.read().decode())

    def _absorb(self, html):
        found = re.search(r'name="_csrf" value="([^"]*)"', html)
        if found:
            self.csrf = found.group(1)
        return html


def sign_in_and_change(base, username, password, new_password):
    session = Session(base)
    session.get("/login")
    session.post("/login", {"username": username, "password": password})
    session.get("/password")
    session.post("/password", {"current": password, "new": new_password, "repeat": new_password})
    return session


def clinician_token(base, admin_password):
    """An orthopaedic surgeon's API token, made as a hospital would: the administrator adds the
    user, the user sets their password, the administrator issues the token."""
    admin = sign_in_and_change(base, "admin", admin_password, "schemathesis admin password 1")
    admin.get("/admin/users")
    created = admin.post("/admin/users", {"username": "st.doctor", "displayName": "Dr ST", "role": "orthopaedics"})
    one_time = re.search(r'id="one-time-password".*?<code>([^<]+)</code>', created, re.S).group(1)
    sign_in_and_change(base, "st.doctor", one_time, "schemathesis doctor password 1")
    users = admin.get("/admin/users")
    options = re.findall(r'<option value="([0-9a-f-]{36})"[^>]*>([^<]*)</option>', users)
    user_id = next(value for value, label in options if "st.doctor" in label or "Dr ST" in label)
    page = admin.post("/admin/tokens", {"userId": user_id, "name": "schemathesis", "days": "30"})
    return re.search(r"(bm_[A-Za-z0-9_-]+)", page).group(1)


def test_the_api_conforms_to_its_openapi_document():
    data = tempfile.mkdtemp(prefix="bonemet-schemathesis-")
    port = free_port()
    log_path = os.path.join(data, "serve.log")
    log = open(log_path, "w")
    process = subprocess.Popen([BINARY, "serve", "--port", str(port), "--data", data, "--demo"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        password = None
        deadline = time.time() + 60
        while time.time() < deadline and password is None:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                found = re.search(r"one-time password: (\S+)", open(log_path).read())
                password = found.group(1) if found else None
            except OSError:
                time.sleep(0.2)
        assert password, open(log_path).read()
        token = clinician_token(base, password)
        command = [
            shutil.which("schemathesis") or os.path.join(os.path.dirname(sys.executable), "schemathesis"),
            "--config-file", os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemathesis.toml"), "run", base + "/api/openapi.json",
            "--url", base, "-H", f"Authorization: Bearer {token}",
            "--max-examples", os.environ.get("BONEMET_SCHEMATHESIS_EXAMPLES", "30"),
            "--request-timeout", "20", "--no-color", "--seed", "11",
        ]
        result = subprocess.run(command, cwd=data, capture_output=True, text=True, timeout=900)
        print(result.stdout[-20000:])
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(data, ignore_errors=True)
