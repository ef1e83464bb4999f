"""Loading: formats, multi-document streams, kind: List, files."""
import json

import pytest

import statefulset
from conftest import data_path, read_data


def test_library_is_loaded():
    assert statefulset.library_version().startswith("0.")
    assert {"yaml", "json"} <= set(statefulset.default_registry().formats)


def test_tutorial_web_yaml(web, web_expected):
    svc, sts = web
    assert type(svc) is statefulset.Service
    assert type(sts) is statefulset.StatefulSet
    assert [svc.to_dict(), sts.to_dict()] == web_expected


def test_bytes_and_str_give_the_same(web_yaml):
    a = [o.to_dict() for o in statefulset.load(web_yaml)]
    b = [o.to_dict() for o in statefulset.load(web_yaml.encode())]
    assert a == b


def test_json_input(web_expected):
    text = json.dumps(web_expected[1])
    (sts,) = statefulset.load(text, "json")
    assert sts.to_dict() == web_expected[1]
    (guessed,) = statefulset.load(text)  # '{' first: guessed as JSON
    assert guessed.replicas == 2


def test_multi_document_stream():
    text = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n"
            "---\n"
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v\n"
            "---\n"
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: www-web-0\n")
    objs = statefulset.load(text)
    assert [type(o) for o in objs] == [statefulset.Pod, statefulset.Object,
                                       statefulset.PersistentVolumeClaim]
    assert [o.name for o in objs] == ["web-0", "cfg", "www-web-0"]
    assert objs[1].kind == "ConfigMap" and objs[1].get("data.k") == "v"


LIST_YAML = """\
apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: nginx
  spec:
    clusterIP: None
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: web
  spec:
    replicas: 3
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-0
"""


def test_kind_list_is_expanded():
    objs = statefulset.load(LIST_YAML)
    assert [type(o).__name__ for o in objs] == ["Service", "StatefulSet", "Pod"]
    assert objs[1].replicas == 3
    assert objs[0].is_headless


def test_kind_list_kept_whole():
    (lst,) = statefulset.load(LIST_YAML, keep_lists=True)
    assert type(lst) is statefulset.Object
    assert lst.kind == "List"
    assert [i["kind"] for i in lst.get("items")] == ["Service", "StatefulSet", "Pod"]


def test_json_list_as_kubectl_writes_it():
    items = [{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "a"}},
             {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "b"}}]
    text = json.dumps({"apiVersion": "v1", "kind": "List", "items": items})
    objs = statefulset.load(text, "json")
    assert [o.name for o in objs] == ["a", "b"]
    assert [o.to_dict() for o in objs] == items


def test_empty_input():
    assert statefulset.load("") == []


def test_load_file_guesses_format(tmp_path, web_expected):
    p = tmp_path / "web.json"
    p.write_text(json.dumps(web_expected[0]))
    (svc,) = statefulset.load_file(p)
    assert svc.cluster_ip == "None"
    objs = statefulset.load_file(data_path("web.yaml"))
    assert [o.name for o in objs] == ["nginx", "web"]


def test_load_file_missing():
    with pytest.raises(FileNotFoundError):
        statefulset.load_file("/nonexistent/web.yaml")


def test_unknown_format():
    with pytest.raises(statefulset.NotFoundError) as ei:
        statefulset.load("a: b", "toml")
    assert ei.value.code == statefulset.ENOTFOUND


def test_dump_several_and_reload(web):
    text = statefulset.dump(web)
    again = statefulset.load(text)
    assert [o.to_dict() for o in again] == [o.to_dict() for o in web]
    as_list = statefulset.load(statefulset.dump(web, "json", as_list=True), keep_lists=True)
    assert len(as_list) == 1 and as_list[0].kind == "List"
    assert as_list[0].get("items") == [o.to_dict() for o in web]


def test_dump_file(tmp_path, web):
    p = tmp_path / "out.json"
    statefulset.dump_file(web, p, as_list=True)  # format from the extension
    assert json.loads(p.read_text())["kind"] == "List"
    assert [o.to_dict() for o in statefulset.load_file(p)] == [o.to_dict() for o in web]


def test_from_dict_round_trip(web):
    for o in web:
        copy = statefulset.from_dict(o.to_dict())
        assert type(copy) is type(o)
        assert copy.to_dict() == o.to_dict()


def test_registry_object(web_yaml):
    with statefulset.Registry() as reg:
        assert "yaml" in reg.formats
        objs = statefulset.load(web_yaml, registry=reg)
    assert reg.closed
    with pytest.raises(ValueError):
        reg.formats
    assert objs[1].replicas == 2  # objects do not depend on their registry
