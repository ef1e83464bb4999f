"""Errors carry code, message, field path, line and column; chains are lists."""
import pytest

import statefulset

THREE = """\
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: "three"
"""


def test_replicas_three():
    with pytest.raises(statefulset.FieldTypeError) as ei:
        statefulset.load(THREE, source="three.yaml")
    e = ei.value
    assert isinstance(e, statefulset.Error) and isinstance(e, TypeError)
    assert e.code == statefulset.ETYPE == -4
    assert e.name == "STS_ETYPE"
    assert e.path == "spec.replicas"
    assert (e.line, e.column) == (6, 13)  # the value "three"
    assert e.source == "three.yaml"
    assert e.message
    assert e.errors == [e]
    assert str(e).startswith("three.yaml:6:13: ")
    assert "spec.replicas" in str(e)


def test_every_type_error_is_reported():
    text = THREE + "  minReadySeconds: [1]\n  serviceName: 5\n"
    with pytest.raises(statefulset.FieldTypeError) as ei:
        statefulset.load(text)
    paths = [x.path for x in ei.value.errors]
    assert paths[:2] == ["spec.replicas", "spec.minReadySeconds"]
    assert all(isinstance(x, statefulset.Error) for x in ei.value.errors)
    assert ei.value.errors[1].line == 7
    assert "more error" in str(ei.value)


def test_yaml_syntax_error():
    # kubectl: "yaml: line 2: mapping values are not allowed in this context"
    with pytest.raises(statefulset.ParseError) as ei:
        statefulset.load("a: b\n  c: d\n", "yaml")
    e = ei.value
    assert isinstance(e, ValueError)
    assert e.code == statefulset.EPARSE
    assert e.line == 2
    assert e.column == 4  # the ':' that is not allowed there
    assert e.path == ""


def test_json_syntax_error():
    with pytest.raises(statefulset.ParseError) as ei:
        statefulset.load('{"apiVersion": "v1",\n "kind": }', "json")
    assert ei.value.line == 2


def test_type_error_in_json_has_position():
    text = '{"apiVersion": "apps/v1", "kind": "StatefulSet",\n "spec": {"replicas": "three"}}'
    with pytest.raises(statefulset.FieldTypeError) as ei:
        statefulset.load(text, "json")
    assert ei.value.path == "spec.replicas"
    assert ei.value.line == 2


def test_load_file_error_names_the_file(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(THREE)
    with pytest.raises(statefulset.FieldTypeError) as ei:
        statefulset.load_file(p)
    assert ei.value.source == str(p)


def test_depth_limit():
    deep = "".join("%sk:\n" % ("  " * i) for i in range(40)) + "  " * 40 + "v: 1\n"
    with pytest.raises(statefulset.LimitError) as ei:
        statefulset.load(deep, max_depth=10)
    assert ei.value.code == statefulset.ELIMIT


def test_input_size_limit():
    with pytest.raises(statefulset.LimitError):
        statefulset.load("a: " + "x" * 100, max_input_size=50)


def test_bad_limit_values():
    with pytest.raises(ValueError):
        statefulset.load("a: 1", max_depth=0)
    with pytest.raises(TypeError):
        statefulset.load("a: 1", max_dpeth=3)


def test_document_that_is_not_a_map():
    with pytest.raises(statefulset.FieldTypeError):
        statefulset.load("- 1\n- 2\n")


def test_error_classes_by_code():
    assert issubclass(statefulset.NotFoundError, KeyError)
    assert issubclass(statefulset.ParseError, ValueError)
    assert issubclass(statefulset.FieldTypeError, TypeError)
    assert issubclass(statefulset.OutOfMemoryError, MemoryError)
    for cls in (statefulset.LimitError, statefulset.ValidationError, statefulset.RangeError,
                statefulset.VersionError, statefulset.UnsupportedError):
        assert issubclass(cls, statefulset.Error)
    codes = {c.code for c in (statefulset.OutOfMemoryError, statefulset.InvalidArgumentError,
                              statefulset.ParseError, statefulset.FieldTypeError,
                              statefulset.ValidationError, statefulset.NotFoundError,
                              statefulset.UnsupportedError, statefulset.LimitError,
                              statefulset.RangeError, statefulset.VersionError,
                              statefulset.InputOutputError, statefulset.AlreadyExistsError)}
    assert codes == set(range(-12, 0))


def test_duplicate_keys():
    text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n"
    with pytest.raises(statefulset.Error) as ei:
        statefulset.load(text)
    assert ei.value.line == 5
    (pod,) = statefulset.load(text, allow_duplicate_keys=True)
    assert pod.name == "b"
