"""Issue #11: connections that stay silent — idle keep-alives, or a request head sent too
slowly (slow-loris) — are closed by the server after BONEMET_IDLE_TIMEOUT seconds (2 here,
set by the fixture), while a normal request on a fresh connection is still answered.
Bounded: each socket waits at most 30 s and the test stops by itself."""

import socket
import urllib.parse
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
