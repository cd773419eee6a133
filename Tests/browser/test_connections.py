"""Issue #11: connections that stay silent — idle keep-alives, or a request head sent too
slowly (slow-loris) — are closed by the server after BONEMET_IDLE_TIMEOUT seconds (2 here,
set by the fixture), while a normal request on a fresh connection is still answered.
Bounded: each socket waits at most 30 s and the test stops by itself.
One client address may hold at most BONEMET_MAX_CONNECTIONS_PER_CLIENT connections (16 here):
the next one is answered 503 with Retry-After and closed."""

import socket
import urllib.parse
import urllib.error
import urllib.request


def connect(base):
    url = urllib.parse.urlparse(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=30)
    return sock


def closed_by_server(sock):
    """True when the server closes the connection (recv returns b'' or the peer resets)."""
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_a_silent_connection_is_closed(server):
    sock = connect(server["base"])
    try:
        assert closed_by_server(sock), "a connection that sent nothing was kept open"
    finally:
        sock.close()


def test_a_slow_request_head_is_closed(server):
    sock = connect(server["base"])
    try:
        # Half a request head, then silence.
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert closed_by_server(sock), "a half-sent request head was kept open"
    finally:
        sock.close()
    # The server still answers others.
    with urllib.request.urlopen(server["base"] + "/healthz", timeout=10) as response:
        assert response.status == 200


LIMIT = 16


def read_response(sock):
    data = b""
    try:
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data and b"Connection: close" not in data and b"connection: close" not in data:
                break
    except (ConnectionResetError, socket.timeout):
        pass
    return data


def test_one_client_cannot_hold_every_connection(server):
    import time
    held = [connect(server["base"]) for _ in range(LIMIT)]
    # Connections are counted on the server's event loops, not in the order they connected:
    # give the held ones a moment to be counted (well inside the 2 s idle timeout).
    time.sleep(0.5)
    try:
        extra = connect(server["base"])
        try:
            extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            answer = read_response(extra).decode("utf-8", "replace")
            assert answer.startswith("HTTP/1.1 503"), answer[:200]
            assert "retry-after: 5" in answer.lower()
            assert "过多" in answer
        finally:
            extra.close()
    finally:
        for sock in held:
            sock.close()
    # Once they are closed, the same client is served again.
    deadline = 0
    while True:
        try:
            with urllib.request.urlopen(server["base"] + "/healthz", timeout=10) as response:
                assert response.status == 200
                break
        except urllib.error.HTTPError as error:
            deadline += 1
            assert error.code == 503 and deadline < 50
            time.sleep(0.1)
