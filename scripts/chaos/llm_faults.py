#!/usr/bin/env python3
"""A chat-completions endpoint on 127.0.0.1 that fails the way real ones do, for scripts/chaos.sh's llm case.

  llm_faults.py MODE [--once] [--port-file FILE]

It answers every request with MODE; with --once only the first request of each distinct prompt gets the
fault and the ones after it (the client's retries) get a good reply, as a transient fault would. A good
reply is a VisProg program asking VQA the prompt's question (what FakeLlmServer answers). It prints its
port to --port-file (or stdout) and serves until killed. It binds the loopback address only.

MODES: ok, silent (reads the request, never answers), trickle (headers at once, the body at 20 bytes a
second), truncated (announces the whole body, sends 40 bytes, closes), 429 (Retry-After: 1), 503
(Retry-After: 3600), 500 (Retry-After: 0), malformed (HTTP 200, a body that is not JSON), slow (a good
reply after 1.5 s).
"""
import hashlib, json, re, signal, socketserver, sys, threading, time

QUESTION = re.compile(r"(?s).*(?:Question|Statement): ([^\n]*)\nProgram:")


def good_body(request):
    question = "What is in the image?"
    for m in request.get("messages", []):
        if m.get("role") == "user":
            found = QUESTION.match(m.get("content", ""))
            if found:
                question = found.group(1).strip()
    q = "'" + question.replace("\\", "\\\\").replace("'", "\\'") + "'"
    program = "ANSWER0=VQA(image=IMAGE,question=%s)\nFINAL_RESULT=RESULT(var=ANSWER0)" % q
    return json.dumps({
        "id": "chatcmpl-fault", "object": "chat.completion", "created": 0, "model": "fake",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "```\n" + program + "\n```"},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}}).encode()


def head(status, length, extra=""):
    return ("HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n%s\r\n"
            % (status, length, extra)).encode()


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.request.recv(65536)
            if not chunk:
                return
            data += chunk
        header, body = data.split(b"\r\n\r\n", 1)
        length = re.search(rb"(?i)content-length: *(\d+)", header)
        while length and len(body) < int(length.group(1)):
            chunk = self.request.recv(65536)
            if not chunk:
                return
            body += chunk
        try:
            request = json.loads(body or b"{}")
        except ValueError:
            request = {}
        mode = self.server.mode
        if self.server.once:
            key = hashlib.sha256(body).hexdigest()
            with self.server.lock:
                if key in self.server.seen:
                    mode = "ok"
                self.server.seen.add(key)
        with self.server.lock:
            self.server.requests += 1
        ok = good_body(request)
        s = self.request
        try:
            if mode == "ok":
                s.sendall(head(200, len(ok)) + ok)
            elif mode == "slow":
                time.sleep(1.5)
                s.sendall(head(200, len(ok)) + ok)
            elif mode == "silent":
                time.sleep(600)
            elif mode == "trickle":
                s.sendall(head(200, len(ok)))
                for b in ok:
                    s.sendall(bytes([b]))
                    time.sleep(0.05)
            elif mode == "truncated":
                s.sendall(head(200, len(ok)) + ok[:40])
            elif mode in ("429", "503", "500"):
                wait = {"429": "1", "503": "3600", "500": "0"}[mode]
                err = b'{"error": {"message": "fault", "type": "fault"}}'
                s.sendall(head(int(mode), len(err), "Retry-After: %s\r\n" % wait) + err)
            elif mode == "malformed":
                bad = b'{"choices": [ this is not json'
                s.sendall(head(200, len(bad)) + bad)
        except OSError:
            pass  # the client gave up: the point of most faults


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    args = sys.argv[1:]
    if not args or args[0] not in ("ok", "slow", "silent", "trickle", "truncated", "429", "503", "500", "malformed"):
        sys.exit(__doc__)
    server = Server(("127.0.0.1", 0), Handler)
    server.mode, server.once = args[0], "--once" in args
    server.seen, server.lock, server.requests = set(), threading.Lock(), 0
    port = str(server.server_address[1])
    if "--port-file" in args:
        with open(args[args.index("--port-file") + 1], "w") as f:
            f.write(port + "\n")
    else:
        print(port, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # the request count is printed on the way out
    try:
        server.serve_forever()
    finally:
        print("requests: %d" % server.requests, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
