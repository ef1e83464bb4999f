"""Closing, context managers and garbage-collection safety."""
import ctypes
import gc
import weakref

import pytest

import statefulset
from statefulset import _lib


def test_context_manager_closes(web_yaml):
    svc, sts = statefulset.load(web_yaml)
    with sts as s:
        assert s is sts
        assert s.replicas == 2
    assert sts.closed
    with pytest.raises(ValueError):
        sts.replicas
    with pytest.raises(ValueError):
        sts.to_yaml()
    assert "closed" in repr(sts)
    sts.close()  # idempotent
    assert svc.name == "nginx"  # a sibling stays valid


def test_memory_freed_when_last_object_closes(web_yaml):
    svc, sts = statefulset.load(web_yaml)
    owner = svc._owner
    assert owner is sts._owner
    svc.close()
    assert owner._finalizer.alive
    sts.close()
    assert not owner._finalizer.alive


def test_object_outlives_its_list(web_yaml):
    objs = statefulset.load(web_yaml)
    sts = objs[1]
    del objs
    gc.collect()
    assert sts.replicas == 2
    assert sts.get("spec.template.spec.containers[0].name") == "nginx"


def test_list_item_outlives_siblings():
    text = ("apiVersion: v1\nkind: List\nitems:\n"
            "- {apiVersion: v1, kind: Service, metadata: {name: a}}\n"
            "- {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: b}, spec: {replicas: 1}}\n")
    objs = statefulset.load(text)
    last = objs[-1]
    objs[0].close()
    del objs
    gc.collect()
    assert last.name == "b" and last.replicas == 1
    last.replicas = 4
    assert "replicas: 4" in last.to_yaml()


def test_memory_freed_by_gc(web_yaml):
    objs = statefulset.load(web_yaml)
    ref = weakref.ref(objs[0]._owner)
    fin = objs[0]._owner._finalizer
    del objs
    gc.collect()
    assert ref() is None
    assert not fin.alive


def test_new_object_owns_itself():
    with statefulset.StatefulSet.new("x") as sts:
        copy = sts.clone()
    assert sts.closed and not copy.closed
    assert copy.name == "x"
    copy.close()


def test_handles_are_typed(web):
    node = _lib.NodePtr()
    with pytest.raises(ctypes.ArgumentError):
        _lib.lib.sts_object_name(node)
    with pytest.raises(TypeError):
        _lib.ObjectPtr.from_param(_lib.NodePtr())


def test_many_loads_do_not_leak_handles(web_yaml):
    # Smoke test for the finalizer path: thousands of loads, nothing kept.
    for _ in range(2000):
        statefulset.load(web_yaml)[1].replicas
    gc.collect()


def test_copy_and_pickle(web):
    import copy
    import pickle
    sts = web[1]
    for dup in (copy.copy(sts), copy.deepcopy(sts), pickle.loads(pickle.dumps(sts))):
        assert type(dup) is statefulset.StatefulSet
        assert dup.to_dict() == sts.to_dict()
        dup.replicas = 11
        assert sts.replicas == 2


def test_repr(web):
    assert repr(web[1]) == "<statefulset.StatefulSet web>"
    (pod,) = statefulset.load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns1\n")
    assert repr(pod) == "<statefulset.Pod p namespace=ns1>"
