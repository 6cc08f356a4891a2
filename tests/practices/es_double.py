"""A stand-in for an Elasticsearch 8 server, over real HTTP, for tests without a cluster.

It speaks just enough of the REST API for the practice index to be built, updated and
searched by the real client: cluster info, creating, checking and deleting an index,
aliases, single documents, ``_bulk`` (NDJSON), ``_refresh`` and ``_search``. It stores
what it is sent and records every request, so a test can assert on the requests the
client made and on how the code reads the answers.

It does not search. ``_search`` answers with the stored documents, in the order they
were stored, and counts each facet's terms over all of them, ignoring queries and
filters; a test that needs a particular answer sets ``search_response``. What a real
cluster makes of the requests is for the tests that run when ``ELASTICSEARCH_URL`` is set.
"""

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

CONTENT_TYPE = "application/vnd.elasticsearch+json;compatible-with=8"
CLUSTER_INFO = {
    "name": "es-double",
    "cluster_name": "es-double",
    "cluster_uuid": "double-0000",
    "version": {
        "number": "8.19.0",
        "build_flavor": "default",
        "lucene_version": "9.12.0",
        "minimum_wire_compatibility_version": "7.17.0",
        "minimum_index_compatibility_version": "7.0.0",
    },
    "tagline": "You Know, for Search",
}


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object  # parsed JSON, a list of parsed lines for NDJSON, or None


@dataclass
class StoredIndex:
    name: str
    body: dict  # the body it was created with: settings and mappings
    docs: dict = field(default_factory=dict)  # id -> source, in the order stored


def _error(status, error_type, reason):
    return status, {"error": {"type": error_type, "reason": reason}, "status": status}


class ElasticsearchDouble:
    def __init__(self):
        self.requests = []
        self.indices = {}  # name -> StoredIndex
        self.aliases = {}  # alias -> index name
        # A callable (request body, StoredIndex) -> response body, to answer _search
        # with something ``answer_search`` does not give.
        self.search_response = None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    # What the tests read.

    def requests_to(self, method, path_part=""):
        return [r for r in self.requests if r.method == method and path_part in r.path]

    def docs(self, name):
        """The stored documents of an index or of the index an alias points to."""
        return self.indices[self.resolve(name)].docs

    def resolve(self, name):
        return self.aliases.get(name, name if name in self.indices else None)

    # Answering.

    def handle(self, method, path, params, body):
        parts = [unquote(part) for part in path.strip("/").split("/") if part]
        with self._lock:
            self.requests.append(Request(method, path, params, body))
            return self._route(method, parts, params, body)

    def _route(self, method, parts, params, body):
        match (method, parts):
            case ("GET", []):
                return 200, CLUSTER_INFO
            case ("PUT" | "POST", ["_bulk"]):
                return self._bulk(None, params, body)
            case ("PUT" | "POST", [index, "_bulk"]):
                return self._bulk(index, params, body)
            case ("POST", ["_aliases"]):
                return self._update_aliases(body)
            case ("GET" | "HEAD", ["_alias", alias]):
                if alias not in self.aliases:
                    return _error(404, "aliases_not_found_exception", f"alias [{alias}] missing")
                return 200, {self.aliases[alias]: {"aliases": {alias: {}}}}
            case ("HEAD", [index]):
                return (200 if self.resolve(index) else 404), None
            case ("PUT", [index]):
                if self.resolve(index):
                    return _error(400, "resource_already_exists_exception", index)
                self.indices[index] = StoredIndex(name=index, body=body or {})
                return 200, {"acknowledged": True, "shards_acknowledged": True, "index": index}
            case ("DELETE", [index]):
                if index not in self.indices:
                    return _error(404, "index_not_found_exception", f"no such index [{index}]")
                del self.indices[index]
                self.aliases = {a: i for a, i in self.aliases.items() if i != index}
                return 200, {"acknowledged": True}
            case ("POST" | "GET", [index, "_refresh"]):
                return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
            case ("PUT" | "POST", [index, "_doc", doc_id]):
                status, item = self._write("index", index, doc_id, body, params)
                return status, item if status < 300 else {"error": item["error"], "status": status}
            case ("DELETE", [index, "_doc", doc_id]):
                status, item = self._write("delete", index, doc_id, None, params)
                return status, item if status < 300 else {"error": item["error"], "status": status}
            case ("POST" | "GET", [index, "_search"]):
                return self._search(index, body or {})
        return _error(400, "illegal_argument_exception", f"the double has no {method} {parts}")

    def _write(self, op, index, doc_id, source, params):
        target = self.resolve(index)
        if params.get("require_alias") == "true" and index not in self.aliases:
            reason = f"no such index [{index}] and [require_alias] is true"
            return 404, {
                "status": 404,
                "error": {"type": "index_not_found_exception", "reason": reason},
            }
        if op == "delete":
            found = target is not None and self.indices[target].docs.pop(doc_id, None) is not None
            return (200 if found else 404), {
                "_index": target or index,
                "_id": doc_id,
                "result": "deleted" if found else "not_found",
                "status": 200 if found else 404,
            }
        if target is None:
            # Like Elasticsearch: a write to a missing index creates it, mapping guessed.
            target = index
            self.indices[target] = StoredIndex(name=target, body={})
        created = doc_id not in self.indices[target].docs
        self.indices[target].docs[doc_id] = source
        return (201 if created else 200), {
            "_index": target,
            "_id": doc_id,
            "result": "created" if created else "updated",
            "status": 201 if created else 200,
            "_shards": {"total": 1, "successful": 1, "failed": 0},
        }

    def _bulk(self, default_index, params, lines):
        items = []
        lines = list(lines or [])
        while lines:
            action = lines.pop(0)
            ((op, meta),) = action.items()
            source = lines.pop(0) if op in {"index", "create", "update"} else None
            index = meta.get("_index", default_index)
            target = self.resolve(index)
            if op == "create" and target and str(meta["_id"]) in self.indices[target].docs:
                reason = f"[{meta['_id']}]: version conflict, document already exists"
                error = {"type": "version_conflict_engine_exception", "reason": reason}
                items.append(
                    {op: {"_index": target, "_id": str(meta["_id"]), "status": 409, "error": error}}
                )
                continue
            _status, item = self._write(
                "delete" if op == "delete" else "index", index, str(meta["_id"]), source, params
            )
            items.append({op: item})
        errors = any(item[op]["status"] >= 300 for item in items for op in item)
        return 200, {"took": 1, "errors": errors, "items": items}

    def _update_aliases(self, body):
        for action in body["actions"]:
            ((op, args),) = action.items()
            if op == "add":
                self.aliases[args["alias"]] = args["index"]
            elif op == "remove":
                self.aliases.pop(args["alias"], None)
            elif op == "remove_index":
                del self.indices[args["index"]]
                self.aliases = {a: i for a, i in self.aliases.items() if i != args["index"]}
        return 200, {"acknowledged": True}

    def _search(self, index, body):
        target = self.resolve(index)
        if target is None:
            return _error(404, "index_not_found_exception", f"no such index [{index}]")
        answer = self.search_response or self.answer_search
        return 200, answer(body, self.indices[target])

    def answer_search(self, body, index):
        """The stored documents in stored order, and the facets' terms counted over all."""
        docs = index.docs
        start = body.get("from", 0)
        size = body.get("size", 10)
        hits = [
            {"_index": index.name, "_id": doc_id, "_score": 1.0}
            for doc_id in list(docs)[start : start + size]
        ]
        return {
            "took": 1,
            "timed_out": False,
            "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            "hits": {
                "total": {"value": len(docs), "relation": "eq"},
                "max_score": 1.0,
                "hits": hits,
            },
            "aggregations": {
                name: self._aggregate(agg, docs.values())
                for name, agg in body.get("aggs", {}).items()
            },
        }

    def _aggregate(self, agg, sources):
        sources = list(sources)
        if "terms" in agg:
            terms = agg["terms"]
            counts = Counter()
            for source in sources:
                values = source.get(terms["field"], [])
                counts.update(values if isinstance(values, list) else [values])
            if "include" in terms:
                counts = Counter({k: v for k, v in counts.items() if k in terms["include"]})
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            shown = ranked[: terms.get("size", 10)]
            return {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": sum(count for _key, count in ranked[len(shown) :]),
                "buckets": [{"key": key, "doc_count": count} for key, count in shown],
            }
        # A filter aggregation: its sub-aggregations over every document (filters ignored).
        return {
            "doc_count": len(sources),
            **{name: self._aggregate(sub, sources) for name, sub in agg.get("aggs", {}).items()},
        }

    def _handler_class(self):
        double = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                if "ndjson" in self.headers.get("Content-Type", ""):
                    body = [json.loads(line) for line in raw.splitlines() if line.strip()]
                else:
                    body = json.loads(raw) if raw else None
                status, payload = double.handle(
                    self.command, url.path, dict(parse_qsl(url.query)), body
                )
                data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", CONTENT_TYPE)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _answer

            def log_message(self, format, *args):
                pass

        return Handler
